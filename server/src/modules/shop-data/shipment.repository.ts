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

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewShipment,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
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
