import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Order, OrderModel } from './order.model.js';

export type OrderRecord = Order & { _id: Types.ObjectId };
export type NewOrder = Omit<Order, 'merchantId' | 'createdAt' | 'updatedAt'>;

export class OrderRepository extends TenantRepository<Order> {
  constructor(model: OrderModel) {
    super(model);
  }

  /** Bulk intake: unordered, so one duplicate (already imported) does not stop the rest; returns how many are new. */
  async insertMany(merchantId: MerchantId, orders: NewOrder[]): Promise<number> {
    const docs = orders.map((o) => ({ ...o, merchantId: merchantObjectId(merchantId) }));
    const result = await this.model.insertMany(docs, { lean: true, ordered: false, rawResult: true });
    return result.insertedCount;
  }

  /**
   * Stores an order from intake by its POS number: new → created; known → its fields replaced (a refund arriving
   * later) → updated; the same again → unchanged. Replays and re-imports never make a second order.
   */
  async upsertByExternalId(merchantId: MerchantId, order: NewOrder): Promise<'created' | 'updated' | 'unchanged'> {
    const result = await this.model
      .updateOne(
        this.scoped(merchantId, { externalId: order.externalId }),
        { $set: order },
        { upsert: true, runValidators: true },
      )
      .exec();
    return result.upsertedCount ? 'created' : result.modifiedCount ? 'updated' : 'unchanged';
  }

