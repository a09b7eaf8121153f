// A visit is any record of the customer coming in: a paid order, a completed appointment, a class attended, a member
// card used. One reader answers "the visits of this merchant's customers since …" for lifecycle, dormancy (win-back,
// reports), automatic tags and the profile, so a salon fed only bookings or a school fed only attendance is read the
// same way as a tea shop fed orders.
//
// Why read the records rather than keep lastVisitAt/visitCount on the customer: each source's records stay the one
// truth (a refund, a cancelled booking or a re-import corrects the figures with no second write to keep in step, and
// no backfill for records stored before), and each read is one per-merchant $group over an index led by merchantId
// ({merchantId, placedAt}, {merchantId, startAt}, {merchantId, packageId, at}, {merchantId, lastUsedAt}) — rows per
// customer, not per record, merged here. A small shop has thousands of customers, so the merge is cheap.
import type { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';

/** A customer's visits over a window, every kind of record together. */
export interface VisitFigures {
  _id: Types.ObjectId;
  visits: number;
  /** fen: orders and paid services (classes and card uses are paid for beforehand) */
  spend: number;
  last: Date;
}
/** The same with the first visit: the profile's rhythm. */
export type VisitSpan = VisitFigures & { first: Date };

export type VisitSources = Pick<ShopDataRepositories, 'appointments' | 'attendance' | 'packages' | 'cards'>;

const EPOCH = new Date(0);

/** Adds one source's row to a customer's figures. */
function add(merged: Map<string, VisitSpan>, v: VisitSpan) {
  const id = String(v._id);
  const had = merged.get(id);
  merged.set(
    id,
    had
      ? {
          _id: had._id,
          visits: had.visits + v.visits,
          spend: had.spend + v.spend,
          first: v.first < had.first ? v.first : had.first,
          last: v.last > had.last ? v.last : had.last,
        }
      : { ...v },
  );
}

export class VisitReader {
  constructor(
    private orders: Pick<OrderRepository, 'figuresSince'>,
    private shopData: VisitSources,
  ) {}

  /** Per customer id: visits, spend and last visit at or after `since`, every kind of record. */
  async figuresSince(merchantId: MerchantId, since: Date): Promise<Map<string, VisitFigures>> {
    const [orders, others] = await Promise.all([
      this.orders.figuresSince(merchantId, since),
      this.beyondOrders(merchantId, since),
    ]);
    const merged = new Map<string, VisitSpan>();
    for (const o of orders.values()) add(merged, { ...o, first: o.last });
    for (const v of others.merged.values()) add(merged, v);
    addCardUses(merged, others.cards);
    return merged;
  }

  /**
   * Customers whose last visit of all fell in [from, to), with their visits and spend, biggest spenders first: the
   * dormant and win-back scans.
   */
  async lastVisitsBetween(merchantId: MerchantId, from: Date, to: Date, limit: number): Promise<VisitFigures[]> {
    const all = await this.figuresSince(merchantId, EPOCH);
    return [...all.values()]
      .filter((v) => v.last >= from && v.last < to)
      .sort((a, b) => b.spend - a.spend || b.last.getTime() - a.last.getTime())
      .slice(0, limit);
  }

  /**
   * One customer's visits from everything but orders (the profile reads the orders themselves): completed services,
   * classes attended, card uses. Undefined when there are none.
   */
  async beyondOrdersOf(merchantId: MerchantId, customerId: Types.ObjectId): Promise<VisitSpan | undefined> {
    const { merged, cards } = await this.beyondOrders(merchantId, EPOCH, customerId);
    addCardUses(merged, cards);
    return merged.get(String(customerId));
  }

  /** Completed services and classes attended, merged per customer; card uses apart (see addCardUses). */
  private async beyondOrders(merchantId: MerchantId, since: Date, customerId?: Types.ObjectId) {
    const [appointments, packages, cards] = await Promise.all([
      this.shopData.appointments.visitsSince(merchantId, since, customerId),
      this.shopData.packages.customerByPackage(merchantId, customerId),
      this.shopData.cards.usedSince(merchantId, since, customerId),
    ]);
    const attendance = packages.size
      ? await this.shopData.attendance.presentByPackageSince(
          merchantId,
          since,
          customerId ? [...packages.keys()] : undefined,
        )
      : [];
    const merged = new Map<string, VisitSpan>();
    for (const a of appointments) add(merged, a);
    for (const row of attendance) {
      const owner = packages.get(row._id);
      if (owner) add(merged, { _id: owner, visits: row.visits, spend: 0, first: row.first, last: row.last });
    }
    return { merged, cards };
  }
}

/**
 * A card use is most often how a visit another record already counts was paid (a 次卡 swiped for a booked service):
 * it always moves the last visit, and adds to the count only for customers nothing else counts.
 */
function addCardUses(merged: Map<string, VisitSpan>, cards: Awaited<ReturnType<VisitSources['cards']['usedSince']>>) {
  const counted = new Set(merged.keys());
  for (const card of cards) {
    const at = card.lastUsedAt!;
    const visits = counted.has(String(card.customerId)) ? 0 : (card.uses ?? 1);
    add(merged, { _id: card.customerId!, visits, spend: 0, first: at, last: at });
  }
}
