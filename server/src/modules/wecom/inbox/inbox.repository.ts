// The inbox is a work queue in MongoDB (not Redis): an event WeCom delivered must survive a Redis outage and any
// process crash. Workers on several machines share it through atomic MongoDB updates only.
//
// Events of one orderingKey (a customer, a group chat, a 微信客服 account) form a lane, handled one at a time in
// arrival order (inbox-lanes.repository.ts). Only a lane's head is claimable, so the claim is one findOneAndUpdate over heads — a
// customer with 300 waiting messages is one claimable event, not 300 in the way of everyone else, and an event in
// backoff holds up its own lane only. Heads are claimed by their fair turn (fair-turns.ts), in which priority is a
// bounded head start: it orders a merchant's own work, but one merchant's flood of urgent events cannot starve another.
import type { Collection } from 'mongodb';
import type { Types } from 'mongoose';
import { BatchedWrites } from '../../../db/batched-writes.js';
import { isDuplicateKey } from '../../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../../tenancy/merchant-id.js';
import { turnAt } from './fair-turns.js';
import { InboxLaneRepository } from './inbox-lanes.repository.js';
import { InboxWriter } from './inbox-writer.js';
import type { InboxEvent, InboxModel, InboxStatus } from './inbox.model.js';

export type InboxEventRecord = InboxEvent & { _id: Types.ObjectId };
type EventFields = 'corpId' | 'dedupeKey' | 'kind' | 'orderingKey' | 'priority' | 'payload';
export type NewInboxEvent = Pick<InboxEvent, EventFields> & {
  /**
   * Any waiting copy of this event means the same (a "sync this account now" notice): stored only when its lane has
   * no such event waiting that a handling has not yet covered; otherwise that waiting one stands for it.
   */
  coalesce?: boolean;
};

/** What a finished handling leaves on the event: an outcome for support; whether it covered the events queued. */
export interface Finished {
  outcome?: Record<string, unknown>;
  covered?: boolean;
}

const CLAIM_ORDER = { turn: 1 } as const;
const ABANDONED_CHECK_MS = 1000;
/** How often a worker looks for lanes left without a head. */
const REPAIR_EVERY_MS = 10_000;

/** What became of an event handed to intake. */
export type Accepted = 'stored' | 'folded' | 'duplicate';

export class InboxRepository {
  /** intake: callbacks, stored fresh (workers admit them) */
  private intake: InboxWriter;
  /** the workers' own events (a sync queueing customer messages), placed in their lanes at once */
  private queue: InboxWriter;
  /** coalescing events: concurrent ones share a round trip */
  private upserts: BatchedWrites<InboxEvent>;
  private lanes: InboxLaneRepository;
  private abandonedCheckedAt = 0;
  private repairedAt = 0;
  private admission = { requested: true, running: undefined as Promise<void> | undefined };

  constructor(private model: InboxModel) {
    // The hot paths write through the driver (no hydration) and group-commit concurrent events.
    this.lanes = new InboxLaneRepository(model);
    const collection = model.collection as unknown as Collection<InboxEvent>;
    this.intake = new InboxWriter(collection);
    this.queue = new InboxWriter(collection, (lane, own) => this.lanes.joined(lane, own));
    this.upserts = new BatchedWrites(collection);
  }

  /**
   * Callback intake: stores the event (and nothing more, on WeCom's clock); a worker admits it into its lane.
   * 'duplicate' when it was already stored (a WeCom retry); 'folded' when an equivalent one waits (`coalesce`).
   */
  async accept(merchantId: MerchantId, { coalesce, ...event }: NewInboxEvent, now = new Date()): Promise<Accepted> {
    const doc = this.newEvent(merchantId, event, now, true);
    let accepted: Accepted;
    if (coalesce) accepted = await this.storeCoalescing(doc);
    else accepted = (await this.intake.write(doc)) ? 'stored' : 'duplicate';
    if (accepted === 'stored') this.requestAdmission(); // for a worker in this process; others hear the announcement
    return accepted;
  }

  /** The workers' own events: stored and placed in their lanes now; false when already stored. */
  insert(merchantId: MerchantId, event: Pick<InboxEvent, EventFields>, now = new Date()): Promise<boolean> {
    return this.queue.write(this.newEvent(merchantId, event, now, false));
  }

