import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Product, ProductModel } from './product.model.js';

export type ProductRecord = Product & { _id: Types.ObjectId };
export type NewProduct = Omit<Product, 'merchantId' | 'createdAt' | 'updatedAt'>;

export class ProductRepository extends TenantRepository<Product> {
  constructor(model: ProductModel) {
    super(model);
  }

  list(merchantId: MerchantId): Promise<ProductRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ category: 1, name: 1 }).lean<ProductRecord[]>().exec();
  }

  async insertMany(merchantId: MerchantId, products: NewProduct[]): Promise<ProductRecord[]> {
    const docs = products.map((p) => ({ ...p, merchantId: merchantObjectId(merchantId) }));
    return (await this.model.insertMany(docs, { lean: true })) as unknown as ProductRecord[];
  }

  // Editing the menu (knowledge-admin, spreadsheet import): the same operations as the other knowledge items.

  /** The editor's list: the latest changed first. */
  recentlyChanged(merchantId: MerchantId): Promise<ProductRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ updatedAt: -1 }).lean<ProductRecord[]>().exec();
  }

  create(merchantId: MerchantId, product: NewProduct): Promise<ProductRecord> {
    return this.insertOne<ProductRecord>(merchantId, product);
  }

  /** Replaces the product's fields: it before and after, or null when the merchant has no such product. */
  update(merchantId: MerchantId, id: string, product: NewProduct) {
    return this.setById<ProductRecord>(merchantId, id, product);
  }

  /** Deletes the product: what it was, or null when the merchant has no such product. */
  remove(merchantId: MerchantId, id: string): Promise<ProductRecord | null> {
    return this.deleteById<ProductRecord>(merchantId, id);
  }

  /** The product a spreadsheet row updates: the one with its name (names are unique per merchant). */
  async idByName(merchantId: MerchantId, name: string): Promise<string | null> {
    const row = await this.model.findOne(this.scoped(merchantId, { name }), { _id: 1 }).lean<{ _id: unknown }>().exec();
    return row && String(row._id);
  }
}
