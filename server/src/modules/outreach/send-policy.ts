// The merchant's contact policy for one approved draft at the moment it is sent (the scan weighed it when drafting,
// but the owner may approve hours later, at night, or after another draft reached the customer): read from the
// merchant's settings and the customer's drafts and group sends in the last 7 days. Consent is the sender's own first check.
import { SUPPRESSION_REASONS } from '@xiaoer/common/constants/outreach';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { GroupSendRepository } from '../campaigns/group-send.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import { startOfLocalDay } from '../clock/period.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import { isServiceNotice, sendVerdict } from './contact-policy.js';
import type { DraftRecord, DraftRepository } from './draft.repository.js';

const WEEK_MS = 7 * 86_400_000;

export interface SendPolicyDeps {
  knowledge: Pick<KnowledgeBaseService, 'get'>;
  drafts: Pick<DraftRepository, 'countSentSince'>;
  /** group-send tasks (campaigns, by hand) that named the customer since: the weekly cap spans every proactive message */
  campaignsSince: CampaignsSince;
}

export type CampaignsSince = (merchantId: MerchantId, customerId: Types.ObjectId, since: Date) => Promise<number>;

/**
 * Counts the group-send tasks naming a customer since a time, a draft's own task aside (the draft is counted as a
 * draft): what campaign-audience.ts counts too, so a campaign and a later draft share one weekly allowance.
 */
export const campaignsSinceFrom =
  (
    customers: Pick<CustomerRepository, 'findById'>,
    groupSends: Pick<GroupSendRepository, 'sentToSince'>,
  ): CampaignsSince =>
  async (merchantId, customerId, since) => {
    const externalUserId = (await customers.findById(merchantId, String(customerId)))?.externalUserId;
    if (!externalUserId) return 0;
    const tasks = await groupSends.sentToSince(merchantId, [externalUserId], since);
    return tasks.filter((t) => !t.key?.startsWith('draft-')).length;
  };

/** Cancelled (the reason, for the owner, and its key), wait until quiet hours end (with the note the owner reads), or go. */
export type SendDecision =
  { cancel: string; reason: 'weekly_cap' | 'daily_cap' } | { waitUntil: Date; note: string } | null;

export async function decideAtSend(
  d: SendPolicyDeps,
  merchantId: MerchantId,
  draft: Pick<DraftRecord, '_id' | 'customerId'> & { scenario?: string },
  now: Date,
): Promise<SendDecision> {
  const kb = await d.knowledge.get(merchantId);
  const { policy } = resolveOutreachSettings(kb.merchant.outreach, kb.merchant.industry);
  const zone = merchantZone(kb.merchant);
  const since = new Date(now.getTime() - WEEK_MS);
  // one marketing message a day: the merchant-local day's own count
  const midnight = startOfLocalDay(localTime(now, zone).date, zone);
  const [drafts, campaigns, draftsToday, campaignsToday] = await Promise.all([
    d.drafts.countSentSince(merchantId, draft.customerId, since, draft._id),
    d.campaignsSince(merchantId, draft.customerId, since),
    d.drafts.countSentSince(merchantId, draft.customerId, midnight, draft._id),
    d.campaignsSince(merchantId, draft.customerId, midnight),
  ]);
  // a notice about the customer's own class or booking waits out quiet hours but is never over a marketing cap
  const service = isServiceNotice(draft.scenario);
  const sentThisWeek = service ? 0 : drafts + campaigns;
  const sentToday = service ? 0 : draftsToday + campaignsToday;
  const verdict = sendVerdict(sentThisWeek, policy, now, zone, sentToday);
  if (!verdict) return null;
  if ('cancel' in verdict) return { cancel: SUPPRESSION_REASONS[verdict.cancel], reason: verdict.cancel };
  const note = `现在是免打扰时段（${policy.quietStart}–${policy.quietEnd}），${policy.quietEnd}后自动发送`;
  return { waitUntil: verdict.waitUntil, note };
}