  /**
   * Customers whose last paid visit fell in [from, to), with visits and spend, biggest spenders first: the dormant
   * and win-back scans. One aggregation over the merchant's orders.
   */
  lastVisitsBetween(
    merchantId: MerchantId,
    from: Date,
    to: Date,
    limit: number,
  ): Promise<{ _id: Types.ObjectId; last: Date; visits: number; spend: number }[]> {
    return this.model
      .aggregate<{ _id: Types.ObjectId; last: Date; visits: number; spend: number }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            customerId: { $ne: null },
            status: { $nin: ['refunded', 'cancelled'] },
          },
        },
        {
          $group: { _id: '$customerId', last: { $max: '$placedAt' }, visits: { $sum: 1 }, spend: { $sum: '$amount' } },
        },
        { $match: { last: { $gte: from, $lt: to } } },
        { $sort: { spend: -1 } },
        { $limit: limit },
      ])
      .exec();
  }

  /** Each customer's most-bought item, for many customers in one aggregation (scenario texts). */
  async topItemPerCustomer(
    merchantId: MerchantId,
    customerIds: Types.ObjectId[],
  ): Promise<Map<string, { name: string; quantity: number }>> {
    if (!customerIds.length) return new Map();
    const rows = await this.model
      .aggregate<{ _id: Types.ObjectId; name: string; quantity: number }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            customerId: { $in: customerIds },
            status: { $ne: 'refunded' },
          },
        },
        { $unwind: '$items' },
        { $group: { _id: { c: '$customerId', n: '$items.name' }, quantity: { $sum: '$items.quantity' } } },
        { $sort: { quantity: -1, '_id.n': 1 } },
        { $group: { _id: '$_id.c', name: { $first: '$_id.n' }, quantity: { $first: '$quantity' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [String(r._id), { name: r.name, quantity: r.quantity }]));
  }

  /** When each of these customers last ordered (anything but cancelled). */
  async lastOrderAt(merchantId: MerchantId, customerIds: Types.ObjectId[]): Promise<Map<string, Date>> {
    if (!customerIds.length) return new Map();
    const rows = await this.model
      .aggregate<{ _id: Types.ObjectId; last: Date }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            customerId: { $in: customerIds },
            status: { $ne: 'cancelled' },
          },
        },
        { $group: { _id: '$customerId', last: { $max: '$placedAt' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [String(r._id), r.last]));
  }

  /** Per customer since a date: spend, visits and last visit (paid and completed orders). */
  async figuresSince(
    merchantId: MerchantId,
    since: Date,
  ): Promise<Map<string, { _id: Types.ObjectId; spend: number; visits: number; last: Date }>> {
    const rows = await this.model
      .aggregate<{ _id: Types.ObjectId; spend: number; visits: number; last: Date }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            placedAt: { $gte: since },
            customerId: { $ne: null },
            status: { $nin: ['refunded', 'cancelled'] },
          },
        },
        {
          $group: { _id: '$customerId', spend: { $sum: '$amount' }, visits: { $sum: 1 }, last: { $max: '$placedAt' } },
        },
      ])
      .exec();
    return new Map(rows.map((r) => [String(r._id), r]));
  }

  /** Which of these item names each customer bought since a date. */
  async itemsBoughtSince(merchantId: MerchantId, names: string[], since: Date): Promise<Map<string, Set<string>>> {
    if (!names.length) return new Map();
    const rows = await this.model
      .aggregate<{ _id: Types.ObjectId; names: string[] }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            placedAt: { $gte: since },
            customerId: { $ne: null },
            'items.name': { $in: names },
          },
        },
        { $unwind: '$items' },
        { $match: { 'items.name': { $in: names } } },
        { $group: { _id: '$customerId', names: { $addToSet: '$items.name' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [String(r._id), new Set(r.names)]));
  }

  /** A period's orders for reports: only what the figures need (the {merchantId, placedAt} index). */
  inRange(
    merchantId: MerchantId,
    start: Date,
    end: Date,
    /** one shop's orders only (a per-shop report) */
    shopId?: string,
  ): Promise<Pick<OrderRecord, 'placedAt' | 'amount' | 'status' | 'customerId' | 'items' | 'staffName'>[]> {
    const placed = { placedAt: { $gte: start, $lt: end }, ...(shopId ? { shopId: new Types.ObjectId(shopId) } : {}) };
    return this.model
      .find(this.scoped(merchantId, placed), {
        placedAt: 1,
        amount: 1,
        status: 1,
        customerId: 1,
        items: 1,
        staffName: 1,
      })
      .lean<OrderRecord[]>()
      .exec();
  }

  /** Which of these customers had ordered before an instant (returning versus first-time customers). */
  async customersWithOrdersBefore(
    merchantId: MerchantId,
    customerIds: Types.ObjectId[],
    before: Date,
  ): Promise<Set<string>> {
    if (!customerIds.length) return new Set();
    const ids = await this.model
      .distinct('customerId', this.scoped(merchantId, { customerId: { $in: customerIds }, placedAt: { $lt: before } }))
      .exec();
    return new Set(ids.map(String));
  }

  /** A customer's orders, newest first (the {merchantId, customerId, placedAt} index). */
  forCustomer(merchantId: MerchantId, customerId: Types.ObjectId, limit = 200): Promise<OrderRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId }))
      .sort({ placedAt: -1 })
      .limit(limit)
      .lean<OrderRecord[]>()
      .exec();
  }

  /** A customer's most-bought items (by quantity), for personalised drafts and the profile. */
  async favouriteItems(
    merchantId: MerchantId,
    customerId: Types.ObjectId,
    limit = 3,
  ): Promise<{ name: string; quantity: number }[]> {
    const rows = await this.model
      .aggregate<{ _id: string; quantity: number }>([
        { $match: { merchantId: merchantObjectId(merchantId), customerId, status: { $ne: 'refunded' } } },
        { $unwind: '$items' },
        { $group: { _id: '$items.name', quantity: { $sum: '$items.quantity' } } },
        { $sort: { quantity: -1, _id: 1 } },
        { $limit: limit },
      ])
      .exec();
    return rows.map((r) => ({ name: r._id, quantity: r.quantity }));
  }

  /** Units sold per item name since an instant (stock cover days, slow movers), of all items or only these: the {merchantId, placedAt} index. */
  itemSalesSince(merchantId: MerchantId, since: Date, only?: string[]): Promise<Map<string, number>> {
    return this.itemSalesBetween(merchantId, since, undefined, only);
  }

  /** Units sold per item in [since, until) (until: now); the sales-spike alert compares an hour with past ones. */
  async itemSalesBetween(
    merchantId: MerchantId,
    since: Date,
    until: Date | undefined,
    only?: string[],
  ): Promise<Map<string, number>> {
    const items = only ? { 'items.name': { $in: only } } : {};
    const rows = await this.model
      .aggregate<{ _id: string; quantity: number }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            placedAt: until ? { $gte: since, $lt: until } : { $gte: since },
            status: { $nin: ['refunded', 'cancelled'] },
            ...items,
          },
        },
        { $unwind: '$items' },
        ...(only ? [{ $match: items }] : []),
        { $group: { _id: '$items.name', quantity: { $sum: '$items.quantity' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id, r.quantity]));
  }

  /** Per item since an instant: units ordered (refunds included, cancellations not) and units refunded. */
  async itemReturnsSince(
    merchantId: MerchantId,
    since: Date,
  ): Promise<{ name: string; sold: number; returned: number }[]> {
    const rows = await this.model
      .aggregate<{ _id: string; sold: number; returned: number }>([
        {
          $match: { merchantId: merchantObjectId(merchantId), placedAt: { $gte: since }, status: { $ne: 'cancelled' } },
        },
        { $unwind: '$items' },
        {
          $group: {
            _id: '$items.name',
            sold: { $sum: '$items.quantity' },
            returned: { $sum: { $cond: [{ $eq: ['$status', 'refunded'] }, '$items.quantity', 0] } },
          },
        },
      ])
      .exec();
    return rows.map((r) => ({ name: r._id, sold: r.sold, returned: r.returned }));
  }

  /** Orders paid but not completed, placed in [from, to): the order-timeout alert. */
  paidBetween(
    merchantId: MerchantId,
    from: Date,
    to: Date,
    limit = 50,
  ): Promise<Pick<OrderRecord, 'externalId' | 'channel' | 'amount' | 'placedAt'>[]> {
    return this.model
      .find(this.scoped(merchantId, { placedAt: { $gte: from, $lt: to }, status: 'paid' }), {
        externalId: 1,
        channel: 1,
        amount: 1,
        placedAt: 1,
      })
      .sort({ placedAt: 1 })
      .limit(limit)
      .lean<OrderRecord[]>()
      .exec();
  }

  /** Orders paid and not yet completed, placed since an instant, with what they hold: the oversell check. */
  paidItemsSince(
    merchantId: MerchantId,
    since: Date,
  ): Promise<Pick<OrderRecord, 'externalId' | 'channel' | 'items'>[]> {
    return this.model
      .find(this.scoped(merchantId, { placedAt: { $gte: since }, status: 'paid' }), {
        externalId: 1,
        channel: 1,
        items: 1,
      })
      .lean<OrderRecord[]>()
      .exec();
  }

  /** The merchant's first order (whether there is enough history to call an item slow). */
  async firstOrderAt(merchantId: MerchantId): Promise<Date | undefined> {
    const first = await this.model
      .findOne(this.scoped(merchantId, {}), { placedAt: 1 })
      .sort({ placedAt: 1 })
      .lean<OrderRecord>()
      .exec();
    return first?.placedAt;
  }

  /**
   * These customers' orders since an instant, in one query (what proactive messages and group posts brought in);
   * `paidOnly` leaves out refunded and cancelled ones.
   */
  ofCustomersSince(
    merchantId: MerchantId,
    customerIds: Types.ObjectId[],
    since: Date,
    options: { paidOnly: boolean },
  ): Promise<Pick<OrderRecord, 'customerId' | 'placedAt' | 'amount' | 'items'>[]> {
    if (!customerIds.length) return Promise.resolve([]);
    const status = options.paidOnly ? { status: { $nin: ['refunded', 'cancelled'] } } : {};
    return this.model
      .find(this.scoped(merchantId, { customerId: { $in: customerIds }, placedAt: { $gte: since }, ...status }), {
        customerId: 1,
        placedAt: 1,
        amount: 1,
        items: 1,
      })
      .lean<OrderRecord[]>()
      .exec();
  }

  /** The merchant's order with this number in its own system (intake's externalId, unique per merchant), or null. */
  /** Orders that named a customer none of ours matched, newest first: the shop links them by hand. */
  unmatched(merchantId: MerchantId, before: Date, limit: number, beforeId?: string): Promise<OrderRecord[]> {
    return this.newestBefore(
      merchantId,
      { customerId: null, customerRef: { $exists: true } },
      'placedAt',
      before,
      limit,
      beforeId,
    ) as Promise<OrderRecord[]>;
  }

  /** Links an unmatched order to a customer; null when it is not (or no longer) unmatched. */
  linkCustomer(merchantId: MerchantId, id: string, customerId: Types.ObjectId): Promise<OrderRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id), customerId: null }),
        { $set: { customerId } },
        { returnDocument: 'after' },
      )
      .lean<OrderRecord>()
      .exec();
  }

  /** The merchant's orders with these numbers (a shipment's order: what was in the parcel, whether it was refunded). */
  findByExternalIds(
    merchantId: MerchantId,
    externalIds: string[],
  ): Promise<Pick<OrderRecord, 'externalId' | 'status' | 'items'>[]> {
    if (!externalIds.length) return Promise.resolve([]);
    return this.model
      .find(this.scoped(merchantId, { externalId: { $in: externalIds } }), { externalId: 1, status: 1, items: 1 })
      .lean<OrderRecord[]>()
      .exec();
  }

  findByExternalId(merchantId: MerchantId, externalId: string): Promise<OrderRecord | null> {
    return this.model.findOne(this.scoped(merchantId, { externalId })).lean<OrderRecord>().exec();
  }
}
