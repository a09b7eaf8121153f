import type { Container } from '../../app/container.js';
import { perMerchantJob } from '../../jobs/per-merchant-job.js';

export const OUTREACH_SCAN = 'outreach.scan';

/** Each merchant's scenarios; a merchant's run happens once a day after its chosen time (the scan records and locks it). */
export const outreachScanJob = (c: Container) => perMerchantJob(c, { name: OUTREACH_SCAN, every: '15 minutes', run: (merchantId) => c.outreach.scan.scanMerchant(merchantId) });
