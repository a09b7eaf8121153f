// Whether a customer may receive a proactive message now, by the merchant's contact policy: never after opting out
// or deleting the staff member, at most N in any 7 days, and a pause after several messages went unanswered. The
// scan weighs it all when drafting; at the moment of sending, consent, the weekly cap and quiet hours are weighed
// again (sendVerdict), since hours or another message may have passed since the draft was written.
import type { SuppressionReason } from '@xiaoer/common/constants/outreach';
import { SERVICE_NOTICES } from '@xiaoer/common/constants/scenarios';
import type { OutreachSettings } from '@xiaoer/common/schemas/merchant';
import { localTime, toMinutes } from '../clock/business-hours.js';

const DAY_MS = 86_400_000;
const NOT_SENT = new Set(['rejected', 'failed', 'cancelled', 'expired']);

export type ContactPolicy = OutreachSettings['policy'];

export interface PolicySubject {
  optedOut: boolean;
  contactStatus: string;
  externalUserId?: string | null;
}

/** Proactive messages already drafted for the customer (pending, approved or sent count; rejected, failed and
 * cancelled ones, which never reached them, do not). */
export interface RecentMessage {
  createdAt: Date;
  status: string;
  /** a draft's scenario: notices about the customer's own class or booking (SERVICE_NOTICES) are not marketing */
  scenario?: string;
}

export type ConsentRefusal = Extract<SuppressionReason, 'opted_out' | 'not_wecom_contact' | 'contact_deleted'>;

/**
 * Whether the customer may get marketing at all: not after opting out, and only while a WeCom contact. Checked when a
 * message is drafted and again at the moment it is sent (微信客服, group-send task, auto-send).
 */
export function consentVerdict(customer: PolicySubject): ConsentRefusal | null {
  if (customer.optedOut) return 'opted_out';
  if (!customer.externalUserId) return 'not_wecom_contact';
  if (customer.contactStatus !== 'active') return 'contact_deleted';
  return null;
}

/**
 * The reason the customer must not be messaged, or null when they may. With `today` (a scenario's scan), also at
 * most one marketing message a day across scenarios: one from another scenario since the merchant-local midnight
 * `today.since` refuses this one (the scenario's own drafts are its repeat rule's business).
 */
export function policyVerdict(
  customer: PolicySubject,
  recent: RecentMessage[],
  lastResponseAt: Date | undefined,
  policy: ContactPolicy,
  now: Date,
  today?: { since: Date; scenario: string },
): SuppressionReason | null {
  const refused = consentVerdict(customer);
  if (refused) return refused;
  const live = reachedNewestFirst(recent);
  if (live.filter((m) => now.getTime() - m.createdAt.getTime() < 7 * DAY_MS).length >= policy.perWeek)
    return 'weekly_cap';
  if (today && live.some((m) => m.createdAt >= today.since && m.scenario !== today.scenario)) return 'daily_cap';
  if (coolingDown(recent, lastResponseAt, policy, now)) return 'cool_down';
  return null;
}

/** Marketing that reached (or is on its way to) the customer: what the weekly cap and the cool-down count. */
const reachedNewestFirst = (recent: RecentMessage[]) =>
  recent
    .filter((m) => !NOT_SENT.has(m.status) && !isServiceNotice(m.scenario))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());

/** A notice about the customer's own class, homework or booking: consent and quiet hours only, no cap or cool-down. */
export const isServiceNotice = (scenario: string | undefined) =>
  (SERVICE_NOTICES as readonly string[]).includes(scenario ?? '');

/**
 * The pause after the last `unansweredBeforeCoolDown` messages went unanswered (no order since): until when, and
 * the messages that started it; null when the customer is not cooling down.
 */
export function coolingDown(
  recent: RecentMessage[],
  lastResponseAt: Date | undefined,
  policy: ContactPolicy,
  now: Date,
): { until: Date; messages: RecentMessage[] } | null {
  const lastN = reachedNewestFirst(recent).slice(0, policy.unansweredBeforeCoolDown);
  const unanswered =
    lastN.length === policy.unansweredBeforeCoolDown &&
    lastN.every((m) => !lastResponseAt || m.createdAt > lastResponseAt);
  if (!unanswered) return null;
  const until = new Date(lastN[0]!.createdAt.getTime() + policy.coolDownDays * DAY_MS);
  return until > now ? { until, messages: lastN } : null;
}

/** Inside the quiet window (which may span midnight), local minutes of the day. */
export function inQuietHours(localMinutes: number, policy: Pick<ContactPolicy, 'quietStart' | 'quietEnd'>): boolean {
  const start = toMinutes(policy.quietStart);
  const end = toMinutes(policy.quietEnd);
  return start <= end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
}

export const isDue = (localMinutes: number, runAt: string) => localMinutes >= toMinutes(runAt);

const MINUTE_MS = 60_000;

/** When the quiet hours `now` falls in end (the next quietEnd, merchant-local), or null outside quiet hours. */
export function quietHoursEnd(
  now: Date,
  timezone: string,
  policy: Pick<ContactPolicy, 'quietStart' | 'quietEnd'>,
): Date | null {
  const { minutes } = localTime(now, timezone);
  if (!inQuietHours(minutes, policy)) return null;
  const untilEnd = (toMinutes(policy.quietEnd) - minutes + 1440) % 1440;
  return new Date(now.getTime() - (now.getTime() % MINUTE_MS) + untilEnd * MINUTE_MS);
}

/** What becomes of an approved draft at the moment of sending, when the customer still consents. */
export type SendVerdict = { cancel: 'weekly_cap' | 'daily_cap' } | { waitUntil: Date } | null;

/**
 * The contact policy at the moment of sending (consent is checked first, by the sender): over the weekly cap the
 * draft is cancelled — `sentThisWeek` other messages already reached the customer in the last 7 days — and so is a
 * second one the same merchant-local day (`sentToday`); in quiet hours it waits until they end (it is not the
 * customer's doing, so it is not cancelled).
 */
export function sendVerdict(
  sentThisWeek: number,
  policy: ContactPolicy,
  now: Date,
  timezone: string,
  sentToday = 0,
): SendVerdict {
  if (sentThisWeek >= policy.perWeek) return { cancel: 'weekly_cap' };
  if (sentToday > 0) return { cancel: 'daily_cap' };
  const waitUntil = quietHoursEnd(now, timezone, policy);
  return waitUntil ? { waitUntil } : null;
}
