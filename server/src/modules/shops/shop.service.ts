import { isDuplicateKey } from '../../db/duplicate-key.js';
import { AppError, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { MAX_SHOPS } from './shop-limits.js';
import type { Shop } from './shop.model.js';
import type { ShopRecord, ShopRepository } from './shop.repository.js';

export class ShopService {
  constructor(private shops: ShopRepository) {}

  list(merchantId: MerchantId): Promise<ShopRecord[]> {
    return this.shops.list(merchantId);
  }

  /**
   * Takes the lowest free slot. Two concurrent adds may pick the same slot; the unique (merchantId, slot) index
   * lets one win and the other retries with the next free slot, so the cap holds without a lock.
   */
  async add(merchantId: MerchantId, shop: Pick<Shop, 'name'> & Partial<Shop>): Promise<ShopRecord> {
    for (let attempt = 0; attempt < MAX_SHOPS; attempt++) {
      const taken = new Set((await this.shops.list(merchantId)).map((s) => s.slot));
      const slot = Array.from({ length: MAX_SHOPS }, (_, i) => i + 1).find((s) => !taken.has(s));
      if (!slot) throw new AppError('conflict', { message: `每个商户最多 ${MAX_SHOPS} 家门店` });
      try {
        return await this.shops.insert(merchantId, slot, shop);
      } catch (e) {
        if (!isDuplicateKey(e)) throw e;
      }
    }
    throw new AppError('conflict', { message: '门店正在被同时添加，请稍后重试' });
  }

  async update(
    merchantId: MerchantId,
    id: string,
    fields: Pick<Shop, 'name' | 'address' | 'phone' | 'parking' | 'lat' | 'lng' | 'businessHours'>,
  ) {
    const shop = await this.shops.update(merchantId, id, fields);
    if (!shop) throw notFound(SHOP_NOT_FOUND);
    return shop;
  }

  async remove(merchantId: MerchantId, id: string): Promise<ShopRecord> {
    const shop = await this.shops.remove(merchantId, id);
    if (!shop) throw notFound(SHOP_NOT_FOUND);
    return shop;
  }
}

/** Another merchant's shop reads the same as none at all. */
export const SHOP_NOT_FOUND = '没有找到这家门店';
