import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Product, ProductModel } from './product.model.js';

export type ProductRecord = Product & { _id: Types.ObjectId };
export type NewProduct = Omit<Product, 'merchantId' | 'createdAt' | 'updatedAt'>;

export class ProductRepository extends TenantRepository<Product> {
  constructor(
    model: ProductModel,
    // told after every write: the menu is part of the knowledge snapshot, rebuilt everywhere (late-bound by the
    // container: the knowledge version lives with the knowledge base, built after the repositories)
    private hooks: { menuChanged?: (merchantId: MerchantId) => Promise<void> } = {},
  ) {
    super(model);
  }

  list(merchantId: MerchantId): Promise<ProductRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ category: 1, name: 1 }).lean<ProductRecord[]>().exec();
  }

  async insertMany(merchantId: MerchantId, products: NewProduct[]): Promise<ProductRecord[]> {
    const docs = products.map((p) => ({ ...p, merchantId: merchantObjectId(merchantId) }));
    const inserted = (await this.model.insertMany(docs, { lean: true })) as unknown as ProductRecord[];
    await this.hooks.menuChanged?.(merchantId);
    return inserted;
  }

  // Editing the menu (knowledge-admin, spreadsheet import): the same operations as the other knowledge items.

  /** The editor's list: the latest changed first. */
  recentlyChanged(merchantId: MerchantId): Promise<ProductRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ updatedAt: -1 }).lean<ProductRecord[]>().exec();
  }

  async create(merchantId: MerchantId, product: NewProduct): Promise<ProductRecord> {
    const created = await this.insertOne<ProductRecord>(merchantId, product);
    await this.hooks.menuChanged?.(merchantId);
    return created;
  }

  /** Replaces the product's fields: it before and after, or null when the merchant has no such product. */
  async update(merchantId: MerchantId, id: string, product: NewProduct) {
    const changed = await this.setById<ProductRecord>(merchantId, id, product);
    if (changed) await this.hooks.menuChanged?.(merchantId);
    return changed;
  }

  /** Deletes the product: what it was, or null when the merchant has no such product. */
  async remove(merchantId: MerchantId, id: string): Promise<ProductRecord | null> {
    const removed = await this.deleteById<ProductRecord>(merchantId, id);
    if (removed) await this.hooks.menuChanged?.(merchantId);
    return removed;
  }

  /** The product a spreadsheet row updates: the one with its name (names are unique per merchant). */
  async idByName(merchantId: MerchantId, name: string): Promise<string | null> {
    const row = await this.model.findOne(this.scoped(merchantId, { name }), { _id: 1 }).lean<{ _id: unknown }>().exec();
    return row && String(row._id);
  }
}
