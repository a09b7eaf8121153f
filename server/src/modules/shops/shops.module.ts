// The merchant's shops (up to five); edited through the merchant's routes.
import type { ShopRepository } from './shop.repository.js';
import { ShopService } from './shop.service.js';

export function build(d: { shops: ShopRepository }) {
  return { service: new ShopService(d.shops) };
}
