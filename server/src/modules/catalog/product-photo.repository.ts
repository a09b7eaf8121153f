import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ProductPhoto, ProductPhotoModel } from './product-photo.model.js';

/** What a list needs to link a photo: which product, and which upload (the link changes with it). */
export type ProductPhotoSummary = Pick<ProductPhoto, 'productId' | 'uploadedAt'>;

export class ProductPhotoRepository extends TenantRepository<ProductPhoto> {
  constructor(model: ProductPhotoModel) {
    super(model);
  }

  /** The product's photo, replacing the one it had. */
  async save(merchantId: MerchantId, photo: Omit<ProductPhoto, 'merchantId'>): Promise<ProductPhotoSummary> {
    await this.model
      .updateOne(
        this.scoped(merchantId, { productId: photo.productId }),
        { $set: { ...photo, merchantId: merchantObjectId(merchantId) } },
        { upsert: true },
      )
      .exec();
    return { productId: photo.productId, uploadedAt: photo.uploadedAt };
  }

  /** Several products' photos at once, without their bytes (the catalogue's list). */
  summaries(merchantId: MerchantId, productIds: string[]): Promise<ProductPhotoSummary[]> {
    if (!productIds.length) return Promise.resolve([]);
    const ids = productIds.map((id) => new Types.ObjectId(id));
    return this.model
      .find(this.scoped(merchantId, { productId: { $in: ids } }), { productId: 1, uploadedAt: 1 })
      .lean<ProductPhotoSummary[]>()
      .exec();
  }

  /** The bytes and their type; null for another merchant's product or one without a photo. */
  async content(merchantId: MerchantId, productId: string): Promise<{ contentType: string; data: Buffer } | null> {
    const found = await this.model
      .findOne(this.scoped(merchantId, { productId: new Types.ObjectId(productId) }), { contentType: 1, data: 1 })
      .lean<{ contentType: string; data: unknown }>()
      .exec();
    if (!found) return null;
    // a lean read gives BSON's Binary: its bytes are its `buffer`
    const raw = found.data as { buffer?: Uint8Array } | Uint8Array;
    const bytes = raw instanceof Uint8Array ? raw : raw.buffer;
    return bytes ? { contentType: found.contentType, data: Buffer.from(bytes) } : null;
  }

  async remove(merchantId: MerchantId, productId: Types.ObjectId): Promise<void> {
    await this.model.deleteOne(this.scoped(merchantId, { productId })).exec();
  }
}
