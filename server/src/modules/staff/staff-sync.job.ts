import { defineJob, jobKind } from '../../jobs/job-definition.js';
import type { RedisLock } from '../../redis/lock.js';
import { tenantKey } from '../../redis/keys.js';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { StaffSyncService } from './staff-sync.service.js';

export const STAFF_SYNC = jobKind<{ merchantId: string }>('wecom.staff-sync');

export interface StaffSyncJobDeps {
  apps: Pick<WecomAppRepository, 'findByMerchant'>;
  locks: Pick<RedisLock, 'withLock'>;
  sync: Pick<StaffSyncService, 'run'>;
}

/** Runs a merchant's staff sync; the Redis lock keeps two workers off the same merchant (a second run is harmless). */
export const staffSyncJob = (d: StaffSyncJobDeps) =>
  defineJob(STAFF_SYNC, {
    concurrency: 2,
    lockLifetime: 10 * 60_000,
    // a failed sync is recorded with WeCom's reason for the owner; they start it again once it is fixed
    maxRetries: 0,
    handler: async (job) => {
      const merchantId = asMerchantId(job.attrs.data.merchantId);
      const app = await d.apps.findByMerchant(merchantId);
      if (!app) return;
      await d.locks.withLock(tenantKey(merchantId, 'wecom', 'staff-sync'), { ttlMs: 10 * 60_000 }, () =>
        d.sync.run(app),
      );
    },
  });
