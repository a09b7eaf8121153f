// Tags: WeCom's corp tags mirrored and pushed, the merchant's own rules, the automatic tags.
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import { VisitReader, type VisitSources } from '../customers/visit-reader.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { TagsApi } from '../wecom/api/tags-api.js';
import type { InboxHandler } from '../wecom/inbox/inbox-processor.js';
import type { Wecom } from '../wecom/wecom.module.js';
import { autoTagJob } from './auto-tag.job.js';
import type { CorpTagRepository } from './corp-tag.repository.js';
import { AutoTagService } from './auto-tag.service.js';
import { pushCustomerTagsJob } from './push-customer-tags.job.js';
import type { TagRuleRepository } from './tag-rule.repository.js';
import { tagRuleRoutes } from './tag-rule.routes.js';
import { TagRuleService } from './tag-rule.service.js';
import { TagSyncService } from './tag-sync.service.js';
import { tagRoutes } from './tag.routes.js';

export interface TagsModuleDeps {
  fanOut: MerchantFanOut;
  tagRules: TagRuleRepository;
  corpTags: CorpTagRepository;
  customers: CustomerRepository;
  orders: OrderRepository;
  /** bookings, attendance and card uses: visits beside orders */
  shopData: VisitSources;
  merchants: MerchantRepository;
  kf: KfRepository;
  wecom: Pick<Wecom, 'apps' | 'client' | 'contactsApi' | 'handlers'>;
  /** queues the WeCom push of one customer's tags */
  tagsChanged: (merchantId: MerchantId, customerId: string) => Promise<unknown>;
}

export function build(d: TagsModuleDeps) {
  const sync = new TagSyncService(d.corpTags, new TagsApi(d.wecom.client), d.wecom.contactsApi, d.customers);
  // Any change to corp tags made in WeCom: mirror the list again (cheap, and correct whatever changed).
  const pullTags: InboxHandler = async ({ app }) => void (await sync.pull(app));
  d.wecom.handlers.register({
    'change_external_tag/create': pullTags,
    'change_external_tag/update': pullTags,
    'change_external_tag/delete': pullTags,
    'change_external_tag/shuffle': pullTags,
  });
  const rules = new TagRuleService(d.tagRules);
  const autoTags = new AutoTagService({
    rules: d.tagRules,
    customers: d.customers,
    orders: d.orders,
    visits: new VisitReader(d.orders, d.shopData),
    merchants: d.merchants,
    kf: d.kf,
    onTagsChanged: d.tagsChanged,
  });
  const routes: RoutesOf = () => ({ api: [tagRoutes(sync), tagRuleRoutes(rules, autoTags)] });
  const jobs = [autoTagJob({ ...d.fanOut, autoTags }), pushCustomerTagsJob({ apps: d.wecom.apps, tags: sync })];
  return { sync, rules, autoTags, routes, jobs };
}
