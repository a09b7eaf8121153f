// The week's plan for a group layer: its calendar's slots, with promotion held to at most a fifth of the posts (the
// seeds' 80/20 rule) — surplus promotional slots are dropped, latest first — and the balance reported.
import { MAX_PROMO_SHARE, type CalendarSlot } from '@xiaoer/common/constants/groups';
import { addDays } from '../clock/period.js';

/** Slots in the order of a week that starts on Monday, then by time of day. */
export const byWeekThenTime = (a: CalendarSlot, b: CalendarSlot) =>
  ((a.weekday + 6) % 7) - ((b.weekday + 6) % 7) || a.at.localeCompare(b.at);

export interface WeekPlan {
  slots: (CalendarSlot & { date: string })[];
  dropped: CalendarSlot[];
  /** promotional share of the planned posts, percent */
  promoPct: number;
}

/** `monday`: the week's Monday, YYYY-MM-DD. */
export function planWeek(calendar: CalendarSlot[], monday: string, maxPromoShare = MAX_PROMO_SHARE): WeekPlan {
  const ordered = [...calendar].sort(
    (a, b) => ((a.weekday + 6) % 7) - ((b.weekday + 6) % 7) || a.at.localeCompare(b.at),
  );
  // p promotional posts among n others stay within the share when p / (n + p) ≤ share, i.e. p ≤ n · share / (1 − share)
  const others = ordered.filter((s) => s.kind !== 'promo').length;
  const allowedPromo = Math.floor((others * maxPromoShare) / (1 - maxPromoShare) + 1e-9);
  let promos = 0;
  const kept: CalendarSlot[] = [];
  const dropped: CalendarSlot[] = [];
  for (const slot of ordered) {
    if (slot.kind === 'promo' && ++promos > allowedPromo) dropped.push(slot);
    else kept.push(slot);
  }
  const promoCount = kept.filter((s) => s.kind === 'promo').length;
  return {
    slots: kept.map((s) => ({ ...s, date: addDays(monday, (s.weekday + 6) % 7) })),
    dropped,
    promoPct: kept.length ? Math.round((promoCount / kept.length) * 100) : 0,
  };
}
