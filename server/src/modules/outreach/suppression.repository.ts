// The one writer of `outreach_suppressions`: every customer a scenario left out, and why (the owner can ask "why not
// them?"). One record per customer, scenario and day, however often the scan reruns.
import type { Types } from 'mongoose';
import { insertedSkippingDuplicates } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Suppression, SuppressionModel } from './outreach.model.js';

export type SuppressionRecord = Suppression & { _id: Types.ObjectId };
export type NewSuppression = Omit<Suppression, 'merchantId'>;

export class SuppressionRepository extends TenantRepository<Suppression> {
  constructor(model: SuppressionModel) {
    super(model);
  }

  /** Records a scan's suppressions; ones already recorded are skipped. Returns how many are new. */
  record(merchantId: MerchantId, suppressions: NewSuppression[]): Promise<number> {
    if (!suppressions.length) return Promise.resolve(0);
    const docs = suppressions.map((s) => ({ ...s, merchantId: merchantObjectId(merchantId) }));
    return insertedSkippingDuplicates(() => this.model.collection.insertMany(docs, { ordered: false }));
  }

  /** The merchant's suppressions, newest first. */
  list(merchantId: MerchantId, limit = 500): Promise<SuppressionRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ at: -1 }).limit(limit).lean<SuppressionRecord[]>().exec();
  }
}
