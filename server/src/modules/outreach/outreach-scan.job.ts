import type { Container } from '../../app/container.js';
import type { JobDefinition } from '../../jobs/job-definition.js';
import { perMerchantJob } from '../../jobs/per-merchant-job.js';

export const OUTREACH_SCAN = 'outreach.scan';

/**
 * Each merchant's customer scenarios (a run happens once a day after the chosen time; the scan records and locks
 * it), and how the drafts already sent fared in WeCom.
 */
export const outreachScanJob = (c: Container) =>
  perMerchantJob(c, {
    name: OUTREACH_SCAN,
    every: '15 minutes',
    run: async (merchantId) => {
      await c.outreach.scan.scanMerchant(merchantId);
      await c.outreach.drafts.refreshDelivery(merchantId);
    },
  });

export const RESUME_DRAFTS = 'outreach.resume-drafts';

/** Approved drafts whose sending was interrupted are finished once their lease runs out (see DraftService). */
export const draftResumeJob = (c: Container): JobDefinition => ({
  name: RESUME_DRAFTS,
  every: '2 minutes',
  maxRetries: 0, // the next tick is the retry
  handler: async () => {
    await c.outreach.drafts.resumeInterrupted();
  },
});
