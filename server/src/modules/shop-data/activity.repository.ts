import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Activity, ActivityModel } from './activity.model.js';

export type ActivityRecord = Stored<Activity>;
export type NewActivity = Omit<Activity, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** The school's activities open for sign-up, by its own ids. */
export class ActivityRepository extends IntakeRecordRepository<Activity> {
  constructor(model: ActivityModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewActivity,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Activities taking place on a day in [from, to] (merchant-local dates), soonest first. */
  onDaysBetween(merchantId: MerchantId, from: string, to: string): Promise<ActivityRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { date: { $gte: from, $lte: to } }))
      .sort({ date: 1 })
      .lean<ActivityRecord[]>()
      .exec();
  }
}
