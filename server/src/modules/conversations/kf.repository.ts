import type { Collection } from 'mongodb';
import type { Types } from 'mongoose';
import { BatchedWrites } from '../../db/batched-writes.js';
import { insertedOnce, insertedSkippingDuplicates } from '../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ConversationMessage, MessageModel, OutStatus } from './message.model.js';
import type { KfCursor, KfSession, KfSessionModel } from './kf-session.model.js';
import { KfMessageHistory, type MessageRecord } from './kf-history.repository.js';
import { KF_STATES, type KfState } from './kf-state.js';
import type { Model } from 'mongoose';

export type { MessageRecord };
export type KfSessionRecord = KfSession & { _id: Types.ObjectId };
export type NewMessage = Omit<ConversationMessage, 'merchantId'>;

/** A stored customer message as the inbox queues it for the bot. */
export interface QueuedMessageRef {
  id: string;
  openKfId: string;
  externalUserId: string;
  sentAt: Date;
}

/** Words the customer wrote (not a picture, sticker, voice or event): what makes an earlier message stale. */
export const isCustomerText = (m: Pick<ConversationMessage, 'direction' | 'msgtype'>) =>
  m.direction === 'in' && m.msgtype === 'text';

export const KF_WINDOW_MS = 48 * 3600_000;
export const KF_REPLY_BUDGET = 5;
/** Sessions read at a time when looking for customers still waiting (one answers query per batch). */
const UNANSWERED_BATCH = 200;

/** The 微信客服 pipeline's records: sync cursors, messages in and out, and each customer's session (state, window, reply budget). */
export class KfRepository extends KfMessageHistory {
  /** Replies are recorded, then their status, once each: concurrent ones share round trips. */
  private outgoingWrites: BatchedWrites<ConversationMessage>;

  constructor(
    private sessions: KfSessionModel,
    messages: MessageModel,
    private cursors: Model<KfCursor>,
  ) {
    super(messages);
    this.outgoingWrites = new BatchedWrites(messages.collection as unknown as Collection<ConversationMessage>);
  }

  async cursor(merchantId: MerchantId, openKfId: string): Promise<string> {
    return (
      (
        await this.cursors
          .findOne({ merchantId: merchantObjectId(merchantId), openKfId })
          .lean()
          .exec()
      )?.cursor ?? ''
    );
  }

  async saveCursor(merchantId: MerchantId, openKfId: string, cursor: string): Promise<void> {
    await this.cursors
      .updateOne({ merchantId: merchantObjectId(merchantId), openKfId }, { $set: { cursor } }, { upsert: true })
      .exec();
  }

  /** Stores synced messages; ones already stored (same WeCom msgid) are skipped. Returns how many were new. */
  async insertSynced(merchantId: MerchantId, messages: NewMessage[]): Promise<number> {
    if (!messages.length) return 0;
    const docs = messages.map((m) => ({ ...m, merchantId: merchantObjectId(merchantId) }));
    return insertedSkippingDuplicates(() => this.messages.insertMany(docs, { ordered: false, rawResult: true }));
  }

  unhandled(merchantId: MerchantId, openKfId: string): Promise<MessageRecord[]> {
    return this.messages
      .find({
        merchantId: merchantObjectId(merchantId),
        openKfId,
        direction: { $in: ['in', 'event'] },
        handledAt: { $exists: false },
      })
      .sort({ sentAt: 1, _id: 1 })
      .lean<MessageRecord[]>()
      .exec();
  }

  async markHandled(ids: Types.ObjectId[]): Promise<void> {
    if (ids.length) await this.messages.updateMany({ _id: { $in: ids } }, { $set: { handledAt: new Date() } }).exec();
  }

