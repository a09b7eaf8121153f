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
}
