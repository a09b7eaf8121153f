// The weeks the console charts adds in: Monday to Sunday in the shop's time zone, named by their Monday.
import { addDays, periodContaining } from '../clock/period.js';

export const CHANNEL_TIMEZONE = 'Asia/Shanghai';

/** The local date (YYYY-MM-DD) of an instant in the zone. */
const localDate = (at: Date, timezone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: timezone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    at,
  );

/** The Monday (YYYY-MM-DD) of the week the instant falls in. */
export const weekOf = (at: Date, timezone = CHANNEL_TIMEZONE) =>
  periodContaining('week', localDate(at, timezone), timezone).from;

/** The Mondays of the last `count` weeks up to the one containing `now`, oldest first. */
export function lastWeeks(count: number, now: Date, timezone = CHANNEL_TIMEZONE): string[] {
  const current = weekOf(now, timezone);
  return Array.from({ length: count }, (_, i) => addDays(current, -7 * (count - 1 - i)));
}
