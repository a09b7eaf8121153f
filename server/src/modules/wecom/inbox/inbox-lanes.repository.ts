// The inbox's lanes: the events of one orderingKey are handled one at a time, in arrival order, and only the lane's
// head is claimable. This keeps every lane that has unfinished events with a head, using only atomic one-document
// updates, so any number of API and worker processes can share it:
//   - promote: the lane's oldest unfinished event becomes its head, unless the lane has one — the one_head_per_lane
//     unique index refuses a second head (E11000). Promotion always takes the oldest, so stores and finishes racing
//     each other cannot reorder a lane; for the same reason events are never stored as heads directly (a lane is
//     briefly headless between one event finishing and the next being promoted, with older events still waiting).
//   - behind: a head knows whether events wait behind it. Whoever stores an event behind a head flags the head, and
//     a finished head promotes the next only when it was flagged (the new head inherits the flag; the last one finds
//     nothing). So a customer's lone message costs no promotion once answered. Finishing clears the flag and reads it
//     in one update, and a flag is set only where the head still is: if the head finished first, the storer's flag
//     finds nothing and the storer promotes — one of the two always moves the lane on.
//   - admission: intake only stores (one insert per batch of callbacks, nothing more on WeCom's clock); its events are
//     `fresh` until a worker places them in their lanes as above. The workers' own writes (a sync queueing messages)
//     place theirs at once.
//   - repair: a process that dies between storing and promoting leaves a lane without a head (or a head that does not
//     know what waits behind it); a periodic sweep promotes those (or flags the head).
// Each process briefly remembers the lanes it found busy and flags first there: one round trip for a message to a
// customer whose previous one is still being answered, or a "sync now" notice during a sync.
import type { Collection } from 'mongodb';
import type { Types } from 'mongoose';
import { isDuplicateKey } from '../../../db/duplicate-key.js';
import { FairTurns } from './fair-turns.js';
import type { InboxEvent, InboxModel, InboxStatus } from './inbox.model.js';

export type Lane = Pick<InboxEvent, 'merchantId' | 'orderingKey'>;

const UNFINISHED: InboxStatus[] = ['pending', 'processing'];
const LANE_ORDER = { receivedAt: 1, _id: 1 } as const;
/** How long a lane found busy is flagged first rather than promoted first. */
const BUSY_HINT_MS = 2000;
const BUSY_HINTS_MAX = 10_000;
/** Rounds of promote / flag before leaving a lane to the repair sweep (each lost round means the lane moved on). */
const MAX_ROUNDS = 5;
const REPAIR_AFTER_MS = 5_000;
const REPAIR_LANES = 200;
const ADMIT_BATCH = 500;

/** In an update pipeline: the turn (of `turns`, indexed by priority class) of the event's own class. */
const turnOfItsClass = (turns: Date[]) => ({
  $switch: {
    branches: turns.slice(0, -1).map((turn, cls) => ({ case: { $lte: ['$priority', cls] }, then: turn })),
    default: turns.at(-1),
  },
});
const laneFilter = (lane: Lane) => ({ merchantId: lane.merchantId, orderingKey: lane.orderingKey });
const laneKey = (lane: Lane) => `${String(lane.merchantId)}\u0000${lane.orderingKey}`;

/**
 * The lanes of the inbox, a platform-level work queue: workers place, promote and repair lanes of every merchant
 * (each lane's filter names its merchant, and an event is only ever moved within its own lane). Used by
 * InboxRepository, which owns the queue; nothing else holds it.
 */
export class InboxLaneRepository {
  private turns = new FairTurns();
  private busy = new Map<string, number>();

  private collection: Collection<InboxEvent>;

  constructor(private model: InboxModel) {
    this.collection = model.collection as unknown as Collection<InboxEvent>;
  }

