import { describe, expect, it } from 'vitest';
import { comingHolidays, holidayPrepRule, lastYearLine, lastYearWindow } from './holiday-prep.detector.js';

describe('holiday prep', () => {
  it('finds festivals and the shop’s own closures after today and within the window', () => {
    const own = [{ date: '2026-12-05', name: '店休' }];
    expect(comingHolidays(own, '2026-11-30', '2026-12-07')).toEqual([{ date: '2026-12-05', name: '店休' }]);
    expect(comingHolidays([], '2026-12-17', '2026-12-25').map((h) => h.name)).toContain('圣诞节');
    expect(comingHolidays(own, '2026-12-05', '2026-12-06')).toEqual([]); // the day itself is too late
  });

  it('sums last year’s same three days: paid orders only, the best sellers first', () => {
    expect(lastYearWindow('2026-12-25')).toEqual({
      start: new Date('2025-12-23T00:00:00Z'),
      end: new Date('2025-12-26T00:00:00Z'),
    });
    const line = lastYearLine([
      { status: 'completed', amount: 50000, items: [{ name: '热可可', quantity: 3 }] as never },
      { status: 'paid', amount: 123450, items: [{ name: '姜茶', quantity: 5 }] as never },
      { status: 'refunded', amount: 99900, items: [{ name: '退掉的', quantity: 9 }] as never },
    ]);
    expect(line).toBe('去年同期3天营业额¥1,734.50、2单，卖得最好的是姜茶、热可可。');
    expect(lastYearLine([])).toBe('');
  });

  it('counts the days left and adds the industry’s advice', () => {
    const alert = holidayPrepRule({ date: '2026-12-25', name: '圣诞节' }, '2026-12-17', '', '教育培训');
    expect(alert).toMatchObject({ key: '2026-12-25:圣诞节', title: '圣诞节还有8天', level: 'info' });
    expect(alert.body).toBe('如有停课，建议提前一周通知家长停课安排和假期作业。');
  });
});
