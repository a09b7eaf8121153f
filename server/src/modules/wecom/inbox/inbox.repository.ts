// The inbox is a work queue in MongoDB (not Redis): an event WeCom delivered must survive a Redis outage and any
// process crash. Workers on several machines share it through atomic MongoDB updates only.
//
// Lanes and heads: the events of one orderingKey (a customer, a group chat, a 微信客服 account) form a lane and are
// handled one at a time, in arrival order. Only a lane's head is claimable, so the claim is one findOneAndUpdate over
// heads — a customer with 300 waiting messages is one claimable event, not 300 in the way of everyone else, and an
// event in backoff blocks its own lane only. A lane gets a head by promotion: its oldest unfinished event becomes the
// head unless the lane has one, which the one_head_per_lane unique index makes atomic. Promotion follows every store
// (inbox-writer.ts) and every finished event; since it always takes the oldest, stores and finishes racing each other
// cannot reorder a lane. A crash between writing and promoting leaves a lane without a head: the repair sweep finds
// those and promotes them. Heads are claimed by priority, then by their fair turn (fair-turns.ts).
import type { Collection } from 'mongodb';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../../tenancy/merchant-id.js';
import { FairTurns } from './fair-turns.js';
import { InboxWriter, type Lane } from './inbox-writer.js';
import type { InboxEvent, InboxModel, InboxStatus } from './inbox.model.js';

export type InboxEventRecord = InboxEvent & { _id: Types.ObjectId };
export type NewInboxEvent = Pick<InboxEvent, 'corpId' | 'dedupeKey' | 'kind' | 'orderingKey' | 'priority' | 'payload'>;

/** What a finished handling leaves on the event: an outcome for support, and the queued events it also answered. */
export interface Finished {
  outcome?: Record<string, unknown>;
  covered?: Types.ObjectId[];
}

const UNFINISHED: InboxStatus[] = ['pending', 'processing'];
const CLAIM_ORDER = { priority: 1, turn: 1 } as const;
const LANE_ORDER = { receivedAt: 1, _id: 1 } as const;
const ABANDONED_CHECK_MS = 1000;
/** How often a worker looks for lanes left without a head, and how long an event must have waited to count. */
const REPAIR_EVERY_MS = 10_000;
const REPAIR_AFTER_MS = 5_000;
const REPAIR_LANES = 200;
/** The most queued events one handling can cover. */
const COVER_LIMIT = 1000;

export class InboxRepository {
  private writer: InboxWriter;
  private turns = new FairTurns();
  private abandonedCheckedAt = 0;
  private repairedAt = 0;

  constructor(private model: InboxModel) {
    // The intake hot path writes through the driver (no hydration) and group-commits concurrent events.
    this.writer = new InboxWriter(model.collection as unknown as Collection<InboxEvent>, (lane) => this.promote(lane));
  }

  /** Stores the event; false when it was already stored (a duplicate delivery). */
  insert(merchantId: MerchantId, event: NewInboxEvent, now = new Date()): Promise<boolean> {
    return this.writer.write({ ...event, merchantId: merchantObjectId(merchantId), status: 'pending', attempts: 0, nextAttemptAt: now, receivedAt: now });
  }

  /** The next claim also looks for abandoned heads and headless lanes (a drain must see everything that is due). */
  lookForAbandonedNext(): void {
    this.abandonedCheckedAt = 0;
    this.repairedAt = 0;
  }

