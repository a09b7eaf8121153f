import type { Container } from '../../app/container.js';
import type { JobDefinition } from '../../jobs/job-definition.js';

export const REPORTS_SEND = 'reports.send';

/** Every 15 minutes, one Agenda document: each merchant's due reports, each merchant in its own error boundary. */
export const reportsJob = (c: Container): JobDefinition => ({
  name: REPORTS_SEND,
  every: '15 minutes',
  maxRetries: 0, // the next tick is the retry
  handler: async () => {
    for (const merchantId of await c.wecom.apps.merchantIds()) {
      try {
        const merchant = await c.repositories.merchants.findById(merchantId);
        if (merchant) await c.reports.sender.sendDue(merchantId, merchant.timezone || 'Asia/Shanghai');
      } catch (err) {
        c.logger.error({ err, merchantId: String(merchantId) }, 'report send failed for merchant');
      }
    }
  },
});
