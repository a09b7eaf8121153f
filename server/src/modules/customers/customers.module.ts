// Customers: records, the staff's edits and the sidebar profile; WeCom's contact events and the onboarding sync that
// keep the records in step with the staff's WeCom contacts.
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { JobRuntime } from '../../jobs/job-runtime.js';
import type { Logger } from '../../logging/logger.js';
import type { RedisLock } from '../../redis/lock.js';
import type { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import type { ChannelCodeService } from '../channels/channel-code.service.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Wecom } from '../wecom/wecom.module.js';
import { contactEventHandlers, type ContactEventDeps } from './contacts/contact-events.handler.js';
import { contactSyncJob } from './contacts/contact-sync.job.js';
import { openContactSyncRunRepository } from './contacts/contact-sync.repository.js';
import { contactSyncRoutes } from './contacts/contact-sync.routes.js';
import { ContactSyncService } from './contacts/contact-sync.service.js';
import { CustomerProfileService } from './customer-profile.service.js';
import type { CustomerRepository } from './customer.repository.js';
import { customerRoutes } from './customer.routes.js';
import { CustomerService, type TagsChanged } from './customer.service.js';
import { VisitReader, type VisitSources } from './visit-reader.js';
import type { TimelineSources } from './customer-timeline.js';
import type { WhyNotContactedDeps } from './why-not-contacted.js';
import type { UnmatchedOrdersDeps } from './unmatched-orders.js';

export interface CustomersModuleDeps {
  config: Config;
  db: Database;
  logger: Logger;
  locks: RedisLock;
  jobs: Pick<JobRuntime, 'enqueue'>;
  rateLimiter: FixedWindowRateLimiter;
  customers: CustomerRepository;
  orders: OrderRepository;
  /** bookings, attendance and card uses: visits beside orders (the profile) */
  shopData: VisitSources & TimelineSources['shopData'];
  /** the customer's messages (their timeline) */
  kf: TimelineSources['kf'];
  /** the shop's proactive messages: the timeline, and the contact policy's reasons (为什么没联系他) */
  drafts: TimelineSources['drafts'] & WhyNotContactedDeps['drafts'];
  knowledge: WhyNotContactedDeps['knowledge'];
  campaignsSince: WhyNotContactedDeps['campaignsSince'];
  /** the merchant's audit list: orders linked to a customer by hand */
  audit: UnmatchedOrdersDeps['audit'];
  merchants: MerchantRepository;
  staff: StaffRepository;
  wecom: Pick<Wecom, 'apps' | 'contactsApi' | 'handlers'>;
  /** a new contact through a 联系我 code is counted for its channel */
  channelCodes: ChannelCodeService;
  /** queues the WeCom push of a customer's tags after staff edit them */
  tagsChanged: TagsChanged;
  /** told when a customer deletes a staff member (the owner alerts) */
  onCustomerLeft: ContactEventDeps['onCustomerLeft'];
}

export function build(d: CustomersModuleDeps) {
  const service = new CustomerService(d.customers, d.rateLimiter, d.tagsChanged);
  const visits = new VisitReader(d.orders, d.shopData);
  const profiles = new CustomerProfileService(d.customers, d.orders, d.merchants, visits);
  d.wecom.handlers.register(
    contactEventHandlers({
      contactsApi: d.wecom.contactsApi,
      channelCodes: d.channelCodes,
      customers: d.customers,
      staff: d.staff,
      merchants: d.merchants,
      logger: d.logger,
      publicUrl: d.config.http.publicUrl ?? 'https://work.weixin.qq.com',
      onCustomerLeft: d.onCustomerLeft,
    }),
  );
  const contactSync = new ContactSyncService(
    openContactSyncRunRepository(d.db),
    d.wecom.contactsApi,
    d.customers,
    d.staff,
  );
  const routes: RoutesOf = () => ({
    api: [
      customerRoutes(service, profiles, {
        timeline: { orders: d.orders, shopData: d.shopData, kf: d.kf, drafts: d.drafts },
        policy: { knowledge: d.knowledge, drafts: d.drafts, visits, campaignsSince: d.campaignsSince },
        unmatched: { orders: d.orders, customers: d.customers, audit: d.audit },
      }),
      contactSyncRoutes(d.jobs, contactSync, d.customers),
    ],
  });
  const jobs = [contactSyncJob({ apps: d.wecom.apps, locks: d.locks, contactSync })];
  return { service, profiles, contactSync, routes, jobs };
}