  private newEvent(merchantId: MerchantId, event: Pick<InboxEvent, EventFields>, now: Date, fresh: boolean) {
    const mid = merchantObjectId(merchantId);
    const times = { nextAttemptAt: now, receivedAt: now };
    const base: InboxEvent = { ...event, ...times, merchantId: mid, status: 'pending', attempts: 0 };
    return fresh ? { ...base, fresh: true } : base;
  }

  /**
   * Stores the event unless an equivalent one waits, uncovered, in its lane: that one is handled (or covered by a
   * handling that starts) after now, which is all this one asks for, so the caller may acknowledge either way.
   */
  private async storeCoalescing(doc: InboxEvent): Promise<Accepted> {
    const { merchantId, orderingKey, status, ...rest } = doc;
    try {
      const waiting = { merchantId, orderingKey, status, head: { $ne: true }, coveredBy: { $exists: false } };
      const upsert = { filter: waiting, update: { $setOnInsert: rest }, upsert: true };
      const { upsertedId } = await this.upserts.write({ updateOne: upsert });
      return upsertedId ? 'stored' : 'folded';
    } catch (err) {
      if (isDuplicateKey(err)) return 'duplicate'; // this very notice, stored before (a WeCom retry)
      throw err;
    }
  }

  /** Intake stored something: the next claim admits it first. */
  requestAdmission(): void {
    this.admission.requested = true;
  }

  /** Places fresh events in their lanes, once at a time per process. */
  private async admit(now: Date): Promise<void> {
    if (!this.admission.running) {
      this.admission.requested = false;
      this.admission.running = this.lanes
        .admit(now)
        .then((more) => {
          if (more) this.admission.requested = true;
        })
        .finally(() => (this.admission.running = undefined));
    }
    await this.admission.running;
  }

  /** The next claim also admits, and looks for abandoned heads and headless lanes (a drain must see everything). */
  lookForAbandonedNext(): void {
    this.abandonedCheckedAt = 0;
    this.repairedAt = 0;
    this.admission.requested = true;
  }

