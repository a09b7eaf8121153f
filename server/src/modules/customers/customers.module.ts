// Customers: records, the staff's edits and the sidebar profile.
import type { RoutesOf } from '../../http/module-routes.js';
import type { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { CustomerProfileService } from './customer-profile.service.js';
import type { CustomerRepository } from './customer.repository.js';
import { customerRoutes } from './customer.routes.js';
import { CustomerService, type TagsChanged } from './customer.service.js';

export interface CustomersModuleDeps {
  customers: CustomerRepository;
  orders: OrderRepository;
  merchants: MerchantRepository;
  rateLimiter: FixedWindowRateLimiter;
  /** queues the WeCom push of a customer's tags after staff edit them */
  tagsChanged: TagsChanged;
}

export function build(d: CustomersModuleDeps) {
  const service = new CustomerService(d.customers, d.rateLimiter, d.tagsChanged);
  const profiles = new CustomerProfileService(d.customers, d.orders, d.merchants);
  const routes: RoutesOf = () => ({ api: [customerRoutes(service, profiles)] });
  return { service, profiles, routes };
}
