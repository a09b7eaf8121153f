import { defineJob, jobKind } from '../../jobs/job-definition.js';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import type { TagSyncService } from './tag-sync.service.js';

export const PUSH_CUSTOMER_TAGS = jobKind<{ merchantId: string; customerId: string }>('wecom.push-customer-tags');

export interface PushCustomerTagsJobDeps {
  apps: Pick<WecomAppRepository, 'findByMerchant'>;
  tags: Pick<TagSyncService, 'pushCustomer'>;
}

/** Pushes one customer's tags to WeCom. Carries ids only and recomputes the difference, so repeats are harmless. */
export const pushCustomerTagsJob = (d: PushCustomerTagsJobDeps) =>
  defineJob(PUSH_CUSTOMER_TAGS, {
    concurrency: 4,
    handler: async (job) => {
      const merchantId = asMerchantId(job.attrs.data.merchantId);
      const app = await d.apps.findByMerchant(merchantId);
      if (!app) return; // WeCom not connected yet: our tags stand on their own
      await d.tags.pushCustomer(app, merchantId, job.attrs.data.customerId);
    },
  });
