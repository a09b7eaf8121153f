import { describe, expect, it } from 'vitest';
import { byMondayFirst, closedWeekdays, MONDAY_FIRST, WEEKDAY_NAMES_MONDAY_FIRST, WEEKDAYS } from './weekdays';

describe('a week shown Monday first', () => {
  it('names 周一 … 周日 while the stored numbers keep 0 as Sunday', () => {
    expect(WEEKDAY_NAMES_MONDAY_FIRST).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    expect(WEEKDAYS[0]).toBe('周日');
    // a picker's index i stands for MONDAY_FIRST[i]: the last entry is Sunday, stored as 0
    expect(MONDAY_FIRST[WEEKDAY_NAMES_MONDAY_FIRST.indexOf('周日')]).toBe(0);
    expect(MONDAY_FIRST[WEEKDAY_NAMES_MONDAY_FIRST.indexOf('周一')]).toBe(1);
  });

  it('lists the closed days Monday first, Sunday last', () => {
    expect(closedWeekdays([1, 2, 3, 4, 5].map((weekday) => ({ weekday })))).toEqual(['周六', '周日']);
    expect(closedWeekdays([0, 2, 3, 4, 5, 6].map((weekday) => ({ weekday })))).toEqual(['周一']);
    expect(closedWeekdays([0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday })))).toEqual([]);
  });

  it('sorts a calendar’s posts Monday first, then by time', () => {
    const slots = [
      { weekday: 0, at: '10:00' },
      { weekday: 3, at: '18:00' },
      { weekday: 1, at: '12:00' },
      { weekday: 3, at: '09:00' },
    ];
    expect([...slots].sort(byMondayFirst)).toEqual([
      { weekday: 1, at: '12:00' },
      { weekday: 3, at: '09:00' },
      { weekday: 3, at: '18:00' },
      { weekday: 0, at: '10:00' },
    ]);
  });
});
