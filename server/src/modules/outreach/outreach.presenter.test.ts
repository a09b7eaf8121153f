import { outreachSettingsSchema, resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import { describe, expect, it } from 'vitest';
import { presentOutreachSettings } from './outreach.presenter.js';

describe('presentOutreachSettings', () => {
  it('keeps each scenario’s switch and knobs and leaves a stored sub-document’s own fields behind', () => {
    // what a lean read of a saved merchant can hold: a sub-document id next to the owner's knobs
    const stored = {
      scenarios: { dormant_winback: { enabled: true, idleDays: 40, _id: 'sub' } },
      policy: { perWeek: 1, _id: 'sub' },
    } as unknown as Parameters<typeof resolveOutreachSettings>[0];
    const dto = presentOutreachSettings(resolveOutreachSettings(stored, '餐饮'));
    expect(dto.scenarios.dormant_winback).toEqual({ enabled: true, autoSend: false, idleDays: 40 });
    expect(dto.policy).not.toHaveProperty('_id');
    expect(dto.policy.perWeek).toBe(1);
    // every key the console reads back is the contract's, and nothing else
    expect(outreachSettingsSchema.parse(dto)).toEqual(dto);
  });
});
