// A notice tied to a moment (a class, a booking, a closure) is stale once that moment has come: the scan stores when
// on the draft, and neither an approval nor any send job lets it out after that. A text that names the day relatively
// ("今天17:30", "明天14:00", as whenLabel writes it) is also wrong once the day it was written is over, so it expires at
// that midnight when that comes first. A notice about a day as a whole (作业督促's 今天截止 or 已过截止N天, a birthday
// greeting) holds for that day only: it expires as the day ends (dayExpiry, applied by the scan).
import { localTime } from '../clock/business-hours.js';
import { addDays, startOfLocalDay } from '../clock/period.js';

export interface NoticeExpiry {
  at: Date;
  /** what the owner reads when it can no longer go: "这条提醒对应的课程已经开始" */
  note: string;
}

/**
 * When a notice about `subject` (课程, 预约, 停课) at `moment`, written at `now`, stops being sendable; `relative`: its
 * text names the moment's day as 今天 or 明天 (whenLabel's wording).
 */
export function noticeExpiry(moment: Date, subject: string, now: Date, zone: string, relative = true): NoticeExpiry {
  const today = localTime(now, zone).date;
  const midnight = startOfLocalDay(addDays(today, 1), zone);
  const day = localTime(moment, zone).date;
  const label = day === today ? '今天' : day === addDays(today, 1) ? '明天' : null;
  if (relative && label && midnight < moment) return { at: midnight, note: `这条提醒写的“${label}”已经过了` };
  return { at: moment, note: `这条提醒对应的${subject}已经开始` };
}

/**
 * Scenarios whose every draft is about the day the scan wrote it, and what the owner reads once that day is over:
 * 作业督促 says 今天截止 or 已过截止N天 (tomorrow's run writes tomorrow's), a birthday greeting says 生日快乐.
 */
const DAY_BOUND: Record<string, string> = {
  homework_reminder: '这条作业提醒说的是当天的情况，已经过了',
  birthday: '顾客的生日已经过了',
};

/** A draft of a day-bound scenario written on merchant-local `day`: stale from the midnight that ends it. */
export function dayExpiry(scenario: string, day: string, zone: string): NoticeExpiry | undefined {
  const note = DAY_BOUND[scenario];
  return note ? { at: startOfLocalDay(addDays(day, 1), zone), note } : undefined;
}

/** The owner's message when a stale notice is approved (or would be sent). */
export const expiredMessage = (d: { expiryNote?: string }) => `${d.expiryNote ?? '这条提醒已经过期'}，不能再发送了`;

export const isExpired = (d: { expiresAt?: Date | null }, now: Date) => !!d.expiresAt && d.expiresAt <= now;
