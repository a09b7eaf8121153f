import { describe, expect, it } from 'vitest';
import { applyIndustryTemplate, outreachSettingsSchema, resolveOutreachSettings } from './merchant.js';

describe('outreach settings', () => {
  it('gives a merchant who never saved settings their industry template, over the catalogue defaults', () => {
    const salon = resolveOutreachSettings(undefined, '本地服务');
    expect(salon.runAt).toBe('10:00');
    expect(salon.policy.perWeek).toBe(2);
    expect(salon.scenarios.appointment_cycle).toEqual({ enabled: true, autoSend: false, defaultCycleDays: 30 });
    expect(salon.scenarios.dormant_winback).toMatchObject({ enabled: true, idleDays: 90 });
    expect(salon.scenarios.low_stock.enabled).toBe(false);
    const tea = resolveOutreachSettings(undefined, '餐饮');
    expect(tea.scenarios.low_stock).toEqual({ enabled: true, coverDays: 3 });
    expect(tea.scenarios.appointment_cycle.enabled).toBe(false);
    expect(tea.scenarios.dormant_winback.idleDays).toBeNull(); // the industry rhythm
  });

  it('keeps what the owner saved, and round-trips through the schema', () => {
    const saved = resolveOutreachSettings(
      { scenarios: { peak_hour: { enabled: true, orders: 12 }, birthday: { enabled: false, autoSend: true } } },
      '零售',
    );
    expect(saved.scenarios.peak_hour).toEqual({ enabled: true, orders: 12, minutes: 5 });
    expect(saved.scenarios.birthday).toEqual({ enabled: false, autoSend: true, gift: null }); // no gift unless one is set
    expect(outreachSettingsSchema.safeParse(saved).success).toBe(true);
    expect(
      outreachSettingsSchema.safeParse({ ...saved, scenarios: { low_stock: { enabled: true, autoSend: true } } })
        .success,
    ).toBe(false); // alerts are not sent to customers
  });

  it('applies another industry’s template but keeps the run time and contact policy', () => {
    const current = resolveOutreachSettings(
      {
        runAt: '11:00',
        policy: { quietStart: '21:00', quietEnd: '09:30', perWeek: 1, unansweredBeforeCoolDown: 2, coolDownDays: 7 },
      },
      '餐饮',
    );
    const school = applyIndustryTemplate(current, '教育培训');
    expect(school).toMatchObject({ runAt: '11:00', policy: { perWeek: 1 } });
    expect(school.scenarios.class_hours_low).toMatchObject({ enabled: true, below: 5 });
    expect(school.scenarios.low_stock?.enabled).toBe(false);
  });
});
