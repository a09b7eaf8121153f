import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Shipment, ShipmentModel } from './shipment.model.js';

export type ShipmentRecord = Stored<Shipment>;
export type NewShipment = Omit<Shipment, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Parcels' tracking from 菜鸟 / 快递100 or the ERP, by tracking number. */
export class ShipmentRepository extends IntakeRecordRepository<Shipment> {
  constructor(model: ShipmentModel) {
    super(model);
  }

  /**
   * Stores a parcel's tracking by its number. Tracking only moves forward: a record whose latest event is older than
   * the stored one (快递100 retries a push it got no 200 for, so an earlier push may come after a later one; an older
   * export imported again) leaves the status, the latest event and the signing as they are, and so does one that
   * would take a parcel signed for back to in transit (a later 退签 or 拒签 still makes it an exception). With
   * `keepLinks`, the order and the buyer the record names only fill what the parcel lacks: they never relink it.
   * One pipeline update, so two pushes of one parcel at once cannot interleave.
   */
  async store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewShipment,
    dryRun: boolean,
    { keepLinks = false }: { keepLinks?: boolean } = {},
  ): Promise<{ result: StoreResult }> {
    const filter = this.scoped(merchantId, { externalId });
    if (dryRun) return { result: (await this.model.exists(filter).exec()) ? 'updated' : 'created' };
    // the model's paths only: a pipeline update is not cast to the schema (an unmatched buyer's customerRef is not kept)
    const { carrier, status, lastEventAt, lastEvent, deliveredAt, orderId, customerId } = fields;
    // a new parcel has no lastEventAt yet: any event is newer
    const newer: unknown[] = [{ $lte: [{ $ifNull: ['$lastEventAt', new Date(0)] }, lastEventAt] }];
    if (status === 'in_transit') newer.push({ $ne: ['$status', 'delivered'] });
    const tracking = (field: string, value: unknown) => ({
      $cond: [{ $and: newer }, { $literal: value }, `$${field}`],
    });
    const link = (field: string, value: unknown) =>
      keepLinks ? { $ifNull: [`$${field}`, { $literal: value }] } : { $literal: value };
    const set: Record<string, unknown> = {
      ...(carrier !== undefined && { carrier: { $literal: carrier } }),
      ...Object.fromEntries(
        Object.entries({ status, lastEventAt, lastEvent, deliveredAt })
          .filter(([, v]) => v !== undefined)
          .map(([f, v]) => [f, tracking(f, v)]),
      ),
      ...Object.fromEntries(
        Object.entries({ orderId, customerId })
          .filter(([, v]) => v !== undefined)
          .map(([f, v]) => [f, link(f, v)]),
      ),
      // a pipeline update gets only updatedAt from the schema's timestamps
      createdAt: { $ifNull: ['$createdAt', { $literal: new Date() }] },
    };
    const res = await this.model.updateOne(filter, [{ $set: set }], { upsert: true, updatePipeline: true }).exec();
    if (res.upsertedCount) return { result: 'created' };
    return { result: res.modifiedCount ? 'updated' : 'unchanged' };
  }

  /** Parcels signed for in [from, to) whose buyer we know, earliest first (at most `limit`): after-delivery care. */
  deliveredBetween(merchantId: MerchantId, from: Date, to: Date, limit: number): Promise<ShipmentRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, {
          status: 'delivered',
          deliveredAt: { $gte: from, $lt: to },
          customerId: { $exists: true, $ne: null },
        }),
      )
      .sort({ deliveredAt: 1 })
      .limit(limit)
      .lean<ShipmentRecord[]>()
      .exec();
  }

  /** Of these order numbers, the ones a parcel has been sent for (any tracking at all). */
  async shippedOrderIds(merchantId: MerchantId, orderIds: string[]): Promise<Set<string>> {
    if (!orderIds.length) return new Set();
    const rows = await this.model
      .find(this.scoped(merchantId, { orderId: { $in: orderIds } }), { orderId: 1 })
      .lean<ShipmentRecord[]>()
      .exec();
    return new Set(rows.map((r) => r.orderId!));
  }

  /** Parcels not signed for whose tracking has not moved since `before`, longest-stuck first (at most `limit`). */
  stuckSince(merchantId: MerchantId, before: Date, limit = 50): Promise<ShipmentRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { status: { $ne: 'delivered' }, lastEventAt: { $lte: before } }))
      .sort({ lastEventAt: 1 })
      .limit(limit)
      .lean<ShipmentRecord[]>()
      .exec();
  }
}
