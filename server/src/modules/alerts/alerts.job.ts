import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { OwnerAlertsService } from './owner-alerts.service.js';

export const ALERTS_SCAN = 'alerts.scan';

export interface AlertsJobDeps extends MerchantFanOut {
  alerts: Pick<OwnerAlertsService, 'scan'>;
}

/** Each merchant's owner alerts: raised once by key, so ticks repeat harmlessly; pending ones are told again. */
export const alertsJob = (d: AlertsJobDeps) =>
  perMerchantJob(d, {
    name: ALERTS_SCAN,
    every: '5 minutes',
    run: (merchantId) => d.alerts.scan(merchantId),
  });
