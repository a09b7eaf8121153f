import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import { merchantZone } from '../clock/business-hours.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { ReportSendService } from './report-send.service.js';

export const REPORTS_SEND = 'reports.send';

export interface ReportsJobDeps extends MerchantFanOut {
  merchants: Pick<MerchantRepository, 'findById'>;
  sender: Pick<ReportSendService, 'sendDue'>;
}

/** Each merchant's due reports (claimed once per period, so ticks repeat harmlessly). */
export const reportsJob = (d: ReportsJobDeps) =>
  perMerchantJob(d, {
    name: REPORTS_SEND,
    every: '15 minutes',
    run: async (merchantId) => {
      const merchant = await d.merchants.findById(merchantId);
      if (merchant)
        await d.sender.sendDue(
          merchantId,
          merchantZone(merchant),
          resolveOutreachSettings(merchant.outreach, merchant.industry).scenarios,
        );
    },
  });
