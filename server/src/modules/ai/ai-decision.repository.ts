// The bot's decision log, one entry per customer message, written through a group commit (db/batched-writes.ts) so
// concurrent conversations share round trips. Each entry is validated and given its defaults as Mongoose would.
import type { Collection } from 'mongodb';
import { Types } from 'mongoose';
import { BatchedWrites } from '../../db/batched-writes.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { AiDecision, AiDecisionModel, DecisionLearned } from './ai-decision.model.js';

export type AiDecisionRecord = AiDecision & { _id: Types.ObjectId };
export type NewAiDecision = Omit<AiDecision, 'merchantId'>;

export class AiDecisionRepository extends TenantRepository<AiDecision> {
  private writes: BatchedWrites<AiDecision>;

  constructor(model: AiDecisionModel) {
    super(model);
    this.writes = new BatchedWrites(model.collection as unknown as Collection<AiDecision>);
  }

  /** Settles once the entry is stored (with the other entries of its batch). */
  async record(merchantId: MerchantId, entry: NewAiDecision): Promise<void> {
    const doc = new this.model({ ...entry, merchantId: merchantObjectId(merchantId) });
    await doc.validate();
    await this.writes.write({ insertOne: { document: doc.toObject() } });
  }

  /** The decisions made from `from` up to (not including) `to`, on one channel when given (reports, summaries). */
  inRange(
    merchantId: MerchantId,
    range: { from: Date; to: Date; channel?: AiDecision['channel'] },
  ): Promise<AiDecisionRecord[]> {
    const { from, to, channel } = range;
    return this.model
      .find(this.scoped(merchantId, { at: { $gte: from, $lt: to }, ...(channel ? { channel } : {}) }))
      .lean<AiDecisionRecord[]>()
      .exec();
  }

  /** How many decisions of each action were made in [from, to), on one channel when given (the operator's health). */
  async actionCounts(
    merchantId: MerchantId,
    range: { from: Date; to: Date; channel?: AiDecision['channel'] },
  ): Promise<Partial<Record<AiDecision['action'], number>>> {
    const { from, to, channel } = range;
    const rows = await this.model
      .aggregate<{ _id: AiDecision['action']; n: number }>([
        { $match: this.scoped(merchantId, { at: { $gte: from, $lt: to }, ...(channel ? { channel } : {}) }) },
        { $group: { _id: '$action', n: { $sum: 1 } } },
      ])
      .exec();
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }

  /** Who asked on 微信客服 in [start, end), and what the bot did (reports). */
  kfDecisionsBetween(merchantId: MerchantId, start: Date, end: Date): Promise<AiDecisionRecord[]> {
    return this.inRange(merchantId, { from: start, to: end, channel: 'kf' });
  }

  /** A customer's decisions, the latest first. */
  forCustomer(merchantId: MerchantId, externalUserId: string, limit = 50): Promise<AiDecisionRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { externalUserId }))
      .sort({ at: -1, _id: -1 })
      .limit(limit)
      .lean<AiDecisionRecord[]>()
      .exec();
  }

  async latestFor(merchantId: MerchantId, externalUserId: string): Promise<AiDecisionRecord | null> {
    const [latest] = await this.forCustomer(merchantId, externalUserId, 1);
    return latest ?? null;
  }

  /** The handovers in [from, to) the shop has not learned yet (the owner's list of unanswered questions). */
  unlearnedHandoffs(merchantId: MerchantId, range: { from: Date; to: Date }): Promise<AiDecisionRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, {
          at: { $gte: range.from, $lt: range.to },
          action: 'handoff',
          learned: { $exists: false },
        }),
      )
      .sort({ at: -1, _id: -1 })
      .limit(2000)
      .lean<AiDecisionRecord[]>()
      .exec();
  }

  /** One of the merchant's decisions; another merchant's id is the same as none. */
  findById(merchantId: MerchantId, id: string): Promise<AiDecisionRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) }))
      .lean<AiDecisionRecord>()
      .exec();
  }

  /** Marks handovers learned, each once (a second tap finds them learned): how many this call marked. */
  async markLearned(merchantId: MerchantId, ids: Types.ObjectId[], learned: DecisionLearned): Promise<number> {
    if (!ids.length) return 0;
    const res = await this.model
      .updateMany(this.scoped(merchantId, { _id: { $in: ids }, learned: { $exists: false } }), { $set: { learned } })
      .exec();
    return res.modifiedCount;
  }

  /** Settles marks made at `at` by a claim: the FAQ they now point at, or (null) taken back when it was not saved. */
  async settleLearned(merchantId: MerchantId, ids: Types.ObjectId[], at: Date, faqId: string | null) {
    const update = faqId ? { $set: { 'learned.faqId': faqId } } : { $unset: { learned: 1 } };
    await this.model.updateMany(this.scoped(merchantId, { _id: { $in: ids }, 'learned.at': at }), update).exec();
  }
}
