import type { Container } from '../app/container.js';
import type { MerchantId } from '../tenancy/merchant-id.js';
import type { JobDefinition } from './job-definition.js';

/**
 * A recurring job that visits every merchant connected to WeCom, each inside its own error boundary (one merchant's
 * failure is logged and the others still run). One shared Agenda document, so one worker runs each tick; the next
 * tick is the retry, and `run` must be idempotent.
 */
export function perMerchantJob(
  c: Container,
  spec: { name: string; every: string; lockLifetime?: number; run: (merchantId: MerchantId) => Promise<unknown> },
): JobDefinition {
  return {
    name: spec.name,
    every: spec.every,
    maxRetries: 0,
    ...(spec.lockLifetime ? { lockLifetime: spec.lockLifetime } : {}),
    handler: async () => {
      for (const merchantId of await c.wecom.apps.merchantIds()) {
        try {
          await spec.run(merchantId);
        } catch (err) {
          c.logger.error({ err, merchantId: String(merchantId), job: spec.name }, 'merchant job failed');
        }
      }
    },
  };
}
