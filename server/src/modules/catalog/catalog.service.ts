// The catalogue's own operations beside the menu editor: a variant's stock and availability as the owner sets them
// (recorded in the change history by who, undoable like any edit; a POS stock feed writes the repository directly and
// is not a menu edit), the products' photos, and what the console shows of the menu as the bot reads it: the names it
// also knows each product by.
import {
  PHOTO_TOO_BIG,
  PHOTO_WRONG_TYPE,
  PRODUCT_PHOTO_MAX_BYTES,
  PRODUCT_PHOTO_TYPES,
} from '@xiaoer/common/api/catalog';
import type { VariantStockUpdate } from '@xiaoer/common/schemas/knowledge';
import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import type { Session } from '../../auth/session.js';
import { AppError, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { sniff } from '../conversations/kf-media.service.js';
import type { KnowledgeAdminService } from '../knowledge/knowledge-admin.service.js';
import { catalogueAliases } from './product-aliases.js';
import type { ProductPhotoLinks } from './product-photo-links.js';
import type { ProductPhotoRepository } from './product-photo.repository.js';
import type { ProductRecord, ProductRepository } from './product.repository.js';

export interface CatalogDeps {
  products: Pick<ProductRepository, 'setVariantStock' | 'list' | 'findById'>;
  photos: ProductPhotoRepository;
  links: ProductPhotoLinks;
  /** the owner's variant changes go in the menu's change history */
  history: Pick<KnowledgeAdminService, 'recordEdit'>;
}

/** A refused upload: 400 with the reason under the photo's field, as the console shows it. */
const refused = (message: string) => new AppError('validation_failed', { message, fields: { data: message } });

/** The bytes of a base64 upload (a data: URL's prefix dropped). */
const decoded = (data: string) => Buffer.from(data.replace(/^data:[^,]*,/, ''), 'base64');

export class CatalogService {
  constructor(private d: CatalogDeps) {}

  /** Each product's generated aliases the bot matches (across this menu), without the owner's own. */
  async generatedAliases(merchantId: MerchantId): Promise<{ id: string; generated: string[] }[]> {
    const products = await this.d.products.list(merchantId);
    const aliases = catalogueAliases(products);
    return products.map((p, i) => {
      const own = new Set(p.aliases ?? []);
      return { id: p._id.toHexString(), generated: aliases[i]!.filter((a) => !own.has(a)) };
    });
  }

  /** One variant's stock or 售罄/恢复, recorded as an edit of the product by the session's member. */
  async setVariantStock(session: Session, productId: string, update: VariantStockUpdate): Promise<ProductRecord> {
    const match = update.sku ? { sku: update.sku } : { options: update.options ?? [] };
    const changed = await this.d.products.setVariantStock(session.merchantId, { id: productId }, match, {
      stock: update.stock,
      available: update.available,
    });
    if (!changed) throw notFound('没有找到这个商品或规格');
    await this.d.history.recordEdit(session, 'product', changed.before, changed.after);
    return changed.after;
  }

  /** The products as the console shows them, each with a signed link to its photo when it has one. */
  async withPhotos(merchantId: MerchantId, products: ProductDto[]): Promise<ProductDto[]> {
    const photos = await this.d.photos.summaries(
      merchantId,
      products.map((p) => p.id),
    );
    const uploaded = new Map(photos.map((p) => [p.productId.toHexString(), p.uploadedAt.getTime()]));
    return products.map((p) => {
      const version = uploaded.get(p.id);
      return version === undefined ? p : { ...p, photoUrl: this.d.links.url(merchantId, p.id, version) };
    });
  }

  /**
   * A new photo for the product, replacing its old one: a JPG, PNG or WebP (read from the bytes) of at most 500KB,
   * else 400 saying which. Another merchant's product is 404.
   */
  async setPhoto(merchantId: MerchantId, productId: string, data: string): Promise<ProductRecord> {
    const product = await this.d.products.findById(merchantId, productId);
    if (!product) throw notFound('没有找到这个商品');
    const bytes = decoded(data);
    if (bytes.length > PRODUCT_PHOTO_MAX_BYTES) throw refused(PHOTO_TOO_BIG);
    const type = sniff(bytes);
    if (!type || !(PRODUCT_PHOTO_TYPES as readonly string[]).includes(type)) throw refused(PHOTO_WRONG_TYPE);
    await this.d.photos.save(merchantId, {
      productId: product._id,
      contentType: type,
      size: bytes.length,
      data: bytes,
      uploadedAt: new Date(),
    });
    return product;
  }

  async removePhoto(merchantId: MerchantId, productId: string): Promise<ProductRecord> {
    const product = await this.d.products.findById(merchantId, productId);
    if (!product) throw notFound('没有找到这个商品');
    await this.d.photos.remove(merchantId, product._id);
    return product;
  }

  /** A photo behind a signed link: its bytes, or null when the link is bad, expired or the photo gone. */
  async photoFile(q: { merchantId: MerchantId; productId: string; t: number; e: number; s: string }) {
    if (!this.d.links.verify(String(q.merchantId), q.productId, q.t, q.e, q.s)) return null;
    return this.d.photos.content(q.merchantId, q.productId);
  }
}
