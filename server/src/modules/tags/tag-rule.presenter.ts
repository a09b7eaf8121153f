import type { TagRuleDto } from '@xiaoer/common/schemas/tag-rule';
import type { TagRuleRecord } from './tag-rule.repository.js';

/** A rule as entered, with its id: no tenant, timestamps or version. */
export const presentTagRule = (r: TagRuleRecord): TagRuleDto => ({
  id: r._id.toHexString(),
  tag: r.tag,
  enabled: r.enabled,
  ...(r.minSpendFen !== undefined ? { minSpendFen: r.minSpendFen } : {}),
  ...(r.minVisits !== undefined ? { minVisits: r.minVisits } : {}),
  ...(r.minIdleDays !== undefined ? { minIdleDays: r.minIdleDays } : {}),
  ...(r.maxIdleDays !== undefined ? { maxIdleDays: r.maxIdleDays } : {}),
  ...(r.boughtItem !== undefined ? { boughtItem: r.boughtItem } : {}),
  ...(r.keyword !== undefined ? { keyword: r.keyword } : {}),
});
