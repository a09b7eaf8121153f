// The inbox is a work queue in MongoDB (not Redis): an event WeCom delivered must survive a Redis outage and any
// process crash. Claiming is an atomic findOneAndUpdate with a lease, so workers on several machines share it.
import type { Collection } from 'mongodb';
import type { QueryFilter, Types } from 'mongoose';
import { InboxWriter } from './inbox-writer.js';
import { merchantObjectId, type MerchantId } from '../../../tenancy/merchant-id.js';
import type { InboxEvent, InboxModel } from './inbox.model.js';

export type InboxEventRecord = InboxEvent & { _id: Types.ObjectId };
export type NewInboxEvent = Pick<InboxEvent, 'corpId' | 'dedupeKey' | 'kind' | 'orderingKey' | 'priority' | 'payload'>;

const ABANDONED_CHECK_MS = 1000;

export class InboxRepository {
  private writer: InboxWriter;

  constructor(private model: InboxModel) {
    // The intake hot path writes through the driver (no hydration) and group-commits concurrent events.
    this.writer = new InboxWriter(model.collection as unknown as Collection<InboxEvent>);
  }

  /** Stores the event; false when it was already stored (a duplicate delivery). */
  insert(merchantId: MerchantId, event: NewInboxEvent, now = new Date()): Promise<boolean> {
    return this.writer.write({ ...event, merchantId: merchantObjectId(merchantId), status: 'pending', attempts: 0, nextAttemptAt: now, receivedAt: now });
  }

  /** Events a lane of this process is trying to claim: other local lanes pass them by instead of racing for them. */
  private attempting = new Set<string>();
  private abandonedCheckedAt = 0;

  /** The next claim also looks for events whose worker died (a drain must see everything that is due). */
  lookForAbandonedNext(): void {
    this.abandonedCheckedAt = 0;
  }

  /**
   * Takes the next event that is due and whose customer has no earlier unfinished event (per-customer order),
   * preferring higher priority. An event whose worker died (lease expired) is due again.
   */
  async claimNext(owner: string, leaseMs: number, now = new Date()): Promise<InboxEventRecord | null> {
    const due: QueryFilter<InboxEvent> = {
      $or: [{ status: 'pending', nextAttemptAt: { $lte: now } }, { status: 'processing', leaseUntil: { $lt: now } }],
    };
    // Two simple range scans of the {status, priority, receivedAt} index rather than one $or: due events, and — at
    // most once a second, since a lease outlives its worker by far more — events whose worker died.
    const lookForAbandoned = now.getTime() - this.abandonedCheckedAt >= ABANDONED_CHECK_MS;
    if (lookForAbandoned) this.abandonedCheckedAt = now.getTime();
    const [pending, abandoned] = await Promise.all([
      this.model.find({ status: 'pending', nextAttemptAt: { $lte: now } }).sort({ priority: 1, receivedAt: 1 }).limit(20).lean<InboxEventRecord[]>().exec(),
      lookForAbandoned
        ? this.model.find({ status: 'processing', leaseUntil: { $lt: now } }).sort({ priority: 1, receivedAt: 1 }).limit(5).lean<InboxEventRecord[]>().exec()
        : [],
    ]);
    for (const candidate of [...abandoned, ...pending]) {
      const id = String(candidate._id);
      if (this.attempting.has(id)) continue;
      this.attempting.add(id);
      try {
        const earlier = await this.model.exists({
          orderingKey: candidate.orderingKey,
          status: { $in: ['pending', 'processing'] },
          receivedAt: { $lt: candidate.receivedAt },
          _id: { $ne: candidate._id },
        });
        if (earlier) continue;
        const claimed = await this.model
          .findOneAndUpdate(
            { _id: candidate._id, ...due },
            { $set: { status: 'processing', leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
            { returnDocument: 'after' },
          )
          .lean<InboxEventRecord>()
          .exec();
        if (claimed) return claimed;
      } finally {
        this.attempting.delete(id);
      }
    }
    return null;
  }

  /** Records a finished step, so a retry after a crash does not repeat it (e.g. the welcome message). */
  async recordStep(id: Types.ObjectId, owner: string, step: string, value: unknown): Promise<void> {
    await this.model.updateOne({ _id: id, leaseOwner: owner }, { $set: { [`result.${step}`]: value } }).exec();
  }

  async complete(id: Types.ObjectId, owner: string, now = new Date()): Promise<void> {
    await this.model
      .updateOne({ _id: id, leaseOwner: owner, status: 'processing' }, { $set: { status: 'done', doneAt: now }, $unset: { leaseUntil: 1 } })
      .exec();
  }

  async retryLater(id: Types.ObjectId, owner: string, error: string, at: Date): Promise<void> {
    await this.model
      .updateOne({ _id: id, leaseOwner: owner, status: 'processing' }, { $set: { status: 'pending', nextAttemptAt: at, lastError: error }, $unset: { leaseUntil: 1 } })
      .exec();
  }

  async giveUp(id: Types.ObjectId, owner: string, error: string): Promise<void> {
    await this.model
      .updateOne({ _id: id, leaseOwner: owner, status: 'processing' }, { $set: { status: 'failed', lastError: error }, $unset: { leaseUntil: 1 } })
      .exec();
  }
}
