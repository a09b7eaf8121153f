// The merchant clock: is the shop open at a moment, in the merchant's own timezone, with holidays and spans past
// midnight.
import type { MerchantRecord } from '../merchants/merchant.repository.js';

interface LocalTime {
  date: string; // YYYY-MM-DD
  weekday: number; // 0 = Sunday
  minutes: number; // since local midnight
}

const WEEKDAY = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 } as const;
/** The merchant's timezone (stored with a default; older records may lack it). */
export const merchantZone = (merchant: { timezone?: string }) => merchant.timezone || 'Asia/Shanghai';

/** "HH:mm" → minutes since midnight */
export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

export function localTime(at: Date, timezone: string): LocalTime {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-US', {
      timeZone: timezone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((p) => [p.type, p.value]),
  );
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday: WEEKDAY[parts.weekday as keyof typeof WEEKDAY],
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

type Hours = Pick<MerchantRecord, 'timezone' | 'businessHours' | 'holidays'>;

export function isOpen(merchant: Hours, at: Date): boolean {
  const now = localTime(at, merchantZone(merchant));
  const holiday = merchant.holidays.find((h) => h.date === now.date);
  if (holiday) {
    if (holiday.closed || !holiday.open || !holiday.close) return false;
    return within(now.minutes, toMinutes(holiday.open), toMinutes(holiday.close), true);
  }
  for (const span of merchant.businessHours) {
    const open = toMinutes(span.open);
    const close = toMinutes(span.close);
    const overnight = close <= open;
    if (span.weekday === now.weekday && within(now.minutes, open, close, !overnight)) return true;
    // the tail of yesterday's span that runs past midnight
    if (overnight && span.weekday === (now.weekday + 6) % 7 && now.minutes < close) return true;
  }
  return false;
}

/**
 * The weekdays (0 = Sunday) a week of spans leaves closed: a weekday is closed when no span opens on it (a span past
 * midnight does not open the next day). "周一营业吗" is answered from this, not from the list of hours.
 */
export function closedWeekdays(spans: { weekday: number }[]): number[] {
  const open = new Set(spans.map((s) => s.weekday));
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => !open.has(d));
}

/**
 * The clock of online customer service (客服): its own hours when the merchant set them apart from the shop's,
 * otherwise the shop's; holidays apply to both. Pass to isOpen.
 */
export const serviceClock = (merchant: Hours & { serviceHours?: Hours['businessHours'] }): Hours => ({
  timezone: merchant.timezone,
  businessHours: merchant.serviceHours ?? merchant.businessHours,
  holidays: merchant.holidays,
});

function within(minutes: number, open: number, close: number, sameDay: boolean): boolean {
  return sameDay ? minutes >= open && minutes < close : minutes >= open;
}
