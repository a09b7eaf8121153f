// The merchant: profile, shops, business hours and settings.
import type { RoutesOf } from '../../http/module-routes.js';
import type { ShopService } from '../shops/shop.service.js';
import { merchantRoutes } from './merchant.routes.js';
import { MerchantService, type MerchantServiceDeps } from './merchant.service.js';

export interface MerchantsModuleDeps extends Omit<MerchantServiceDeps, 'shops'> {
  shopService: ShopService;
}

export function build(d: MerchantsModuleDeps) {
  const service = new MerchantService({ ...d, shops: d.shopService });
  const routes: RoutesOf = () => ({ api: [merchantRoutes(service, d.shopService)] });
  return { service, routes };
}
