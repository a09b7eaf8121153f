import type { Types } from 'mongoose';
import { insertedSkippingDuplicates, isDuplicateKey } from '../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ConversationMessage, MessageModel, OutStatus } from './message.model.js';
import type { KfCursor, KfSession, KfSessionModel, KfState } from './kf-session.model.js';
import type { Model } from 'mongoose';

export type KfSessionRecord = KfSession & { _id: Types.ObjectId };
export type MessageRecord = ConversationMessage & { _id: Types.ObjectId };
export type NewMessage = Omit<ConversationMessage, 'merchantId'>;

export const KF_WINDOW_MS = 48 * 3600_000;
export const KF_REPLY_BUDGET = 5;

export class KfRepository {
  constructor(
    private sessions: KfSessionModel,
    private messages: MessageModel,
    private cursors: Model<KfCursor>,
  ) {}

  async cursor(merchantId: MerchantId, openKfId: string): Promise<string> {
    return (await this.cursors.findOne({ merchantId: merchantObjectId(merchantId), openKfId }).lean().exec())?.cursor ?? '';
  }

  async saveCursor(merchantId: MerchantId, openKfId: string, cursor: string): Promise<void> {
    await this.cursors.updateOne({ merchantId: merchantObjectId(merchantId), openKfId }, { $set: { cursor } }, { upsert: true }).exec();
  }

  /** Stores synced messages; ones already stored (same WeCom msgid) are skipped. Returns how many were new. */
  async insertSynced(merchantId: MerchantId, messages: NewMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const docs = messages.map((m) => ({ ...m, merchantId: merchantObjectId(merchantId) }));
    return insertedSkippingDuplicates(() => this.messages.insertMany(docs, { ordered: false, rawResult: true }));
  }

  unhandled(merchantId: MerchantId, openKfId: string): Promise<MessageRecord[]> {
    return this.messages
      .find({ merchantId: merchantObjectId(merchantId), openKfId, direction: { $in: ['in', 'event'] }, handledAt: { $exists: false } })
      .sort({ sentAt: 1, _id: 1 })
      .lean<MessageRecord[]>()
      .exec();
  }

  async markHandled(id: Types.ObjectId): Promise<void> {
    await this.messages.updateOne({ _id: id }, { $set: { handledAt: new Date() } }).exec();
  }

  /** A customer wrote: the 48 h window and the 5-reply budget start again; an ended session starts anew. */
  async customerWrote(merchantId: MerchantId, openKfId: string, externalUserId: string, at: Date): Promise<void> {
    const key = { merchantId: merchantObjectId(merchantId), openKfId, externalUserId };
    await this.sessions
      .updateOne(key, { $setOnInsert: { state: 'new' }, $max: { lastCustomerMessageAt: at }, $set: { sentSinceCustomerMessage: 0 } }, { upsert: true })
      .exec();
    await this.sessions.updateOne({ ...key, state: 'ended' }, { $set: { state: 'new' } }).exec();
  }

  async setState(merchantId: MerchantId, openKfId: string, externalUserId: string, state: KfState, servicerUserId?: string): Promise<void> {
    await this.sessions
      .updateOne({ merchantId: merchantObjectId(merchantId), openKfId, externalUserId }, { $set: { state, servicerUserId } })
      .exec();
  }

  session(merchantId: MerchantId, openKfId: string, externalUserId: string): Promise<KfSessionRecord | null> {
    return this.sessions.findOne({ merchantId: merchantObjectId(merchantId), openKfId, externalUserId }).lean<KfSessionRecord>().exec();
  }

  /**
   * Takes one reply from the budget, atomically, only while WeCom would accept it: state new/bot, inside the 48 h
   * window, fewer than 5 replies since the customer's last message. Null when any rule says no.
   */
  reserveReply(merchantId: MerchantId, openKfId: string, externalUserId: string, now: Date): Promise<KfSessionRecord | null> {
    return this.sessions
      .findOneAndUpdate(
        {
          merchantId: merchantObjectId(merchantId),
          openKfId,
          externalUserId,
          state: { $in: ['new', 'bot'] },
          lastCustomerMessageAt: { $gte: new Date(now.getTime() - KF_WINDOW_MS) },
          sentSinceCustomerMessage: { $lt: KF_REPLY_BUDGET },
        },
        { $inc: { sentSinceCustomerMessage: 1 } },
        { returnDocument: 'after' },
      )
      .lean<KfSessionRecord>()
      .exec();
  }

  /** Gives a reserved reply back when WeCom did not deliver it. */
  async refundReply(merchantId: MerchantId, openKfId: string, externalUserId: string): Promise<void> {
    await this.sessions
      .updateOne({ merchantId: merchantObjectId(merchantId), openKfId, externalUserId, sentSinceCustomerMessage: { $gt: 0 } }, { $inc: { sentSinceCustomerMessage: -1 } })
      .exec();
  }

  findOutgoing(merchantId: MerchantId, ourMsgId: string): Promise<MessageRecord | null> {
    return this.messages.findOne({ merchantId: merchantObjectId(merchantId), ourMsgId }).lean<MessageRecord>().exec();
  }

  /** Records an outgoing message before it is sent; false when one with this msgid already exists. */
  async insertOutgoing(merchantId: MerchantId, message: NewMessage): Promise<boolean> {
    try {
      await this.messages.create({ ...message, merchantId: merchantObjectId(merchantId) });
      return true;
    } catch (e) {
      if (isDuplicateKey(e)) return false;
      throw e;
    }
  }

  async setOutgoingStatus(merchantId: MerchantId, ourMsgId: string, status: OutStatus, reason?: string): Promise<void> {
    await this.messages.updateOne({ merchantId: merchantObjectId(merchantId), ourMsgId }, { $set: { status, reason } }).exec();
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
    return this.messages.findOne({ _id: id, merchantId: merchantObjectId(merchantId) }).lean<MessageRecord>().exec();
  }

  /** Customers who wrote a word to 微信客服 since a date (auto-tag rules on keywords). */
  async customersWhoWrote(merchantId: MerchantId, keyword: string, since: Date): Promise<Set<string>> {
    const escaped = keyword.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const ids = await this.messages
      .distinct('externalUserId', { merchantId: merchantObjectId(merchantId), direction: 'in', sentAt: { $gte: since }, text: { $regex: escaped } })
      .exec();
    return new Set(ids.map(String));
  }
}
