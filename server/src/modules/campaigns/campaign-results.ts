// How a campaign went, read back after it was sent: WeCom's view of each task (has its staff member confirmed it,
// and per customer: delivered, or failed and why — get_groupmsg_task / get_groupmsg_send_result), and the shop's own
// records of who, of those it reached, wrote back or ordered within 7 days. Recomputed whole each time and stored on
// the campaign, so a repeated or doubled run of the job changes nothing.
import type { CampaignFailureReason } from '@xiaoer/common/schemas/campaign';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { Campaign } from './campaign.model.js';
import type { CampaignRecord, CampaignRepository } from './campaign.repository.js';
import type { GroupSendRecord } from './group-send.repository.js';
import type { GroupSendService } from './group-send.service.js';

const DAY = 86_400_000;
/** Replies and orders count this long after the send. */
export const RESULT_WINDOW_MS = 7 * DAY;
/** Results are read back this long after the send (the window, and a day for a late confirmation), then kept. */
const FOLLOW_MS = RESULT_WINDOW_MS + DAY;
/** get_groupmsg_send_result's status of a customer the task failed for. */
const FAILED: Record<number, CampaignFailureReason> = { 2: 'not_contact', 3: 'received_other' };

export interface CampaignResultsDeps {
  campaigns: Pick<CampaignRepository, 'sentSince' | 'recordResults'>;
  groupSends: Pick<GroupSendService, 'current'>;
  orders: Pick<OrderRepository, 'ofCustomersSince'>;
  messages: Pick<KfRepository, 'customerMessagesSince'>;
}

export class CampaignResultsReader {
  constructor(private d: CampaignResultsDeps) {}

  /** Every campaign of the merchant sent in the last 8 days, read back again (the results job). */
  async refreshRecent(merchantId: MerchantId, now = new Date()): Promise<number> {
    const campaigns = await this.d.campaigns.sentSince(merchantId, new Date(now.getTime() - FOLLOW_MS));
    for (const c of campaigns) await this.refresh(merchantId, c, now);
    return campaigns.length;
  }

  async refresh(merchantId: MerchantId, campaign: CampaignRecord, now: Date): Promise<Campaign['results']> {
    // a WeCom that cannot answer now leaves the task as last read; the next run asks again
    const tasks = await Promise.all(
      campaign.taskIds.map((id) =>
        this.d.groupSends.current(merchantId, id, true).catch(() => this.d.groupSends.current(merchantId, id, false)),
      ),
    );
    const tally = tallyTasks(tasks);
    const sentAt = campaign.sentAt ?? campaign.createdAt;
    const until = sentAt.getTime() + RESULT_WINDOW_MS;
    // WeCom stamps messages in whole seconds: a reply in the second the campaign went is after it, not before
    const from = Math.floor(sentAt.getTime() / 1000) * 1000;
    const within = (at: Date) => at.getTime() >= from && at.getTime() <= until;
    const customerOf = new Map(campaign.recipients.map((r) => [r.externalUserId, r.customerId]));
    const delivered = tally.delivered.filter((id) => customerOf.has(id));
    const [messages, orders] = await Promise.all([
      this.d.messages.customerMessagesSince(merchantId, delivered, new Date(from)),
      this.d.orders.ofCustomersSince(
        merchantId,
        delivered.map((id) => customerOf.get(id)!),
        sentAt,
        { paidOnly: false },
      ),
    ]);
    const repliers = new Set(messages.filter((m) => within(m.sentAt)).map((m) => m.externalUserId));
    const buyers = new Set(orders.filter((o) => within(o.placedAt)).map((o) => String(o.customerId)));
    const results = {
      recipients: tally.recipients,
      sent: tally.delivered.length,
      failed: tally.failed,
      unconfirmed: tally.unconfirmed,
      replied: repliers.size,
      bought: buyers.size,
      checkedAt: now,
    };
    await this.d.campaigns.recordResults(merchantId, campaign._id, results);
    return results;
  }
}

/** Per customer of the tasks: delivered, failed (why), or waiting for the staff member to confirm. */
export function tallyTasks(tasks: Pick<GroupSendRecord, 'externalUserIds' | 'results' | 'cancelledAt' | 'status'>[]) {
  const delivered: string[] = [];
  const failed = new Map<CampaignFailureReason, number>();
  let unconfirmed = 0;
  let recipients = 0;
  for (const t of tasks) {
    const status = new Map(t.results.map((r) => [r.externalUserId, r.status]));
    for (const id of t.externalUserIds) {
      recipients++;
      const s = status.get(id) ?? 0;
      const reason = FAILED[s] ?? (s === 0 && t.cancelledAt && t.status !== 'confirmed' ? 'stopped' : undefined);
      if (s === 1) delivered.push(id);
      else if (reason) failed.set(reason, (failed.get(reason) ?? 0) + 1);
      else unconfirmed++;
    }
  }
  return {
    recipients,
    delivered,
    failed: [...failed].map(([reason, count]) => ({ reason, count })),
    unconfirmed,
  };
}
