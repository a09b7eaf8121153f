// Tags: WeCom's corp tags mirrored and pushed, the merchant's own rules, the automatic tags.
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import { autoTagJob } from './auto-tag.job.js';
import { AutoTagService } from './auto-tag.service.js';
import { pushCustomerTagsJob } from './push-customer-tags.job.js';
import type { TagRuleRepository } from './tag-rule.repository.js';
import { tagRuleRoutes } from './tag-rule.routes.js';
import { TagRuleService } from './tag-rule.service.js';
import type { TagSyncService } from './tag-sync.service.js';
import { tagRoutes } from './tag.routes.js';

export interface TagsModuleDeps {
  fanOut: MerchantFanOut;
  tagRules: TagRuleRepository;
  customers: CustomerRepository;
  orders: OrderRepository;
  merchants: MerchantRepository;
  kf: KfRepository;
  apps: WecomAppRepository;
  tagSync: TagSyncService;
  /** queues the WeCom push of one customer's tags */
  tagsChanged: (merchantId: MerchantId, customerId: string) => Promise<unknown>;
}

export function build(d: TagsModuleDeps) {
  const rules = new TagRuleService(d.tagRules);
  const autoTags = new AutoTagService({
    rules: d.tagRules,
    customers: d.customers,
    orders: d.orders,
    merchants: d.merchants,
    kf: d.kf,
    onTagsChanged: d.tagsChanged,
  });
  const routes: RoutesOf = () => ({ api: [tagRoutes(d.tagSync), tagRuleRoutes(rules, autoTags)] });
  const jobs = [autoTagJob({ ...d.fanOut, autoTags }), pushCustomerTagsJob({ apps: d.apps, tags: d.tagSync })];
  return { rules, autoTags, routes, jobs };
}
