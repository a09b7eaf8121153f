import type { Logger } from '../logging/logger.js';
import type { MerchantId } from '../tenancy/merchant-id.js';
import type { JobDefinition } from './job-definition.js';

/** What a per-merchant job needs besides its own work: whom to visit, and where a merchant's failure is logged. */
export interface MerchantFanOut {
  /** the merchants to visit (those connected to WeCom) */
  merchantIds(): Promise<MerchantId[]>;
  logger: Logger;
}

/**
 * A recurring job that visits every merchant connected to WeCom, each inside its own error boundary (one merchant's
 * failure is logged and the others still run). One shared Agenda document, so one worker runs each tick; the next
 * tick is the retry, and `run` must be idempotent.
 */
export function perMerchantJob(
  fanOut: MerchantFanOut,
  spec: { name: string; every: string; lockLifetime?: number; run: (merchantId: MerchantId) => Promise<unknown> },
): JobDefinition {
  return {
    name: spec.name,
    every: spec.every,
    maxRetries: 0,
    ...(spec.lockLifetime ? { lockLifetime: spec.lockLifetime } : {}),
    handler: async () => {
      for (const merchantId of await fanOut.merchantIds()) {
        try {
          await spec.run(merchantId);
        } catch (err) {
          fanOut.logger.error({ err, merchantId: String(merchantId), job: spec.name }, 'merchant job failed');
        }
      }
    },
  };
}
