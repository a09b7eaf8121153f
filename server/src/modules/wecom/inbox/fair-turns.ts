// Fairness between merchants in the inbox: start-time fair queuing with wall-clock tags. Every time a lane's head
// becomes claimable it gets a turn — the sort key workers claim by — from its merchant's clock: the later of now and
// the merchant's previous turn plus a spacing. A merchant whose customers queue many heads at once gets turns spread
// out (one a second), so another merchant's customer who writes a moment later is claimed among the first, not
// after the whole crowd; within a merchant, a flooding customer's lane takes a turn per message like everyone else.
// Only the order changes: every due head is claimable at once, so with nobody else waiting a busy merchant runs at
// full speed; a merchant is owed about one claim a second before yielding to others, which matters only while the
// workers are saturated.
//
// The clocks live in each process (API processes tag the heads they store, workers the heads they promote). That is
// deliberate: turns are a hint for order, never for correctness, so per-process clocks need no shared state and no
// round trip; lanes, leases and the one-head-per-lane index are what keep events exactly once and in order.

/** How far apart one merchant's turns are spread. */
export const FAIR_SPACING_MS = 1000;
/** A merchant's clock runs at most this far ahead of now, so a past flood is forgiven after a while. */
const MAX_LEAD_MS = 15 * 60_000;
const PRUNE_AT = 10_000;

export class FairTurns {
  private clocks = new Map<string, number>();

  /** The next turn for this merchant. */
  take(merchantId: string, now = Date.now()): Date {
    const turn = Math.min(Math.max(now, this.clocks.get(merchantId) ?? 0), now + MAX_LEAD_MS);
    this.clocks.set(merchantId, turn + FAIR_SPACING_MS);
    if (this.clocks.size > PRUNE_AT) this.prune(now);
    return new Date(turn);
  }

  /** A turn was taken but not used (the lane already had a head): the merchant is not charged for it. */
  giveBack(merchantId: string, now = Date.now()): void {
    const clock = this.clocks.get(merchantId);
    if (clock !== undefined) this.clocks.set(merchantId, Math.max(now, clock - FAIR_SPACING_MS));
  }

  /** Merchants whose clock has fallen behind now are as if new: forget them. */
  private prune(now: number): void {
    for (const [merchantId, clock] of this.clocks) if (clock <= now) this.clocks.delete(merchantId);
  }
}
