import type { Connection, Types } from 'mongoose';
import { TenantRepository } from '../../../db/tenant-repository.js';
import type { MerchantId } from '../../../tenancy/merchant-id.js';
import { contactSyncModel, type ContactSyncModel, type ContactSyncRun } from './contact-sync.model.js';

export type ContactSyncRunRecord = ContactSyncRun & { _id: Types.ObjectId };
export type ContactSyncProgress = Pick<ContactSyncRun, 'batchIndex' | 'cursor' | 'synced'>;

/** Onboarding sync runs, the one writer of `contact_sync_runs`: at most one running per merchant, resumed by page. */
export class ContactSyncRunRepository extends TenantRepository<ContactSyncRun> {
  constructor(model: ContactSyncModel) {
    super(model);
  }

  /** The merchant's running sync, started at the first page when there is none. */
  async startOrResume(merchantId: MerchantId, now = new Date()): Promise<ContactSyncRunRecord> {
    const run = await this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { status: 'running' }),
        { $setOnInsert: { batchIndex: 0, cursor: '', synced: 0, total: null, error: null, startedAt: now } },
        { upsert: true, returnDocument: 'after' },
      )
      .lean<ContactSyncRunRecord>()
      .exec();
    return run!;
  }

  async saveProgress(merchantId: MerchantId, runId: Types.ObjectId, progress: ContactSyncProgress): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { _id: runId }), { $set: { ...progress, error: null } }).exec();
  }

  /** How many customers this run will bring (WeCom's lists for the staff); the first count stands for the run. */
  async saveTotal(merchantId: MerchantId, runId: Types.ObjectId, total: number): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { _id: runId, total: null }), { $set: { total } }).exec();
  }

  /** The run stopped on WeCom's refusal: kept running (the next start resumes it) with the reason to show. */
  async saveError(
    merchantId: MerchantId,
    runId: Types.ObjectId,
    error: { message: string; fix: string },
  ): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { _id: runId }), { $set: { error } }).exec();
  }

  async finish(merchantId: MerchantId, runId: Types.ObjectId, now = new Date()): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { _id: runId }), { $set: { status: 'done', finishedAt: now, error: null } })
      .exec();
  }

  /** The merchant's runs, newest first. */
  history(merchantId: MerchantId, limit = 10): Promise<ContactSyncRunRecord[]> {
    return this.model
      .find(this.scoped(merchantId))
      .sort({ startedAt: -1 })
      .limit(limit)
      .lean<ContactSyncRunRecord[]>()
      .exec();
  }
}

export const openContactSyncRunRepository = (connection: Connection) =>
  new ContactSyncRunRepository(contactSyncModel(connection));
