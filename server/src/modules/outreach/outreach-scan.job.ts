import type { Container } from '../../app/container.js';
import type { JobDefinition } from '../../jobs/job-definition.js';
import { asMerchantId } from '../../tenancy/merchant-id.js';

export const OUTREACH_SCAN = 'outreach.scan';

/**
 * Every 15 minutes, one Agenda document: each merchant's scenarios, each merchant inside its own error boundary.
 * A merchant's run happens once a day after its chosen time (the scan service records and locks it).
 */
export const outreachScanJob = (c: Container): JobDefinition => ({
  name: OUTREACH_SCAN,
  every: '15 minutes',
  maxRetries: 0, // the next tick is the retry
  handler: async () => {
    for (const merchantId of await c.wecom.apps.merchantIds()) {
      try {
        await c.outreach.scan.scanMerchant(asMerchantId(merchantId));
      } catch (err) {
        c.logger.error({ err, merchantId: String(merchantId) }, 'outreach scan failed for merchant');
      }
    }
  },
});
