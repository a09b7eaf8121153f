import { describe, expect, it } from 'vitest';
import { closedWeekdays, isOpen, serviceClock } from './business-hours.js';

const shop = {
  timezone: 'Asia/Shanghai',
  businessHours: [1, 2, 3, 4, 5]
    .map((weekday) => ({ weekday, open: '10:00', close: '22:00' }))
    .concat([{ weekday: 6, open: '18:00', close: '02:00' }]),
  holidays: [
    { date: '2027-01-01', name: '元旦', closed: false, open: '11:00', close: '20:00' },
    { date: '2027-02-05', name: '除夕', closed: true },
  ],
};
// Shanghai is UTC+8: 2026-11-23 is a Monday.
const at = (local: string) => new Date(`${local}+08:00`);

describe('isOpen', () => {
  it('follows the weekday hours in the merchant timezone', () => {
    expect(isOpen(shop, at('2026-11-23T09:59:00'))).toBe(false);
    expect(isOpen(shop, at('2026-11-23T10:00:00'))).toBe(true);
    expect(isOpen(shop, at('2026-11-23T21:59:00'))).toBe(true);
    expect(isOpen(shop, at('2026-11-23T22:00:00'))).toBe(false);
  });

  it('handles a span past midnight', () => {
    expect(isOpen(shop, at('2026-11-28T23:30:00'))).toBe(true); // Saturday night
    expect(isOpen(shop, at('2026-11-29T01:30:00'))).toBe(true); // Sunday early morning, still Saturday's span
    expect(isOpen(shop, at('2026-11-29T02:00:00'))).toBe(false);
    expect(isOpen(shop, at('2026-11-29T12:00:00'))).toBe(false); // no Sunday hours
  });

  it('uses holiday hours and closures instead of the weekday', () => {
    expect(isOpen(shop, at('2027-01-01T10:30:00'))).toBe(false);
    expect(isOpen(shop, at('2027-01-01T11:30:00'))).toBe(true);
    expect(isOpen(shop, at('2027-02-05T12:00:00'))).toBe(false);
  });
});

describe('closed days and 客服 hours', () => {
  it('names the weekdays without a span as closed, a span past midnight not opening the next day', () => {
    expect(closedWeekdays(shop.businessHours)).toEqual([0]);
    expect(closedWeekdays([])).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it('uses the 客服 hours when set apart from the shop’s, the holidays for both', () => {
    const online = { ...shop, serviceHours: [{ weekday: 0, open: '09:00', close: '12:00' }] };
    expect(isOpen(serviceClock(online), at('2026-11-29T10:00:00'))).toBe(true); // a Sunday: the shop is closed
    expect(isOpen(serviceClock(online), at('2026-11-23T11:00:00'))).toBe(false); // Monday: 客服 is not on
    expect(isOpen(serviceClock(shop), at('2026-11-23T11:00:00'))).toBe(true); // none set: the shop's hours
  });
});
