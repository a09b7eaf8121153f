// Whether a customer may receive a proactive message now, by the merchant's contact policy: never after opting out
// or deleting the staff member, at most N in any 7 days, and a pause after several messages went unanswered.
import { CONTACT_POLICY_DEFAULTS, DEFAULT_SCENARIO_RUN_AT, type SuppressionReason } from '@xiaoer/common/constants/outreach';
import type { OutreachSettings } from '@xiaoer/common/schemas/merchant';

const DAY_MS = 86_400_000;

export type ContactPolicy = OutreachSettings['policy'];

export function outreachSettings(stored: OutreachSettings | undefined): OutreachSettings {
  return {
    runAt: stored?.runAt ?? DEFAULT_SCENARIO_RUN_AT,
    scenarios: { dormant_winback: { enabled: true }, birthday: { enabled: true }, ...stored?.scenarios },
    policy: { ...CONTACT_POLICY_DEFAULTS, ...stored?.policy },
  };
}

export interface PolicySubject {
  optedOut: boolean;
  contactStatus: string;
  externalUserId?: string | null;
}

/** Proactive messages already drafted for the customer (pending, approved or sent count; rejected ones do not). */
export interface RecentMessage {
  createdAt: Date;
  status: string;
}

/** The reason the customer must not be messaged, or null when they may. */
export function policyVerdict(customer: PolicySubject, recent: RecentMessage[], lastResponseAt: Date | undefined, policy: ContactPolicy, now: Date): SuppressionReason | null {
  if (customer.optedOut) return 'opted_out';
  if (!customer.externalUserId) return 'not_wecom_contact';
  if (customer.contactStatus !== 'active') return 'contact_deleted';
  const live = recent.filter((m) => m.status !== 'rejected' && m.status !== 'failed').sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime());
  if (live.filter((m) => now.getTime() - m.createdAt.getTime() < 7 * DAY_MS).length >= policy.perWeek) return 'weekly_cap';
  const lastN = live.slice(0, policy.unansweredBeforeCoolDown);
  const unanswered = lastN.length === policy.unansweredBeforeCoolDown && lastN.every((m) => !lastResponseAt || m.createdAt > lastResponseAt);
  if (unanswered && now.getTime() - lastN[0]!.createdAt.getTime() < policy.coolDownDays * DAY_MS) return 'cool_down';
  return null;
}

const minutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** Inside the quiet window (which may span midnight), local minutes of the day. */
export function inQuietHours(localMinutes: number, policy: Pick<ContactPolicy, 'quietStart' | 'quietEnd'>): boolean {
  const start = minutes(policy.quietStart);
  const end = minutes(policy.quietEnd);
  return start <= end ? localMinutes >= start && localMinutes < end : localMinutes >= start || localMinutes < end;
}

export const isDue = (localMinutes: number, runAt: string) => localMinutes >= minutes(runAt);
