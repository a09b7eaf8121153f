// What a customer's orders and other visits (bookings, classes, card uses) say about them: spend, visits, rhythm,
// favourites and lifecycle stage. Pure, so the
// sidebar's profile and (later) the scenario scans compute it the same way.
import {
  DORMANT_AFTER_DAYS,
  LOST_FACTOR,
  NEW_CUSTOMER_DAYS,
  type LifecycleStage,
} from '@xiaoer/common/constants/lifecycle';
import type { Industry } from '@xiaoer/common/constants/industries';
import type { CustomerInsights } from '@xiaoer/common/schemas/sidebar';
import type { VisitSpan } from './visit-reader.js';

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
  beyondOrders?: VisitSpan,
): CustomerInsights {
  const valid = orders
    .filter((o) => o.status !== 'refunded' && o.status !== 'cancelled')
    .sort((a, b) => a.placedAt.getTime() - b.placedAt.getTime());
  // visits from bookings, classes and card uses count like orders (visit-reader.ts)
  const visits = valid.length + (beyondOrders?.visits ?? 0);
  const totalSpend = valid.reduce((sum, o) => sum + o.amount, 0) + (beyondOrders?.spend ?? 0);
  const last = latest(valid.at(-1)?.placedAt, beyondOrders?.last);
  const first = earliest(valid[0]?.placedAt, beyondOrders?.first);
  const averageIntervalDays =
    visits >= 2 ? Math.round(((last!.getTime() - first!.getTime()) / DAY_MS / (visits - 1)) * 10) / 10 : undefined;
  const counts = new Map<string, number>();
  for (const o of valid)
    for (const item of o.items) counts.set(item.name, (counts.get(item.name) ?? 0) + item.quantity);
  const favouriteItems = [...counts]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 3)
    .map(([name, quantity]) => ({ name, quantity }));
  return {
    totalSpend,
    visits,
    lastVisitAt: last?.toISOString(),
    averageIntervalDays,
    favouriteItems,
    lifecycle: lifecycleStage(visits, last ?? firstContactAt, industry, now),
  };
}

const latest = (a?: Date, b?: Date) => (a && b ? (a > b ? a : b) : (a ?? b));
const earliest = (a?: Date, b?: Date) => (a && b ? (a < b ? a : b) : (a ?? b));

export function lifecycleStage(visits: number, lastSeen: Date, industry: Industry, now = new Date()): LifecycleStage {
  const idleDays = (now.getTime() - lastSeen.getTime()) / DAY_MS;
  const dormantAfter = DORMANT_AFTER_DAYS[industry];
  if (idleDays > dormantAfter * LOST_FACTOR) return '流失';
  if (idleDays > dormantAfter) return '沉睡';
  if (visits <= 1 && idleDays <= NEW_CUSTOMER_DAYS) return '新客';
  return visits <= 1 ? '沉睡' : '活跃';
}
