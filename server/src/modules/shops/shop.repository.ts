import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Shop, ShopModel } from './shop.model.js';

export type ShopRecord = Shop & { _id: Types.ObjectId };

export class ShopRepository extends TenantRepository<Shop> {
  constructor(model: ShopModel) {
    super(model);
  }

  list(merchantId: MerchantId): Promise<ShopRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ slot: 1 }).lean<ShopRecord[]>().exec();
  }

  /** Inserts into a given slot; a taken slot raises E11000, which the service turns into a retry or a refusal. */
  async insert(merchantId: MerchantId, slot: number, shop: Pick<Shop, 'name'> & Partial<Shop>): Promise<ShopRecord> {
    const created = await this.model.create({ ...shop, slot, merchantId: merchantObjectId(merchantId) });
    return created.toObject() as ShopRecord;
  }

  /** The shop after the change, or null when the merchant has no such shop. */
  async update(
    merchantId: MerchantId,
    id: string,
    fields: Pick<Shop, 'name' | 'address' | 'phone'>,
  ): Promise<ShopRecord | null> {
    return (await this.setById<ShopRecord>(merchantId, id, fields))?.after ?? null;
  }

  /** The shop as it was, or null when the merchant has no such shop. */
  remove(merchantId: MerchantId, id: string): Promise<ShopRecord | null> {
    return this.deleteById<ShopRecord>(merchantId, id);
  }
}
