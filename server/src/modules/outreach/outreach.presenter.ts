import { SCENARIO_KEYS, SCENARIO_PARAM_DEFAULTS } from '@xiaoer/common/constants/scenarios';
import type { OutreachSettings, OutreachSettingsInput } from '@xiaoer/common/schemas/merchant';
import type { ResponseOf } from '@xiaoer/common/api/contract';
import type { approveDrafts } from '@xiaoer/common/api/outreach';

type DraftBulkResult = ResponseOf<typeof approveDrafts>;

/**
 * The settings in force as the console edits them: each scenario's switch, its auto-send (customer scenarios) and
 * exactly the knobs its catalogue entry has — a stored sub-document's own fields (an `_id`) stay behind.
 */
export const presentOutreachSettings = (s: OutreachSettings): OutreachSettingsInput => ({
  runAt: s.runAt,
  scenarios: Object.fromEntries(
    SCENARIO_KEYS.map((key) => {
      const scenario: Record<string, unknown> = s.scenarios[key];
      const knobs = Object.keys(SCENARIO_PARAM_DEFAULTS[key]).filter((k) => scenario[k] !== undefined);
      return [
        key,
        {
          enabled: s.scenarios[key].enabled,
          ...(s.scenarios[key].autoSend !== undefined ? { autoSend: s.scenarios[key].autoSend } : {}),
          ...Object.fromEntries(knobs.map((k) => [k, scenario[k]])),
        },
      ];
    }),
  ) as OutreachSettingsInput['scenarios'],
  policy: {
    quietStart: s.policy.quietStart,
    quietEnd: s.policy.quietEnd,
    perWeek: s.policy.perWeek,
    unansweredBeforeCoolDown: s.policy.unansweredBeforeCoolDown,
    coolDownDays: s.policy.coolDownDays,
  },
});

/** Each draft of a bulk approval: sent (its status) or why not. */
export const presentBulkResult = (r: DraftBulkResult): DraftBulkResult => ({
  results: r.results.map((d) => ({
    id: d.id,
    ...(d.status ? { status: d.status } : {}),
    ...(d.error !== undefined ? { error: d.error } : {}),
  })),
});