  /**
   * Customers wrote (a synced page's worth, in one round trip): for each, the 48 h window and the 5-reply budget start
   * again, and an ended session starts anew.
   */
  async customersWrote(merchantId: MerchantId, openKfId: string, writes: { externalUserId: string; at: Date }[]) {
    const latest = new Map<string, Date>();
    for (const w of writes) if (!(latest.get(w.externalUserId)! >= w.at)) latest.set(w.externalUserId, w.at);
    if (!latest.size) return;
    const mid = merchantObjectId(merchantId);
    await this.sessions.bulkWrite(
      [...latest].flatMap(([externalUserId, at]) => {
        const key = { merchantId: mid, openKfId, externalUserId };
        const wrote = {
          $setOnInsert: { state: 'new' },
          $max: { lastCustomerMessageAt: at },
          $set: { sentSinceCustomerMessage: 0 },
        };
        return [
          { updateOne: { filter: key, update: wrote, upsert: true } },
          { updateOne: { filter: { ...key, state: 'ended' }, update: { $set: { state: 'new' } } } },
        ];
      }),
      { ordered: true },
    );
  }

  async setState(
    merchantId: MerchantId,
    openKfId: string,
    externalUserId: string,
    state: KfState,
    servicerUserId?: string,
  ): Promise<void> {
    await this.sessions
      .updateOne(
        { merchantId: merchantObjectId(merchantId), openKfId, externalUserId },
        { $set: { state, servicerUserId } },
      )
      .exec();
  }

  session(merchantId: MerchantId, openKfId: string, externalUserId: string): Promise<KfSessionRecord | null> {
    return this.sessions
      .findOne({ merchantId: merchantObjectId(merchantId), openKfId, externalUserId })
      .lean<KfSessionRecord>()
      .exec();
  }

  /**
   * Takes one reply from the budget, atomically, only while WeCom would accept it: state new/bot, inside the 48 h
   * window, fewer than 5 replies since the customer's last message. Null when any rule says no.
   */
  reserveReply(
    merchantId: MerchantId,
    openKfId: string,
    externalUserId: string,
    now: Date,
  ): Promise<KfSessionRecord | null> {
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
      .updateOne(
        { merchantId: merchantObjectId(merchantId), openKfId, externalUserId, sentSinceCustomerMessage: { $gt: 0 } },
        { $inc: { sentSinceCustomerMessage: -1 } },
      )
      .exec();
  }

  findOutgoing(merchantId: MerchantId, ourMsgId: string): Promise<MessageRecord | null> {
    return this.messages
      .findOne({ merchantId: merchantObjectId(merchantId), ourMsgId })
      .lean<MessageRecord>()
      .exec();
  }

  /** Records an outgoing message before it is sent; false when one with this msgid already exists. */
  async insertOutgoing(merchantId: MerchantId, message: NewMessage): Promise<boolean> {
    const doc = new this.messages({ ...message, merchantId: merchantObjectId(merchantId) });
    await doc.validate();
    return insertedOnce(() => this.outgoingWrites.write({ insertOne: { document: doc.toObject() } }));
  }

  async setOutgoingStatus(merchantId: MerchantId, ourMsgId: string, status: OutStatus, reason?: string): Promise<void> {
    const update =
      reason === undefined ? { $set: { status }, $unset: { reason: 1 as const } } : { $set: { status, reason } };
    const filter = { merchantId: merchantObjectId(merchantId), ourMsgId };
    await this.outgoingWrites.write({ updateOne: { filter, update } });
  }

  /**
   * A customer's message (by id, with the customer and time it was queued with) and how many newer text messages of
   * the same customer are already stored (pictures, stickers and voice do not count; see isCustomerText), counted up
   * to `newerLimit` — in one query on the conversation index.
   */
  async messageWithNewer(
    merchantId: MerchantId,
    ref: QueuedMessageRef,
    newerLimit: number,
  ): Promise<{ message: MessageRecord | null; newer: number }> {
    const rows = await this.messages
      .find({
        merchantId: merchantObjectId(merchantId),
        externalUserId: ref.externalUserId,
        openKfId: ref.openKfId,
        direction: 'in',
        sentAt: { $gte: ref.sentAt }, // the index's range; the $or below says which of those count
        $or: [
          { _id: ref.id },
          {
            msgtype: 'text',
            $or: [{ sentAt: { $gt: ref.sentAt } }, { sentAt: ref.sentAt, _id: { $gt: ref.id } }],
          },
        ],
      })
      .sort({ sentAt: 1, _id: 1 })
      .limit(newerLimit + 1)
      .lean<MessageRecord[]>()
      .exec();
    const message = rows.find((m) => String(m._id) === ref.id) ?? null;
    return { message, newer: rows.length - (message ? 1 : 0) };
  }

