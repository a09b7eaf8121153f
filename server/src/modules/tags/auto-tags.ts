// Which automatic tags a customer should carry: the built-ins (new, high value, not seen for 7 days, dormant,
// lost — by the industry's rhythm) and the merchant's own rules. Pure: the service feeds it each customer's figures.
import { DORMANT_AFTER_DAYS, LOST_FACTOR } from '@xiaoer/common/constants/lifecycle';
import type { Industry } from '@xiaoer/common/constants/industries';
import type { TagRuleInput } from '@xiaoer/common/schemas/tag-rule';

const DAY_MS = 86_400_000;
export const NEW_CUSTOMER_TAG_DAYS = 14;
/** 高价值客户: the top tenth of the merchant's buyers by spend over the year (at least two visits). */
export const HIGH_VALUE_SHARE = 0.1;

export interface CustomerFigures {
  firstContactAt: Date;
  /** over the last 365 days; fen */
  spend: number;
  visits: number;
  lastVisitAt?: Date;
  items: Set<string>;
  keywords: Set<string>;
}

export function autoTags(
  c: CustomerFigures,
  rules: TagRuleInput[],
  context: { industry: Industry; highValueSpend: number; now: Date },
): string[] {
  const tags: string[] = [];
  const idleDays = c.lastVisitAt ? (context.now.getTime() - c.lastVisitAt.getTime()) / DAY_MS : undefined;
  const dormant = DORMANT_AFTER_DAYS[context.industry];
  if (context.now.getTime() - c.firstContactAt.getTime() <= NEW_CUSTOMER_TAG_DAYS * DAY_MS) tags.push('新客户');
  if (c.visits >= 2 && c.spend > 0 && c.spend >= context.highValueSpend) tags.push('高价值客户');
  if (idleDays !== undefined) {
    if (idleDays > dormant * LOST_FACTOR) tags.push('流失客户');
    else if (idleDays > dormant) tags.push('沉睡客户');
    else if (idleDays > 7) tags.push('7天未消费');
  }
  for (const r of rules) if (r.enabled && matches(c, r, idleDays)) tags.push(r.tag);
  return [...new Set(tags)];
}

/** Whether the customer meets every condition of the rule (enabled or not: the console previews a draft rule). */
export function matchesRule(c: CustomerFigures, r: TagRuleInput, now: Date): boolean {
  return matches(c, r, c.lastVisitAt ? (now.getTime() - c.lastVisitAt.getTime()) / DAY_MS : undefined);
}

function matches(c: CustomerFigures, r: TagRuleInput, idleDays: number | undefined): boolean {
  if (r.minSpendFen !== undefined && c.spend < r.minSpendFen) return false;
  if (r.minVisits !== undefined && c.visits < r.minVisits) return false;
  if (r.minIdleDays !== undefined && (idleDays === undefined || idleDays < r.minIdleDays)) return false;
  if (r.maxIdleDays !== undefined && (idleDays === undefined || idleDays > r.maxIdleDays)) return false;
  if (r.boughtItem && !c.items.has(r.boughtItem)) return false;
  if (r.keyword && !c.keywords.has(r.keyword)) return false;
  return true;
}

/** The spend that puts a buyer in the top tenth (buyers with two visits or more). */
export function highValueThreshold(spends: number[]): number {
  const sorted = spends.filter((s) => s > 0).sort((a, b) => b - a);
  if (!sorted.length) return Number.POSITIVE_INFINITY;
  return sorted[Math.max(0, Math.ceil(sorted.length * HIGH_VALUE_SHARE) - 1)]!;
}
