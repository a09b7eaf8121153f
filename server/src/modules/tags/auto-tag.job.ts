import type { Container } from '../../app/container.js';
import { perMerchantJob } from '../../jobs/per-merchant-job.js';

export const AUTO_TAG = 'tags.auto';

/** Re-tags each merchant's customers every 6 hours (idempotent: an unchanged customer is not written). */
export const autoTagJob = (c: Container) =>
  perMerchantJob(c, {
    name: AUTO_TAG,
    every: '6 hours',
    lockLifetime: 30 * 60_000,
    run: (merchantId) => c.autoTags.apply(merchantId),
  });
