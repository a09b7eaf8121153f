import type { JobDefinition } from '../../jobs/job-definition.js';
import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { DraftService } from './draft.service.js';
import type { ScenarioScanService } from './scenario-scan.service.js';

export const OUTREACH_SCAN = 'outreach.scan';

export interface OutreachScanJobDeps extends MerchantFanOut {
  scan: Pick<ScenarioScanService, 'scanMerchant'>;
  drafts: Pick<DraftService, 'refreshDelivery' | 'withdrawExpired'>;
}

/**
 * Each merchant's customer scenarios (a run happens once a day after the chosen time; the scan records and locks
 * it), notices whose moment came while their group-send task waited withdrawn, and how the drafts already sent fared
 * in WeCom.
 */
export const outreachScanJob = (d: OutreachScanJobDeps) =>
  perMerchantJob(d, {
    name: OUTREACH_SCAN,
    every: '15 minutes',
    run: async (merchantId) => {
      await d.scan.scanMerchant(merchantId);
      await d.drafts.withdrawExpired(merchantId);
      await d.drafts.refreshDelivery(merchantId);
    },
  });

export const RESUME_DRAFTS = 'outreach.resume-drafts';

/** Approved drafts whose sending was interrupted are finished once their lease runs out (see DraftService). */
export const draftResumeJob = (d: { drafts: Pick<DraftService, 'resumeInterrupted'> }): JobDefinition => ({
  name: RESUME_DRAFTS,
  every: '2 minutes',
  maxRetries: 0, // the next tick is the retry
  handler: async () => {
    await d.drafts.resumeInterrupted();
  },
});