  /**
   * The session in which we may still write to this customer on our own: state new/bot, the customer wrote within
   * 48 h (the {merchantId, state, lastCustomerMessageAt} index bounds it to the window).
   */
  openWindow(merchantId: MerchantId, externalUserId: string, now: Date): Promise<KfSessionRecord | null> {
    return this.sessions
      .findOne({
        merchantId: merchantObjectId(merchantId),
        state: { $in: ['new', 'bot'] },
        lastCustomerMessageAt: { $gte: new Date(now.getTime() - KF_WINDOW_MS) },
        externalUserId,
        sentSinceCustomerMessage: { $lt: KF_REPLY_BUDGET },
      })
      .sort({ lastCustomerMessageAt: -1 })
      .lean<KfSessionRecord>()
      .exec();
  }

  /**
   * Customers handed to a person (or queueing for one) whose last message, written between `since` and `before`, has
   * had no answer since: the handoff-waiting alert. The {merchantId, state, lastCustomerMessageAt} index finds them.
   */
  waitingForStaff(merchantId: MerchantId, since: Date, before: Date): Promise<KfSessionRecord[]> {
    return this.unansweredBetween(merchantId, since, before, ['human', 'queue']);
  }

  /**
   * Customers on any 微信客服 account, in any of `states` (all, when not given), whose last message, written between
   * `since` and `before`, has had no answer since, longest waiting first (at most `limit`): the message backlog.
   */
  async unansweredBetween(
    merchantId: MerchantId,
    since: Date,
    before: Date,
    states: KfState[] = [...KF_STATES],
    limit = 100,
  ): Promise<KfSessionRecord[]> {
    const mid = merchantObjectId(merchantId);
    const waiting: KfSessionRecord[] = [];
    // Read in batches and keep reading until `limit` unanswered are found: a busy shop's oldest conversations of the
    // window are mostly answered, and cutting before the answered ones are dropped would hide who is waiting now.
    let after: { at: Date; id: Types.ObjectId } | null = null;
    while (waiting.length < limit) {
      const batch: KfSessionRecord[] = await this.sessions
        .find({
          merchantId: mid,
          state: { $in: states },
          lastCustomerMessageAt: { $gte: since, $lt: before },
          ...(after && {
            $or: [
              { lastCustomerMessageAt: { $gt: after.at } },
              { lastCustomerMessageAt: after.at, _id: { $gt: after.id } },
            ],
          }),
        })
        .sort({ lastCustomerMessageAt: 1, _id: 1 })
        .limit(UNANSWERED_BATCH)
        .lean<KfSessionRecord[]>()
        .exec();
      if (!batch.length) break;
      const last = batch.at(-1)!;
      after = { at: last.lastCustomerMessageAt, id: last._id };
      const answeredAt = await this.lastAnswers(mid, batch, since);
      for (const s of batch) {
        const answer = answeredAt.get(s.externalUserId);
        if (!answer || answer <= s.lastCustomerMessageAt) waiting.push(s);
      }
      if (batch.length < UNANSWERED_BATCH) break;
    }
    return waiting.slice(0, limit);
  }

  /** Each customer's latest answer since `since`, in one query for the batch. */
  private async lastAnswers(mid: Types.ObjectId, sessions: KfSessionRecord[], since: Date): Promise<Map<string, Date>> {
    const sent = await this.messages
      .find(
        {
          merchantId: mid,
          externalUserId: { $in: sessions.map((s) => s.externalUserId) },
          direction: 'out',
          sentAt: { $gte: since },
        },
        { externalUserId: 1, sentAt: 1 },
      )
      .lean<{ externalUserId: string; sentAt: Date }[]>()
      .exec();
    const latest = new Map<string, Date>();
    for (const m of sent) {
      const seen = latest.get(m.externalUserId);
      if (!seen || m.sentAt > seen) latest.set(m.externalUserId, m.sentAt);
    }
    return latest;
  }
}
