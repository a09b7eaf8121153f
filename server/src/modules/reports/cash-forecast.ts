// The next 7 days' takings as the last few weeks' same weekdays had them: a restaurant plans cash and purchases a
// week ahead. It is an average, said to be one (with its basis) wherever it is shown — never a promise.
import type { ReportDto } from '@xiaoer/common/schemas/report';
import { addDays } from '../clock/period.js';
import type { WeekdayDay } from '../orders/weekday-history.js';

export const FORECAST_WEEKS = 4;
export const FORECAST_DAYS = 7;

/**
 * The 7 days from `first`, each the average revenue of its weekday; undefined when some weekday has no history yet
 * (a shop younger than a week) or the history holds no takings — no basis, no estimate.
 */
export function cashForecast(history: Map<number, WeekdayDay>, first: string): ReportDto['forecast'] {
  const days = Array.from({ length: FORECAST_DAYS }, (_, i) => addDays(first, i)).map((date) => ({
    date,
    usual: history.get(new Date(`${date}T00:00:00Z`).getUTCDay()),
  }));
  if (days.some((d) => !d.usual)) return undefined;
  const total = days.reduce((sum, d) => sum + d.usual!.revenue, 0);
  if (!total) return undefined;
  return {
    weeks: Math.min(...days.map((d) => d.usual!.days)),
    days: days.map((d) => ({ date: d.date, revenue: d.usual!.revenue })),
    total,
  };
}
