import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Shop, ShopModel } from './shop.model.js';

export type ShopRecord = Shop & { _id: Types.ObjectId };

export class ShopRepository extends TenantRepository<Shop> {
  constructor(
    model: ShopModel,
    // told after every write: the shops (addresses, phones) are part of the knowledge snapshot, rebuilt everywhere
    // (late-bound by the composition: the knowledge version lives with the knowledge base, built after the repositories)
    private hooks: { shopsChanged?: (merchantId: MerchantId) => Promise<void> } = {},
  ) {
    super(model);
  }

  list(merchantId: MerchantId): Promise<ShopRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ slot: 1 }).lean<ShopRecord[]>().exec();
  }

  /** Where the shop is on the map (null: not known), for the bot's "nearest shop" answer. False: no such shop. */
  async setCoordinates(merchantId: MerchantId, id: string, at: { lat: number; lng: number } | null): Promise<boolean> {
    const filter = this.scoped(merchantId, { _id: new Types.ObjectId(id) });
    const update = at ? { $set: at } : { $unset: { lat: 1 as const, lng: 1 as const } };
    const { matchedCount } = await this.model.updateOne(filter, update, { runValidators: true }).exec();
    if (matchedCount) await this.hooks.shopsChanged?.(merchantId);
    return matchedCount > 0;
  }

  /** Inserts into a given slot; a taken slot raises E11000, which the service turns into a retry or a refusal. */
  async insert(merchantId: MerchantId, slot: number, shop: Pick<Shop, 'name'> & Partial<Shop>): Promise<ShopRecord> {
    const created = await this.model.create({ ...shop, slot, merchantId: merchantObjectId(merchantId) });
    await this.hooks.shopsChanged?.(merchantId);
    return created.toObject() as ShopRecord;
  }

  /** The shop after the change, or null when the merchant has no such shop. */
  async update(
    merchantId: MerchantId,
    id: string,
    // coordinates given are set; left out, the ones the shop had are kept (setCoordinates clears them)
    fields: Pick<Shop, 'name' | 'address' | 'phone' | 'parking' | 'lat' | 'lng' | 'businessHours'>,
  ): Promise<ShopRecord | null> {
    // a parking note or own hours the owner emptied are removed, not kept (no own hours: the merchant's apply)
    const { parking, businessHours, ...rest } = fields;
    const set = { ...rest, ...(parking ? { parking } : {}), ...(businessHours?.length ? { businessHours } : {}) };
    const unset = {
      ...(parking ? {} : { parking: 1 as const }),
      ...(businessHours?.length ? {} : { businessHours: 1 as const }),
    };
    const changed = await this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id) }),
        Object.keys(unset).length ? { $set: set, $unset: unset } : { $set: set },
        { returnDocument: 'after' },
      )
      .lean<ShopRecord>()
      .exec();
    if (changed) await this.hooks.shopsChanged?.(merchantId);
    return changed;
  }

  /** The shop as it was, or null when the merchant has no such shop. */
  async remove(merchantId: MerchantId, id: string): Promise<ShopRecord | null> {
    const removed = await this.deleteById<ShopRecord>(merchantId, id);
    if (removed) await this.hooks.shopsChanged?.(merchantId);
    return removed;
  }
}
