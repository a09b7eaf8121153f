// The merchant: profile, business hours and settings.
import type { RoutesOf } from '../../http/module-routes.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { ShopService } from '../shops/shop.service.js';
import type { MerchantRepository } from './merchant.repository.js';
import { merchantRoutes } from './merchant.routes.js';
import { MerchantService } from './merchant.service.js';

export interface MerchantsModuleDeps {
  merchants: MerchantRepository;
  shops: ShopRepository;
  shopService: ShopService;
  knowledge: Pick<KnowledgeBaseService, 'changed'>;
}

export function build(d: MerchantsModuleDeps) {
  const service = new MerchantService(d.merchants, d.shops);
  const routes: RoutesOf = () => ({ api: [merchantRoutes(service, d.shopService, d.knowledge)] });
  return { service, routes };
}
