// The shop's usual day, by weekday: what the last few weeks' same weekdays held, hour by hour and in revenue. A
// restaurant's Friday is not its Monday, so the rota's peak hours and the cash-flow estimate read the same weekday.
import { localTime } from '../clock/business-hours.js';
import { addDays, startOfLocalDay } from '../clock/period.js';

export interface WeekdayDay {
  /** how many of this weekday the history holds (those after the shop's first order) */
  days: number;
  /** average orders per local hour (0–23) */
  ordersByHour: number[];
  /** average revenue per day, in fen */
  revenue: number;
}

type Sale = { placedAt: Date; amount: number; status: string };

/** The window of whole local days the history reads: the `weeks` weeks before `today`. */
export const historyWindow = (today: string, weeks: number, zone: string) => ({
  from: addDays(today, -weeks * 7),
  start: startOfLocalDay(addDays(today, -weeks * 7), zone),
  end: startOfLocalDay(today, zone),
});

/**
 * Each weekday (0 = Sunday) averaged over its days in the window on or after the shop's first order (a shop two
 * weeks old averages two weeks). Refunded and cancelled orders are no sale.
 */
export function weekdayHistory(p: {
  orders: Sale[];
  today: string;
  weeks: number;
  zone: string;
  firstOrderAt?: Date;
}): Map<number, WeekdayDay> {
  const first = p.firstOrderAt ? localTime(p.firstOrderAt, p.zone).date : p.today;
  const days = new Map<number, number>();
  for (let i = 1; i <= p.weeks * 7; i++) {
    const date = addDays(p.today, -i);
    if (date < first) continue;
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    days.set(weekday, (days.get(weekday) ?? 0) + 1);
  }
  const sums = new Map<number, { hours: number[]; revenue: number }>();
  for (const o of p.orders) {
    if (o.status === 'refunded' || o.status === 'cancelled') continue;
    const t = localTime(o.placedAt, p.zone);
    const sum = sums.get(t.weekday) ?? { hours: Array<number>(24).fill(0), revenue: 0 };
    sum.hours[Math.floor(t.minutes / 60)]! += 1;
    sum.revenue += o.amount;
    sums.set(t.weekday, sum);
  }
  const out = new Map<number, WeekdayDay>();
  for (const [weekday, n] of days) {
    const sum = sums.get(weekday) ?? { hours: Array<number>(24).fill(0), revenue: 0 };
    out.set(weekday, { days: n, ordersByHour: sum.hours.map((h) => h / n), revenue: Math.round(sum.revenue / n) });
  }
  return out;
}
