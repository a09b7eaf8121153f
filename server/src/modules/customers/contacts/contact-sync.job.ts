import { defineJob, jobKind } from '../../../jobs/job-definition.js';
import type { RedisLock } from '../../../redis/lock.js';
import { tenantKey } from '../../../redis/keys.js';
import { asMerchantId } from '../../../tenancy/merchant-id.js';
import type { WecomAppRepository } from '../../wecom/wecom-app.repository.js';
import type { ContactSyncService } from './contact-sync.service.js';

export const CONTACT_SYNC = jobKind<{ merchantId: string }>('wecom.contact-sync');

export interface ContactSyncJobDeps {
  apps: Pick<WecomAppRepository, 'findByMerchant'>;
  locks: Pick<RedisLock, 'withLock'>;
  contactSync: Pick<ContactSyncService, 'run'>;
}

/** Runs (or resumes) a merchant's onboarding sync; the Redis lock keeps two workers off the same merchant. */
export const contactSyncJob = (d: ContactSyncJobDeps) =>
  defineJob(CONTACT_SYNC, {
    concurrency: 2,
    lockLifetime: 30 * 60_000,
    handler: async (job) => {
      const merchantId = asMerchantId(job.attrs.data.merchantId);
      const app = await d.apps.findByMerchant(merchantId);
      if (!app) return;
      await d.locks.withLock(tenantKey(merchantId, 'wecom', 'contact-sync'), { ttlMs: 30 * 60_000 }, () =>
        d.contactSync.run(app),
      );
    },
  });
