import type { Types } from 'mongoose';
import { keysetBefore } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ConversationMessage, MessageModel } from './message.model.js';

export type MessageRecord = ConversationMessage & { _id: Types.ObjectId };

/**
 * What other modules read of the 微信客服 history: a customer's conversation and timeline, one message, who wrote
 * what and when (auto-tags, reports, campaign replies). The pipeline's own writes are KfRepository's, which extends
 * this.
 */
export class KfMessageHistory {
  constructor(protected messages: MessageModel) {}

  /** The customer's messages (both ways) sent strictly before `before`, newest first: their timeline's page. */
  conversationBefore(
    merchantId: MerchantId,
    externalUserId: string,
    before: Date,
    limit: number,
    beforeId?: string,
  ): Promise<MessageRecord[]> {
    return this.messages
      .find({ merchantId: merchantObjectId(merchantId), externalUserId, ...keysetBefore('sentAt', before, beforeId) })
      .sort({ sentAt: -1, _id: -1 })
      .limit(limit)
      .lean<MessageRecord[]>()
      .exec();
  }

  conversation(merchantId: MerchantId, externalUserId: string, limit = 50): Promise<MessageRecord[]> {
    return this.messages
      .find({ merchantId: merchantObjectId(merchantId), externalUserId })
      .sort({ sentAt: -1, _id: -1 })
      .limit(limit)
      .lean<MessageRecord[]>()
      .exec()
      .then((rows) => rows.reverse());
  }

  message(merchantId: MerchantId, id: string): Promise<MessageRecord | null> {
    return this.messages
      .findOne({ _id: id, merchantId: merchantObjectId(merchantId) })
      .lean<MessageRecord>()
      .exec();
  }

  /** Customers who wrote a word to 微信客服 since a date (auto-tag rules on keywords). */
  async customersWhoWrote(merchantId: MerchantId, keyword: string, since: Date): Promise<Set<string>> {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const ids = await this.messages
      .distinct('externalUserId', {
        merchantId: merchantObjectId(merchantId),
        direction: 'in',
        sentAt: { $gte: since },
        text: { $regex: escaped },
      })
      .exec();
    return new Set(ids.map(String));
  }

  /** A period's customer and reply messages, by conversation then time (reports: first-response time, replies). */
  inRange(
    merchantId: MerchantId,
    start: Date,
    end: Date,
  ): Promise<Pick<MessageRecord, 'externalUserId' | 'direction' | 'sentAt' | 'status'>[]> {
    return this.messages
      .find(
        {
          merchantId: merchantObjectId(merchantId),
          sentAt: { $gte: start, $lt: end },
          direction: { $in: ['in', 'out'] },
        },
        { externalUserId: 1, direction: 1, sentAt: 1, status: 1 },
      )
      .sort({ externalUserId: 1, sentAt: 1 })
      .lean<MessageRecord[]>()
      .exec();
  }

  /** When these customers wrote since an instant (a campaign's replies), in one query on the conversation index. */
  customerMessagesSince(
    merchantId: MerchantId,
    externalUserIds: string[],
    since: Date,
  ): Promise<Pick<MessageRecord, 'externalUserId' | 'sentAt'>[]> {
    if (!externalUserIds.length) return Promise.resolve([]);
    return this.messages
      .find(
        {
          merchantId: merchantObjectId(merchantId),
          externalUserId: { $in: externalUserIds },
          sentAt: { $gte: since },
          direction: 'in',
        },
        { externalUserId: 1, sentAt: 1 },
      )
      .lean<MessageRecord[]>()
      .exec();
  }
}
