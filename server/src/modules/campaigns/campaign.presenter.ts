import {
  CAMPAIGN_EXCLUSION_REASONS,
  type CampaignDetail,
  type CampaignExclusionReason,
  type CampaignSummary,
} from '@xiaoer/common/schemas/campaign';
import type { CampaignRecord } from './campaign.repository.js';

/** Results not read back yet: every recipient waits for their staff member. */
const NONE = { recipients: 0, sent: 0, failed: [], unconfirmed: 0, replied: 0, bought: 0 };

/** A campaign in the list: its text, when it goes or went, and how it went; no WeCom ids. */
export function presentCampaign(c: CampaignRecord): CampaignSummary {
  const r = c.results;
  return {
    id: c._id.toHexString(),
    text: c.text,
    status: c.status,
    ...(c.sendAt ? { sendAt: c.sendAt.toISOString() } : {}),
    ...(c.sentAt ? { sentAt: c.sentAt.toISOString() } : {}),
    ...(c.status === 'failed' && c.failedReason ? { failedReason: c.failedReason } : {}),
    createdAt: c.createdAt.toISOString(),
    results: r
      ? {
          recipients: r.recipients,
          sent: r.sent,
          failed: r.failed.map((f) => ({ reason: f.reason, count: f.count })),
          unconfirmed: r.unconfirmed,
          replied: r.replied,
          bought: r.bought,
          ...(r.checkedAt ? { checkedAt: new Date(r.checkedAt).toISOString() } : {}),
        }
      : { ...NONE, recipients: c.recipients?.length ?? 0, unconfirmed: c.recipients?.length ?? 0 },
  };
}

/** One campaign: the list's figures, its audience, who was left out, and each staff member's task. */
export function presentCampaignDetail(c: CampaignRecord, senders: CampaignDetail['senders']): CampaignDetail {
  return {
    ...presentCampaign(c),
    audience: c.audience,
    ...(c.attachment ? { attachment: c.attachment } : {}),
    senders,
    excluded: c.excluded
      .filter((e) => e.reason in CAMPAIGN_EXCLUSION_REASONS)
      .map((e) => ({ reason: e.reason as CampaignExclusionReason, count: e.count, sample: e.sample })),
  };
}
