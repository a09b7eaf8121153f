// Sending an approved draft is leased: the worker sending it owns it for a few minutes; after that another may take
// it over (the first died or failed) — but not a day later, when the message would arrive out of its moment. Each
// claim and take-over draws a new holder, and a sender checks it still holds the lease right before it sends, so a
// worker that stalled past its lease and was taken over sends nothing.
import { randomUUID } from 'node:crypto';
import type { Draft } from './outreach.model.js';

/** how long one worker owns an approved draft's sending (a send takes seconds); then another may take it over */
export const DISPATCH_LEASE_MS = 5 * 60_000;
/** an interrupted send older than this is not made up for */
export const RESUME_WITHIN_MS = 86_400_000;
const APPROVALS = new Set(['approved', 'edited_and_approved', 'auto_approved']);

export const leaseFrom = (now: Date) => new Date(now.getTime() + DISPATCH_LEASE_MS);

/** A new lease: a holder no other claim or take-over will draw, until a few minutes from now. */
export const newLease = (now: Date) => ({ holder: randomUUID(), until: leaseFrom(now) });

/**
 * Whether an interrupted send is too old to finish: by its approval (drafts approved before leases existed carry
 * that time only in their audit trail), else its creation — or, for a draft that waited out quiet hours, by when
 * they ended.
 */
export function tooLateToResume(
  draft: Pick<Draft, 'approvedAt' | 'audit' | 'createdAt' | 'sendAfter'>,
  now: Date,
): boolean {
  const approvedAt = draft.approvedAt ?? draft.audit.findLast((a) => APPROVALS.has(a.action))?.at ?? draft.createdAt;
  const due = Math.max(approvedAt.getTime(), draft.sendAfter?.getTime() ?? 0);
  return now.getTime() - due > RESUME_WITHIN_MS;
}
