// What a customer's orders say about them: spend, visits, rhythm, favourites and lifecycle stage. Pure, so the
// sidebar's profile and (later) the scenario scans compute it the same way.
import {
  DORMANT_AFTER_DAYS,
  LOST_FACTOR,
  NEW_CUSTOMER_DAYS,
  type LifecycleStage,
} from '@xiaoer/common/constants/lifecycle';
import type { Industry } from '@xiaoer/common/constants/industries';
import type { CustomerInsights } from '@xiaoer/common/schemas/sidebar';

const DAY_MS = 86_400_000;

export interface OrderFacts {
  placedAt: Date;
  amount: number;
  status: string;
  items: { name: string; quantity: number }[];
}

/** Insights from a customer's orders (any order); refunded and cancelled orders count for nothing. */
export function customerInsights(
  orders: OrderFacts[],
  industry: Industry,
  firstContactAt: Date,
  now = new Date(),
): CustomerInsights {
  const valid = orders
    .filter((o) => o.status !== 'refunded' && o.status !== 'cancelled')
    .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  const totalSpend = valid.reduce((sum, o) => sum + o.amount, 0);
  const last = valid.at(-1)?.placedAt;
  const first = valid[0]?.placedAt;
  const averageIntervalDays =
    valid.length >= 2
      ? Math.round(((last!.getTime() - first!.getTime()) / DAY_MS / (valid.length - 1)) * 10) / 10
      : undefined;
  const counts = new Map<string, number>();
  for (const o of valid)
    for (const item of o.items) counts.set(item.name, (counts.get(item.name) ?? 0) + item.quantity);
  const favouriteItems = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([name, quantity]) => ({ name, quantity }));
  return {
    totalSpend,
    visits: valid.length,
    lastVisitAt: last?.toISOString(),
    averageIntervalDays,
    favouriteItems,
    lifecycle: lifecycleStage(valid.length, last ?? firstContactAt, industry, now),
  };
}

export function lifecycleStage(visits: number, lastSeen: Date, industry: Industry, now = new Date()): LifecycleStage {
  const idleDays = (now.getTime() - lastSeen.getTime()) / DAY_MS;
  const dormantAfter = DORMANT_AFTER_DAYS[industry];
  if (idleDays > dormantAfter * LOST_FACTOR) return '流失';
  if (idleDays > dormantAfter) return '沉睡';
  if (visits <= 1 && idleDays <= NEW_CUSTOMER_DAYS) return '新客';
  return visits <= 1 ? '沉睡' : '活跃';
}
