import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { MorningSummary, MorningSummaryModel } from './morning-summary.model.js';

/**
 * The morning summaries' sending state, one document per merchant and local day: a claim with a lease, then done.
 * A lease is named by its expiry, so only the worker holding it can give it back.
 */
export class MorningSummaryRepository extends TenantRepository<MorningSummary> {
  constructor(model: MorningSummaryModel) {
    super(model);
  }

  /**
   * The day's summary for the caller to send until `leaseUntil`: a new document, or one still owed whose lease ran
   * out. False when it is done or leased to another worker.
   */
  async claim(merchantId: MerchantId, day: string, now: Date, leaseUntil: Date): Promise<boolean> {
    const fresh = { merchantId: merchantObjectId(merchantId), day, leaseUntil, counts: {} };
    if (await insertedOnce(() => this.model.create(fresh))) return true;
    const owed = this.scoped(merchantId, { day, sentAt: { $exists: false }, leaseUntil: { $lt: now } });
    return (await this.model.updateOne(owed, { $set: { leaseUntil } }).exec()).modifiedCount === 1;
  }

  /** Done, whoever holds the lease by now (ours may have run out mid-send). */
  async done(merchantId: MerchantId, day: string, at: Date, counts: Record<string, number>): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { day }), { $set: { sentAt: at, counts }, $unset: { leaseUntil: 1 } })
      .exec();
  }

  /** Gives our lease back at once (the next tick tries again); a lease taken over since is left alone. */
  async giveBack(merchantId: MerchantId, day: string, lease: Date, now: Date): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { day, leaseUntil: lease }), { $set: { leaseUntil: now } })
      .exec();
  }
}
