import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { StaffSyncModel, StaffSyncRun } from './staff-sync.model.js';

export type StaffSyncRecord = StaffSyncRun & { _id: Types.ObjectId };
export type StaffSyncProgress = Partial<Pick<StaffSyncRun, 'total' | 'synced' | 'namesWithheld' | 'deactivated'>>;

/** Staff sync runs, the one writer of `staff_sync_runs`: at most one running per merchant. */
export class StaffSyncRepository extends TenantRepository<StaffSyncRun> {
  constructor(model: StaffSyncModel) {
    super(model);
  }

  /** The merchant's running sync, started (counts at zero) when there is none. */
  async startOrJoin(merchantId: MerchantId, startedBy: string, now = new Date()): Promise<StaffSyncRecord> {
    const run = await this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { status: 'running' }),
        { $setOnInsert: { total: 0, synced: 0, namesWithheld: 0, deactivated: 0, startedBy, startedAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<StaffSyncRecord>()
      .exec();
    return run!;
  }

  async progress(merchantId: MerchantId, runId: Types.ObjectId, progress: StaffSyncProgress): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { _id: runId }), { $set: progress }).exec();
  }

  async finish(
    merchantId: MerchantId,
    runId: Types.ObjectId,
    outcome: { status: 'done' } | { status: 'failed'; error: NonNullable<StaffSyncRun['error']> },
    now = new Date(),
  ): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { _id: runId, status: 'running' }), { $set: { ...outcome, finishedAt: now } })
      .exec();
  }

  /** Whether any of the merchant's syncs ever completed. */
  async everDone(merchantId: MerchantId): Promise<boolean> {
    return (await this.model.exists(this.scoped(merchantId, { status: 'done' }))) !== null;
  }

  latest(merchantId: MerchantId): Promise<StaffSyncRecord | null> {
    return this.model.findOne(this.scoped(merchantId)).sort({ startedAt: -1 }).lean<StaffSyncRecord>().exec();
  }
}
