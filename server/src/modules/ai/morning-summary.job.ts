import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { MorningSummaryService } from './morning-summary.service.js';

export interface MorningSummaryJobDeps extends MerchantFanOut {
  morningSummary: Pick<MorningSummaryService, 'runFor'>;
}

/** Each merchant's morning summary; the service decides whether it is their morning and whether it already went. */
export const morningSummaryJob = (d: MorningSummaryJobDeps) =>
  perMerchantJob(d, {
    name: 'ai.morning-summary',
    every: '10 minutes',
    run: (merchantId) => d.morningSummary.runFor(merchantId),
  });
