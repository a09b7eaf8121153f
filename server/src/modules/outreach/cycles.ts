// A customer's own rhythm for a service: the typical gap between their visits when there are enough of them, else
// the service's usual cycle, else the merchant's default.
import { SERVICE_CYCLES } from '@xiaoer/common/constants/scenarios';

const DAY_MS = 86_400_000;
/** gaps needed before we trust a customer's own rhythm (three visits) */
export const MIN_GAPS_TO_LEARN = 2;

export interface Cycle {
  days: number;
  learned: boolean;
}

/** The median gap of the visits (oldest first), or the service's usual cycle. */
export function serviceCycle(visits: Date[], service: string, defaultDays: number): Cycle {
  const gaps = visits
    .slice(1)
    .map((v, i) => Math.round((v.getTime() - visits[i]!.getTime()) / DAY_MS))
    .filter((d) => d >= 3); // two bookings in one week are one visit, not a rhythm
  if (gaps.length >= MIN_GAPS_TO_LEARN) {
    const sorted = [...gaps].sort((a, b) => a - b);
    const mid = sorted.length >> 1;
    return {
      days: sorted.length % 2 ? sorted[mid]! : Math.round((sorted[mid - 1]! + sorted[mid]!) / 2),
      learned: true,
    };
  }
  return { days: SERVICE_CYCLES.find(([re]) => re.test(service))?.[1] ?? defaultDays, learned: false };
}

/** A reminder goes out from two days before the visit is due until ten days after (then the win-back takes over). */
export const REMIND_BEFORE_DAYS = 2;
export const REMIND_UNTIL_DAYS = 10;

export function isDueForReminder(lastVisit: Date, cycle: Cycle, now: Date): boolean {
  const sinceDue = (now.getTime() - lastVisit.getTime()) / DAY_MS - cycle.days;
  return sinceDue >= -REMIND_BEFORE_DAYS && sinceDue <= REMIND_UNTIL_DAYS;
}