  /**
   * Takes the most urgent due head. A head whose worker died (lease expired) is due again; those are looked for at
   * most once a second, since a lease outlives its worker by far more.
   */
  async claimNext(owner: string, leaseMs: number, now = new Date()): Promise<InboxEventRecord | null> {
    if (this.admission.requested || this.admission.running) await this.admit(now);
    if (now.getTime() - this.repairedAt >= REPAIR_EVERY_MS) {
      this.repairedAt = now.getTime();
      await this.lanes.repair(now);
    }
    const claim = (due: Record<string, unknown>) =>
      this.model
        .findOneAndUpdate(
          { head: true, ...due },
          {
            $set: { status: 'processing', leaseOwner: owner, leaseUntil: new Date(+now + leaseMs) },
            $inc: { attempts: 1 },
          },
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

  /**
   * Marks the events waiting behind this one in its lane as covered by its handling (they are completed with it, and
   * no longer stand for new coalescing events). True when there were any.
   */
  async coverQueued(event: InboxEventRecord): Promise<boolean> {
    const { merchantId, orderingKey } = event;
    const queued = { merchantId, orderingKey, status: 'pending' as const, head: { $ne: true } };
    const { matchedCount } = await this.model.updateMany(queued, { $set: { coveredBy: event._id } }).exec();
    return matchedCount > 0;
  }

  /** Extends the lease of an event this owner is handling. */
  async renewLease(id: Types.ObjectId, owner: string, leaseMs: number, now = new Date()): Promise<void> {
    const leaseUntil = new Date(now.getTime() + leaseMs);
    await this.model.updateOne({ _id: id, leaseOwner: owner, status: 'processing' }, { $set: { leaseUntil } }).exec();
  }

  /** Records a finished step, so a retry after a crash does not repeat it (e.g. the welcome message). */
  async recordStep(id: Types.ObjectId, owner: string, step: string, value: unknown): Promise<void> {
    await this.model.updateOne({ _id: id, leaseOwner: owner }, { $set: { [`result.${step}`]: value } }).exec();
  }

  /** Done: the events it covered are done with it, and the lane moves on. */
  async complete(event: InboxEventRecord, owner: string, finished: Finished = {}, now = new Date()): Promise<void> {
    const outcome = Object.fromEntries(Object.entries(finished.outcome ?? {}).map(([k, v]) => [`result.${k}`, v]));
    // The covered events first: the handling did happen, even if this worker's lease ran out meanwhile.
    if (finished.covered) {
      const covered = { coveredBy: event._id, status: 'pending' as const };
      await this.model.updateMany(covered, { $set: { status: 'done', doneAt: now }, $unset: { fresh: 1 } }).exec();
    }
    const before = await this.finish(event, owner, { status: 'done', doneAt: now, ...outcome });
    // Lease lost (another worker took the event over): the lane is theirs to move on.
    if (!before) return;
    await this.lanes.finished(event, before.behind === true, now);
  }

  /** Back to its lane's head, due again at `at` (the lane waits: its order is kept). */
  async retryLater(event: InboxEventRecord, owner: string, error: string, at: Date): Promise<void> {
    const again = { status: 'pending', nextAttemptAt: at, turn: turnAt(at, event.priority), lastError: error };
    const held = { _id: event._id, leaseOwner: owner, status: 'processing' as const };
    await this.model.updateOne(held, { $set: again, $unset: { leaseUntil: 1 } }).exec();
  }

  /** Failed for good (kept for support); what it had covered waits again, and the lane moves on. */
  async giveUp(event: InboxEventRecord, owner: string, error: string, now = new Date()): Promise<void> {
    const covered = { coveredBy: event._id, status: 'pending' as const };
    const released = await this.model.updateMany(covered, { $unset: { coveredBy: 1 } }).exec();
    const before = await this.finish(event, owner, { status: 'failed', lastError: error });
    if (before) await this.lanes.finished(event, before.behind === true || released.modifiedCount > 0, now);
  }

  /** Ends the event's turn as head, if this owner still holds it: its flag as it was (null when the lease was lost). */
  private finish(event: InboxEventRecord, owner: string, $set: Record<string, unknown>) {
    return this.model
      .findOneAndUpdate(
        { _id: event._id, leaseOwner: owner, status: 'processing' },
        { $set, $unset: { leaseUntil: 1, head: 1, behind: 1 } },
        { returnDocument: 'before', projection: { behind: 1 } },
      )
      .lean<Pick<InboxEvent, 'behind'>>()
      .exec();
  }

  // Reads for support (what became of a delivery, in which order a lane was worked), scoped to the merchant whose corp
  // delivered the events: another merchant's events read as absent.

  /** A lane's events in arrival order. */
  lane(merchantId: MerchantId, orderingKey: string): Promise<InboxEventRecord[]> {
    return this.model
      .find({ merchantId: merchantObjectId(merchantId), orderingKey })
      .sort({ receivedAt: 1, _id: 1 })
      .lean<InboxEventRecord[]>()
      .exec();
  }

  /** One stored delivery by its dedupe key, or null. */
  event(merchantId: MerchantId, dedupeKey: string): Promise<InboxEventRecord | null> {
    return this.model
      .findOne({ merchantId: merchantObjectId(merchantId), dedupeKey })
      .lean<InboxEventRecord>()
      .exec();
  }

  /** The merchant's events (of one kind, in one status, when given) in arrival order. */
  events(merchantId: MerchantId, only: EventsOf = {}): Promise<InboxEventRecord[]> {
    return this.model
      .find(this.eventsOf(merchantId, only))
      .sort({ receivedAt: 1, _id: 1 })
      .lean<InboxEventRecord[]>()
      .exec();
  }

  /** How many events the merchant has (of one kind, in one status, when given). */
  count(merchantId: MerchantId, only: EventsOf = {}): Promise<number> {
    return this.model.countDocuments(this.eventsOf(merchantId, only)).exec();
  }

  /** When the merchant's latest stored event arrived (handled events are kept 30 days), or null. */
  async lastReceivedAt(merchantId: MerchantId): Promise<Date | null> {
    const latest = await this.model
      .findOne({ merchantId: merchantObjectId(merchantId) }, { receivedAt: 1 })
      .sort({ receivedAt: -1 })
      .lean<Pick<InboxEvent, 'receivedAt'>>()
      .exec();
    return latest?.receivedAt ?? null;
  }

  private eventsOf(merchantId: MerchantId, { kind, status }: EventsOf) {
    return {
      merchantId: merchantObjectId(merchantId),
      ...(kind === undefined ? {} : { kind }),
      ...(status === undefined ? {} : { status: Array.isArray(status) ? { $in: status } : status }),
    };
  }
}

/** Which of a merchant's events a support read looks at. */
export interface EventsOf {
  kind?: string;
  status?: InboxStatus | InboxStatus[];
}