  /**
   * Events were stored into the lane (`own`, oldest first): make sure a head will get to them. Returns the event it
   * promoted, if it did.
   */
  async joined(lane: Lane, own: Types.ObjectId[], now = new Date()): Promise<Types.ObjectId | null> {
    let promoted: Types.ObjectId | null | 'busy' = null;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      if (this.seemsBusy(lane, now) && (await this.flag(lane))) return null;
      promoted = await this.promote(lane, own.length > 1, now);
      if (promoted === 'busy') {
        this.busy.set(laneKey(lane), now.getTime() + BUSY_HINT_MS);
        if (await this.flag(lane)) return null;
        continue; // the head finished meanwhile: promote again
      }
      // Nothing waits any more (handled already), or ours became the head (flagged if more of ours wait).
      if (!promoted || promoted.equals(own[0]!)) return promoted;
      // An older event became the head, with ours behind it: it must know.
      if (await this.flag(lane, promoted)) return promoted;
    }
    return promoted === 'busy' ? null : promoted;
  }

  /**
   * Admission, in the workers: places in their lanes the events intake stored (`fresh`, so the callback path costs one
   * insert): each lane is joined as above, then its events are no longer fresh. True when more may be waiting.
   */
  async admit(now = new Date()): Promise<boolean> {
    const fresh = await this.collection
      .find({ fresh: true, status: 'pending' }, { projection: { merchantId: 1, orderingKey: 1 } })
      .sort(LANE_ORDER)
      .limit(ADMIT_BATCH)
      .toArray();
    const lanes = new Map<string, { lane: Lane; own: Types.ObjectId[] }>();
    for (const e of fresh) {
      const entry = lanes.get(laneKey(e)) ?? { lane: e, own: [] };
      entry.own.push(e._id);
      lanes.set(laneKey(e), entry);
    }
    const promoted = await Promise.all([...lanes.values()].map(({ lane, own }) => this.joined(lane, own, now)));
    // A promotion clears its event's fresh mark; the events that wait behind a head are cleared here.
    const rest = fresh.map((e) => e._id).filter((id) => !promoted.some((p) => p?.equals(id)));
    if (rest.length) await this.collection.updateMany({ _id: { $in: rest } }, { $unset: { fresh: 1 } });
    return fresh.length === ADMIT_BATCH;
  }

  /** A head finished (done or failed for good); `behind` is the flag it had. */
  async finished(lane: Lane, behind: boolean, now = new Date()): Promise<void> {
    if (!behind) return;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const promoted = await this.promote(lane, true, now);
      if (promoted !== 'busy') return;
      // Someone else promoted (a storer racing us): the new head must know the queue we knew of.
      if (await this.flag(lane)) return;
    }
  }

  /**
   * Lanes whose events have waited a while without a head (a process died between two steps; events stored before
   * lanes existed), or behind a head that does not know of them: each is offered a promotion, or its head is flagged.
   * Healthy lanes are filtered out before the limit, so a backlog of them (heads waiting out a backoff with events
   * behind) cannot hide the lanes that need repair; the longest waiting go first.
   */
  async repair(now = new Date()): Promise<void> {
    const lanes = await this.model
      .aggregate<{ _id: Lane; head: boolean | null }>([
        { $match: { status: { $in: UNFINISHED }, receivedAt: { $lt: new Date(+now - REPAIR_AFTER_MS) } } },
        {
          $group: {
            _id: { merchantId: '$merchantId', orderingKey: '$orderingKey' },
            head: { $max: '$head' },
            flagged: { $max: '$behind' },
            waiting: { $sum: { $cond: [{ $eq: ['$head', true] }, 0, 1] } },
            since: { $min: '$receivedAt' },
          },
        },
        { $match: { waiting: { $gt: 0 }, flagged: { $ne: true } } },
        { $sort: { since: 1 } },
        { $limit: REPAIR_LANES },
      ])
      .exec();
    for (const { _id: lane, head } of lanes) {
      if (head || (await this.promote(lane, true, now)) === 'busy') await this.flag(lane);
    }
  }

  /** The lane's oldest unfinished event becomes its head: its id; null when none waits; 'busy' when it has a head. */
  private async promote(lane: Lane, behind: boolean, now: Date): Promise<Types.ObjectId | null | 'busy'> {
    const merchant = String(lane.merchantId);
    // Which event becomes the head, and so its priority, is known only in the update: a turn of every class is
    // taken, the update picks the one of the event's class, and the rest are given back.
    const turns = this.turns.takeEach(merchant, now.getTime());
    try {
      // Through the driver: this runs for every stored event, and Mongoose's casting would double its cost.
      const promoted = await this.collection.findOneAndUpdate(
        { ...laneFilter(lane), status: { $in: UNFINISHED }, head: { $ne: true } },
        [
          { $set: { head: true, turn: turnOfItsClass(turns), ...(behind ? { behind: true } : {}) } },
          { $unset: 'fresh' },
        ],
        { sort: LANE_ORDER, projection: { _id: 1, priority: 1 } },
      );
      this.turns.giveBackUnused(merchant, promoted?.priority, now.getTime());
      return promoted?._id ?? null;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
      this.turns.giveBackUnused(merchant, undefined, now.getTime());
      return 'busy';
    }
  }

  /** Tells the lane's head (that one, if given) that events wait behind it; false when it is not the head (now). */
  private async flag(lane: Lane, head?: Types.ObjectId): Promise<boolean> {
    const filter = { ...laneFilter(lane), head: true, ...(head ? { _id: head } : {}) };
    const { matchedCount } = await this.collection.updateOne(filter, { $set: { behind: true } });
    if (!matchedCount) this.busy.delete(laneKey(lane));
    return matchedCount > 0;
  }

  private seemsBusy(lane: Lane, now: Date): boolean {
    if (this.busy.size > BUSY_HINTS_MAX) this.busy.clear();
    return (this.busy.get(laneKey(lane)) ?? 0) > now.getTime();
  }
}
