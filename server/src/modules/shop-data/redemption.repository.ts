import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Redemption, RedemptionModel } from './redemption.model.js';

export type RedemptionRecord = Stored<Redemption>;
export type NewRedemption = Omit<Redemption, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Group-buy redemptions pushed by 美团 / 抖音 or imported from their 核销记录, by redemption id. */
export class RedemptionRepository extends IntakeRecordRepository<Redemption> {
  constructor(model: RedemptionModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewRedemption,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Every redemption of these voucher codes, oldest first. */
  ofVouchers(merchantId: MerchantId, codes: string[]): Promise<RedemptionRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { voucherCode: { $in: codes } }))
      .sort({ at: 1 })
      .lean<RedemptionRecord[]>()
      .exec();
  }

  /** How many redemptions this staff member made in [from, to]. */
  countByStaff(merchantId: MerchantId, staffName: string, from: Date, to: Date): Promise<number> {
    return this.model.countDocuments(this.scoped(merchantId, { staffName, at: { $gte: from, $lte: to } })).exec();
  }
}
