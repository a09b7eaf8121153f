import { Types } from 'mongoose';
import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ShopStock, ShopStockModel } from './shop-stock.model.js';

export type ShopStockKey = Pick<ShopStock, 'variant' | 'shop'> & { productId: Types.ObjectId };

/** Each shop's reported count of a product or variant: the only writer of `product_shop_stock`. */
export class ShopStockRepository extends TenantRepository<ShopStock> {
  constructor(model: ShopStockModel) {
    super(model);
  }

  /**
   * Stores the shop's count unless a report at least as recent is already there (a replay, or an older report arriving
   * late). True when stored now.
   */
  async report(merchantId: MerchantId, key: ShopStockKey, quantity: number, reportedAt: Date): Promise<boolean> {
    const newer = this.scoped(merchantId, { ...key, reportedAt: { $lt: reportedAt } });
    const { matchedCount } = await this.model.updateOne(newer, { $set: { quantity, reportedAt } }).exec();
    if (matchedCount) return true;
    // the shop's first count of it, unless the row exists with a report as new or newer (that one stands)
    return insertedOnce(() => this.insertOne(merchantId, { ...key, quantity, reportedAt }));
  }

  /** The sum of the shops' counts of one product or variant. */
  async total(merchantId: MerchantId, productId: Types.ObjectId, variant: string): Promise<number> {
    const rows = await this.model
      .find(this.scoped(merchantId, { productId: new Types.ObjectId(productId), variant }))
      .lean<{ quantity: number }[]>()
      .exec();
    return rows.reduce((sum, r) => sum + r.quantity, 0);
  }
}
