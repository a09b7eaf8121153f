import { GROUP_CALENDARS, type CalendarSlot } from '@xiaoer/common/constants/groups';
import { describe, expect, it } from 'vitest';
import { planWeek } from './group-calendar.js';

const slot = (weekday: number, kind: CalendarSlot['kind']): CalendarSlot => ({
  weekday,
  at: '10:00',
  kind,
  topic: 'weekly_tip',
  title: `${weekday}`,
});

describe('the week plan', () => {
  it('dates each slot in the week, Monday first', () => {
    const plan = planWeek([slot(0, 'useful'), slot(1, 'useful'), slot(5, 'useful')], '2026-11-23');
    expect(plan.slots.map((s) => s.date)).toEqual(['2026-11-23', '2026-11-27', '2026-11-29']);
  });

  it('keeps promotion to a fifth of the posts, dropping the later promotional slots', () => {
    const plan = planWeek(
      [
        slot(1, 'promo'),
        slot(2, 'useful'),
        slot(3, 'promo'),
        slot(4, 'useful'),
        slot(5, 'promo'),
        slot(6, 'interaction'),
        slot(0, 'useful'),
        slot(0, 'useful'),
      ],
      '2026-11-23',
    );
    expect(plan.slots.filter((s) => s.kind === 'promo').map((s) => s.weekday)).toEqual([1]);
    expect(plan.dropped.map((s) => s.weekday)).toEqual([3, 5]);
    expect(plan.promoPct).toBe(17); // 1 of the 6 left
    expect(planWeek([slot(1, 'promo'), slot(2, 'useful')], '2026-11-23').slots.map((s) => s.kind)).toEqual(['useful']); // two slots: no room for a promotion
  });

  it('ships calendars that already respect 80/20', () => {
    for (const layers of Object.values(GROUP_CALENDARS))
      for (const calendar of Object.values(layers)) expect(planWeek(calendar!, '2026-11-23').dropped).toEqual([]);
  });
});
