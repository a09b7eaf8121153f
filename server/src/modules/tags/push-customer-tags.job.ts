import type { Container } from '../../app/container.js';
import { defineJob, jobKind } from '../../jobs/job-definition.js';
import { asMerchantId } from '../../tenancy/merchant-id.js';

export const PUSH_CUSTOMER_TAGS = jobKind<{ merchantId: string; customerId: string }>('wecom.push-customer-tags');

/** Pushes one customer's tags to WeCom. Carries ids only and recomputes the difference, so repeats are harmless. */
export const pushCustomerTagsJob = (c: Container) =>
  defineJob(PUSH_CUSTOMER_TAGS, {
    concurrency: 4,
    handler: async (job) => {
      const merchantId = asMerchantId(job.attrs.data.merchantId);
      const app = await c.wecom.apps.findByMerchant(merchantId);
      if (!app) return; // WeCom not connected yet: our tags stand on their own
      await c.wecom.tags.pushCustomer(app, merchantId, job.attrs.data.customerId);
    },
  });
