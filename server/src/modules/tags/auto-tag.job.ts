import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { AutoTagService } from './auto-tag.service.js';

export const AUTO_TAG = 'tags.auto';

export interface AutoTagJobDeps extends MerchantFanOut {
  autoTags: Pick<AutoTagService, 'apply'>;
}

/** Re-tags each merchant's customers every 6 hours (idempotent: an unchanged customer is not written). */
export const autoTagJob = (d: AutoTagJobDeps) =>
  perMerchantJob(d, {
    name: AUTO_TAG,
    every: '6 hours',
    lockLifetime: 30 * 60_000,
    run: (merchantId) => d.autoTags.apply(merchantId),
  });
