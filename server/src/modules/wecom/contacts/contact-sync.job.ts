import type { Container } from '../../../app/container.js';
import { defineJob, jobKind } from '../../../jobs/job-definition.js';
import { tenantKey } from '../../../redis/keys.js';
import { asMerchantId } from '../../../tenancy/merchant-id.js';

export const CONTACT_SYNC = jobKind<{ merchantId: string }>('wecom.contact-sync');

/** Runs (or resumes) a merchant's onboarding sync; the Redis lock keeps two workers off the same merchant. */
export const contactSyncJob = (c: Container) =>
  defineJob(CONTACT_SYNC, {
    concurrency: 2,
    lockLifetime: 30 * 60_000,
    handler: async (job) => {
      const merchantId = asMerchantId(job.attrs.data.merchantId);
      const app = await c.wecom.apps.findByMerchant(merchantId);
      if (!app) return;
      await c.locks.withLock(tenantKey(merchantId, 'wecom', 'contact-sync'), { ttlMs: 30 * 60_000 }, () =>
        c.wecom.contactSync.run(app),
      );
    },
  });