  /**
   * Takes the most urgent due head. A head whose worker died (lease expired) is due again; those are looked for at
   * most once a second, since a lease outlives its worker by far more.
   */
  async claimNext(owner: string, leaseMs: number, now = new Date()): Promise<InboxEventRecord | null> {
    if (now.getTime() - this.repairedAt >= REPAIR_EVERY_MS) {
      this.repairedAt = now.getTime();
      await this.repairLanes(now);
    }
    const claim = (due: Record<string, unknown>) =>
      this.model
        .findOneAndUpdate(
          { head: true, ...due },
          { $set: { status: 'processing', leaseOwner: owner, leaseUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
          { sort: CLAIM_ORDER, returnDocument: 'after' },
        )
        .lean<InboxEventRecord>()
        .exec();
    if (now.getTime() - this.abandonedCheckedAt >= ABANDONED_CHECK_MS) {
      this.abandonedCheckedAt = now.getTime();
      const abandoned = await claim({ status: 'processing', leaseUntil: { $lt: now } });
      if (abandoned) return abandoned;
    }
    return claim({ status: 'pending', nextAttemptAt: { $lte: now } });
  }

  /** The events waiting behind this one in its lane, oldest first (what a handling may cover). */
  async queuedBehind(event: InboxEventRecord): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find({ merchantId: event.merchantId, orderingKey: event.orderingKey, status: 'pending', head: { $ne: true } }, { _id: 1 })
      .sort(LANE_ORDER)
      .limit(COVER_LIMIT)
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  /** Records a finished step, so a retry after a crash does not repeat it (e.g. the welcome message). */
  async recordStep(id: Types.ObjectId, owner: string, step: string, value: unknown): Promise<void> {
    await this.model.updateOne({ _id: id, leaseOwner: owner }, { $set: { [`result.${step}`]: value } }).exec();
  }

  /** Done: the events it covered are done with it, and the lane's next event becomes its head. */
  async complete(event: InboxEventRecord, owner: string, finished: Finished = {}, now = new Date()): Promise<void> {
    const outcome = Object.fromEntries(Object.entries(finished.outcome ?? {}).map(([k, v]) => [`result.${k}`, v]));
    const { modifiedCount } = await this.model
      .updateOne({ _id: event._id, leaseOwner: owner, status: 'processing' }, { $set: { status: 'done', doneAt: now, ...outcome }, $unset: { leaseUntil: 1, head: 1 } })
      .exec();
    // Lease lost (another worker took the event over): the lane is theirs to move on.
    if (!modifiedCount) return;
    if (finished.covered?.length) {
      await this.model
        .updateMany({ _id: { $in: finished.covered }, status: 'pending', head: { $ne: true } }, { $set: { status: 'done', doneAt: now, 'result.coveredBy': event._id } })
        .exec();
    }
    await this.promote(event, now);
  }

  /** Back to its lane's head, due again at `at` (the lane waits: its order is kept). */
  async retryLater(event: InboxEventRecord, owner: string, error: string, at: Date): Promise<void> {
    await this.model
      .updateOne({ _id: event._id, leaseOwner: owner, status: 'processing' }, { $set: { status: 'pending', nextAttemptAt: at, turn: at, lastError: error }, $unset: { leaseUntil: 1 } })
      .exec();
  }

  /** Failed for good (kept for support); the lane moves on. */
  async giveUp(event: InboxEventRecord, owner: string, error: string, now = new Date()): Promise<void> {
    const { modifiedCount } = await this.model
      .updateOne({ _id: event._id, leaseOwner: owner, status: 'processing' }, { $set: { status: 'failed', lastError: error }, $unset: { leaseUntil: 1, head: 1 } })
      .exec();
    if (modifiedCount) await this.promote(event, now);
  }

  /** Makes the lane's oldest unfinished event its head, unless the lane has one (E11000) or is empty. */
  private async promote(lane: Lane, now = new Date()): Promise<void> {
    const merchant = String(lane.merchantId);
    const turn = this.turns.take(merchant, now.getTime());
    try {
      const promoted = await this.model
        .findOneAndUpdate(
          { merchantId: lane.merchantId, orderingKey: lane.orderingKey, status: { $in: UNFINISHED }, head: { $ne: true } },
          { $set: { head: true, turn } },
          { sort: LANE_ORDER, projection: { _id: 1 } },
        )
        .lean()
        .exec();
      if (!promoted) this.turns.giveBack(merchant, now.getTime());
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      this.turns.giveBack(merchant, now.getTime());
    }
  }

  /**
   * Lanes whose events have waited a while without a head (this process or another died between two steps; events
   * stored before lanes existed): each is offered a promotion, which the unique index refuses where a head exists.
   */
  private async repairLanes(now: Date): Promise<void> {
    const lanes = await this.model
      .aggregate<{ _id: Lane }>([
        { $match: { status: { $in: UNFINISHED }, head: { $ne: true }, receivedAt: { $lt: new Date(now.getTime() - REPAIR_AFTER_MS) } } },
        { $group: { _id: { merchantId: '$merchantId', orderingKey: '$orderingKey' } } },
        { $limit: REPAIR_LANES },
      ])
      .exec();
    for (const { _id } of lanes) await this.promote(_id, now);
  }
}
