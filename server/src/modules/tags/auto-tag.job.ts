import type { Container } from '../../app/container.js';
import type { JobDefinition } from '../../jobs/job-definition.js';

export const AUTO_TAG = 'tags.auto';

/** Every 6 hours, one Agenda document: re-tags each merchant's customers, each in its own error boundary. Idempotent. */
export const autoTagJob = (c: Container): JobDefinition => ({
  name: AUTO_TAG,
  every: '6 hours',
  maxRetries: 0,
  lockLifetime: 30 * 60_000,
  handler: async () => {
    for (const merchantId of await c.wecom.apps.merchantIds()) {
      try {
        await c.autoTags.apply(merchantId);
      } catch (err) {
        c.logger.error({ err, merchantId: String(merchantId) }, 'auto-tagging failed for merchant');
      }
    }
  },
});
