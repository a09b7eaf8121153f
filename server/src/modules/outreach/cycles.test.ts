import { describe, expect, it } from 'vitest';
import { isDueForReminder, serviceCycle } from './cycles.js';

const day = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000);

describe('service cycles', () => {
  it('learns a customer’s own rhythm from three visits or more (the median gap)', () => {
    expect(serviceCycle([day(0), day(30), day(70), day(150)], '染发', 30)).toEqual({ days: 40, learned: true }); // gaps 30, 40, 80
    expect(serviceCycle([day(0), day(35), day(70)], '染发', 30)).toEqual({ days: 35, learned: true });
  });

  it('falls back to the service’s usual cycle, then to the merchant’s default', () => {
    expect(serviceCycle([day(0), day(40)], '染发+护理', 30)).toEqual({ days: 42, learned: false });
    expect(serviceCycle([day(0)], '宠物洗澡', 30)).toEqual({ days: 14, learned: false });
    expect(serviceCycle([day(0)], '头皮检测', 30)).toEqual({ days: 30, learned: false });
    expect(serviceCycle([day(0), day(1), day(2)], '头皮检测', 30).learned).toBe(false); // same-week rebookings are no rhythm
  });

  it('reminds from two days before the due date until ten days after', () => {
    const cycle = { days: 21, learned: true };
    expect(isDueForReminder(day(0), cycle, day(18))).toBe(false);
    expect(isDueForReminder(day(0), cycle, day(19))).toBe(true);
    expect(isDueForReminder(day(0), cycle, day(31))).toBe(true);
    expect(isDueForReminder(day(0), cycle, day(32))).toBe(false);
  });
});
