// Report periods in the merchant's own calendar: a day, a Monday-to-Sunday week or a month, as local dates, and the
// UTC instants that bound them.
import type { ReportPeriod } from '@xiaoer/common/schemas/report';

const DAY_MS = 86_400_000;

/** Minutes the zone is ahead of UTC at this instant (Asia/Shanghai: 480). */
export function zoneOffsetMinutes(at: Date, timezone: string): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const m = /GMT([+-])(\d{2}):?(\d{2})?/.exec(name);
  return m ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)) : 0;
}

/** The instant a local date begins. */
export function startOfLocalDay(date: string, timezone: string): Date {
  const utcMidnight = Date.parse(`${date}T00:00:00Z`);
  return new Date(utcMidnight - zoneOffsetMinutes(new Date(utcMidnight), timezone) * 60_000);
}

/** "YYYY-MM-DD" plus n calendar days */
export const addDays = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

export interface PeriodRange {
  from: string;
  to: string;
  start: Date;
  end: Date;
}

/** The period containing a local date. */
export function periodContaining(period: ReportPeriod, date: string, timezone: string): PeriodRange {
  let from = date;
  let to = date;
  if (period === 'week') {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7; // Monday = 0
    from = addDays(date, -weekday);
    to = addDays(from, 6);
  } else if (period === 'month') {
    from = `${date.slice(0, 7)}-01`;
    const next = new Date(Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7)), 1));
    to = addDays(next.toISOString().slice(0, 10), -1);
  }
  return { from, to, start: startOfLocalDay(from, timezone), end: startOfLocalDay(addDays(to, 1), timezone) };
}

/** The period just before. */
export const previousPeriod = (period: ReportPeriod, range: PeriodRange, timezone: string) =>
  periodContaining(period, addDays(range.from, -1), timezone);

/** The last complete period before a local date (yesterday, last week, last month). */
export const lastCompletePeriod = (period: ReportPeriod, today: string, timezone: string) =>
  previousPeriod(period, periodContaining(period, today, timezone), timezone);

export const localDates = (range: PeriodRange) => {
  const dates: string[] = [];
  for (let d = range.from; d <= range.to; d = addDays(d, 1)) dates.push(d);
  return dates;
};
