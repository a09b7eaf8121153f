import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { Container } from '../../app/container.js';
import { perMerchantJob } from '../../jobs/per-merchant-job.js';
import { merchantZone } from '../ai/business-hours.js';

export const REPORTS_SEND = 'reports.send';

/** Each merchant's due reports (claimed once per period, so ticks repeat harmlessly). */
export const reportsJob = (c: Container) =>
  perMerchantJob(c, {
    name: REPORTS_SEND,
    every: '15 minutes',
    run: async (merchantId) => {
      const merchant = await c.repositories.merchants.findById(merchantId);
      if (merchant)
        await c.reports.sender.sendDue(
          merchantId,
          merchantZone(merchant),
          resolveOutreachSettings(merchant.outreach, merchant.industry).scenarios,
        );
    },
  });
