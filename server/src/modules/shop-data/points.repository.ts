import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { PointsBatch, PointsModel } from './points.model.js';

export type PointsRecord = Stored<PointsBatch>;
export type NewPointsBatch = Omit<PointsBatch, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Members' points lapsing on a day, from the member system (积分到期), by its ids. */
export class PointsRepository extends IntakeRecordRepository<PointsBatch> {
  constructor(model: PointsModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewPointsBatch,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Points still held that lapse between two days (YYYY-MM-DD, inclusive), of known members, soonest first. */
  expiringBetween(merchantId: MerchantId, from: string, to: string, limit: number): Promise<PointsRecord[]> {
    return this.model
      .find(
        this.scoped(merchantId, {
          expiresOn: { $gte: from, $lte: to },
          points: { $gt: 0 },
          customerId: { $exists: true, $ne: null },
        }),
      )
      .sort({ expiresOn: 1 })
      .limit(limit)
      .lean<PointsRecord[]>()
      .exec();
  }
}
