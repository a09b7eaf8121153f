// Fairness between merchants in the inbox: start-time fair queuing with wall-clock tags. Every time a lane's head
// becomes claimable it gets a turn — the only sort key workers claim by — from its merchant's clock: the later of now
// and the merchant's previous turn plus a spacing. A merchant whose customers queue many heads at once gets turns
// spread out (one a second), so another merchant's customer who writes a moment later is claimed among the first, not
// after the whole crowd; within a merchant, a flooding customer's lane takes a turn per message like everyone else.
// Only the order changes: every due head is claimable at once, so with nobody else waiting a busy merchant runs at
// full speed; a merchant is owed about one claim a second before yielding to others, which matters only while the
// workers are saturated.
//
// Priority is folded into the turn as a bounded head start, not sorted ahead of it: a merchant keeps one clock per
// priority class, and a class's turns start a little earlier than now. So a merchant's new contact (whose welcome
// code lives 20 s) is not queued behind that merchant's own backlog of 微信客服 messages, yet a merchant flooding
// new contacts is spread out like any other flood: another merchant's message waits for at most a few of them (the
// head start over the spacing), never for all. A merchant busy in every class gets at most one turn per class per
// spacing: a bounded share, never the whole queue.
//
// The clocks live in each process (API processes tag the heads they store, workers the heads they promote). That is
// deliberate: turns are a hint for order, never for correctness, so per-process clocks need no shared state and no
// round trip; lanes, leases and the one-head-per-lane index are what keep events exactly once and in order.

/** How far apart one merchant's turns (in one priority class) are spread. */
export const FAIR_SPACING_MS = 1000;
/**
 * The head start of each priority class (its index): 0 a new contact, 1 a 微信客服 "sync now" notice (quick, and it
 * brings the shop's new messages in), 2 everything else. Higher priorities count as the last class.
 */
export const HEAD_START_MS = [2 * FAIR_SPACING_MS, FAIR_SPACING_MS, 0] as const;
/** A merchant's clock runs at most this far ahead of now, so a past flood is forgiven after a while. */
const MAX_LEAD_MS = 15 * 60_000;
const PRUNE_AT = 10_000;

/** The priority class of an event's priority (0 is the most urgent). */
export const priorityClass = (priority: number): number =>
  Math.min(Math.max(0, Math.floor(priority)), HEAD_START_MS.length - 1);

/** A turn at `at` for work of this priority (e.g. a retry due then): the class's head start taken off. */
export const turnAt = (at: Date, priority: number): Date =>
  new Date(at.getTime() - HEAD_START_MS[priorityClass(priority)]!);

export class FairTurns {
  private clocks = new Map<string, number>();

  /** The next turn for this merchant's work of this priority. */
  take(merchantId: string, priority: number, now = Date.now()): Date {
    const key = clockKey(merchantId, priorityClass(priority));
    const turn = Math.min(Math.max(now, this.clocks.get(key) ?? 0), now + MAX_LEAD_MS);
    this.clocks.set(key, turn + FAIR_SPACING_MS);
    if (this.clocks.size > PRUNE_AT) this.prune(now);
    return turnAt(new Date(turn), priority);
  }

  /**
   * The next turn in every class, for a head whose priority is learned only as it is promoted: the caller keeps the
   * one of its class and gives the others back (`giveBack`). Indexed by class.
   */
  takeEach(merchantId: string, now = Date.now()): Date[] {
    return HEAD_START_MS.map((_, cls) => this.take(merchantId, cls, now));
  }

  /** A turn was taken but not used (the lane already had a head): the merchant is not charged for it. */
  giveBack(merchantId: string, priority: number, now = Date.now()): void {
    const key = clockKey(merchantId, priorityClass(priority));
    const clock = this.clocks.get(key);
    if (clock !== undefined) this.clocks.set(key, Math.max(now, clock - FAIR_SPACING_MS));
  }

  /** Gives back every class's turn but the one used (`usedPriority`; none when nothing was promoted). */
  giveBackUnused(merchantId: string, usedPriority: number | undefined, now = Date.now()): void {
    const used = usedPriority === undefined ? -1 : priorityClass(usedPriority);
    HEAD_START_MS.forEach((_, cls) => {
      if (cls !== used) this.giveBack(merchantId, cls, now);
    });
  }

  /** Clocks that have fallen behind now are as if new: forget them. */
  private prune(now: number): void {
    for (const [key, clock] of this.clocks) if (clock <= now) this.clocks.delete(key);
  }
}

const clockKey = (merchantId: string, cls: number) => `${merchantId}\u0000${cls}`;
