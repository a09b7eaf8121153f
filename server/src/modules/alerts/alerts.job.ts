import type { Container } from '../../app/container.js';
import { perMerchantJob } from '../../jobs/per-merchant-job.js';

export const ALERTS_SCAN = 'alerts.scan';

/** Each merchant's owner alerts: raised once by key, so ticks repeat harmlessly; pending ones are told again. */
export const alertsJob = (c: Container) =>
  perMerchantJob(c, {
    name: ALERTS_SCAN,
    every: '5 minutes',
    run: (merchantId) => c.alerts.owner.scan(merchantId),
  });
