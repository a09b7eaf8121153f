import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Product, ProductModel } from './product.model.js';
import {
  applyVariantChange,
  findVariantIndex,
  withVariantTotals,
  type ProductFields,
  type StoredProductFields,
  type VariantMatch,
  type VariantStockChange,
} from './product-variants.js';

export type ProductRecord = Product & { _id: Types.ObjectId };
/** A product as the repository reads it: the lists always present. */
export type StoredProduct = ProductRecord & Required<Pick<Product, 'variants' | 'attributes' | 'aliases'>>;
/** A product written in code (menus, fixtures): its price given, the lists optional. */
export type NewProduct = Omit<Product, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Optional fields a replacement without them clears (a $set alone would keep the old value). */
const CLEARABLE = ['description', 'stock'] as const;

/** Products stored before variants, attributes and aliases existed read as having none. */
const normalized = (p: ProductRecord): StoredProduct => ({
  ...p,
  variants: p.variants ?? [],
  attributes: p.attributes ?? [],
  aliases: p.aliases ?? [],
});

/** How many times a variant's stock write re-reads the product when another write got there first. */
const VARIANT_WRITE_ATTEMPTS = 5;

export class ProductRepository extends TenantRepository<Product> {
  constructor(
    model: ProductModel,
    // told after every write: the menu is part of the knowledge snapshot, rebuilt everywhere (late-bound by the
    // container: the knowledge version lives with the knowledge base, built after the repositories)
    private hooks: { menuChanged?: (merchantId: MerchantId) => Promise<void> } = {},
  ) {
    super(model);
  }

  async list(merchantId: MerchantId): Promise<ProductRecord[]> {
    const rows = await this.model
      .find(this.scoped(merchantId))
      .sort({ category: 1, name: 1 })
      .lean<ProductRecord[]>()
      .exec();
    return rows.map(normalized);
  }

  async insertMany(merchantId: MerchantId, products: ProductFields[]): Promise<ProductRecord[]> {
    const docs = products.map((p) => ({ ...withVariantTotals(p), merchantId: merchantObjectId(merchantId) }));
    const inserted = (await this.model.insertMany(docs, { lean: true })) as unknown as ProductRecord[];
    await this.hooks.menuChanged?.(merchantId);
    return inserted.map(normalized);
  }

  // Editing the menu (knowledge-admin, spreadsheet import): the same operations as the other knowledge items.

  /** The editor's list: the latest changed first. */
  async recentlyChanged(merchantId: MerchantId): Promise<ProductRecord[]> {
    const rows = await this.model.find(this.scoped(merchantId)).sort({ updatedAt: -1 }).lean<ProductRecord[]>().exec();
    return rows.map(normalized);
  }

  async findById(merchantId: MerchantId, id: string): Promise<StoredProduct | null> {
    const row = await this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) }))
      .lean<ProductRecord>()
      .exec();
    return row && normalized(row);
  }

  /** A new product; with an id: a deleted product brought back as it was (an undo). */
  async create(merchantId: MerchantId, product: ProductFields, id?: Types.ObjectId): Promise<ProductRecord> {
    const fields = { ...withVariantTotals(product), ...(id ? { _id: id } : {}) };
    const created = await this.insertOne<ProductRecord>(merchantId, fields);
    await this.hooks.menuChanged?.(merchantId);
    return normalized(created);
  }

  /** Replaces the product's fields: it before and after, or null when the merchant has no such product. */
  async update(merchantId: MerchantId, id: string, product: ProductFields) {
    const fields = withVariantTotals(product);
    const filter = this.scoped(merchantId, { _id: new Types.ObjectId(id) });
    const unset = Object.fromEntries(CLEARABLE.filter((k) => fields[k] === undefined).map((k) => [k, 1]));
    const before = await this.model
      .findOneAndUpdate(filter, { $set: fields, ...(Object.keys(unset).length ? { $unset: unset } : {}) })
      .lean<ProductRecord>()
      .exec();
    if (!before) return null;
    const after = await this.model.findOne(filter).lean<ProductRecord>().exec();
    await this.hooks.menuChanged?.(merchantId);
    return after ? { before: normalized(before), after: normalized(after) } : null;
  }

  /** Deletes the product: what it was, or null when the merchant has no such product. */
  async remove(merchantId: MerchantId, id: string): Promise<ProductRecord | null> {
    const removed = await this.deleteById<ProductRecord>(merchantId, id);
    if (removed) await this.hooks.menuChanged?.(merchantId);
    return removed && normalized(removed);
  }

  /** The product a spreadsheet row updates: the one with its name (names are unique per merchant). */
  async idByName(merchantId: MerchantId, name: string): Promise<string | null> {
    const row = await this.model.findOne(this.scoped(merchantId, { name }), { _id: 1 }).lean<{ _id: unknown }>().exec();
    return row && String(row._id);
  }

  /** The merchant's products of these names (a spreadsheet import's re-imported rows), one query. */
  async findByNames(merchantId: MerchantId, names: string[]): Promise<StoredProduct[]> {
    const rows = await this.model
      .find(this.scoped(merchantId, { name: { $in: names } }))
      .lean<ProductRecord[]>()
      .exec();
    return rows.map(normalized);
  }

  /**
   * The product a stock feed names: a variant's SKU first (it names the variant too), else the product's name or one
   * of the owner's aliases. Null when none of the merchant's products fits.
   */
  async findForStock(merchantId: MerchantId, ref: { name: string; sku?: string }): Promise<StoredProduct | null> {
    const byName = { $or: [{ name: ref.name }, { aliases: ref.name }] };
    const filter = ref.sku ? { $or: [{ 'variants.sku': ref.sku }, ...byName.$or] } : byName;
    const rows = await this.model.find(this.scoped(merchantId, filter)).limit(5).lean<ProductRecord[]>().exec();
    const bySku = ref.sku && rows.find((p) => p.variants?.some((v) => v.sku === ref.sku));
    const row = bySku || rows.find((p) => p.name === ref.name) || rows[0];
    return row ? normalized(row) : null;
  }

  /** The stock of a product sold one way (a stock feed); false when it has variants, or no such product. */
  async setProductStock(merchantId: MerchantId, id: Types.ObjectId, stock: number): Promise<boolean> {
    const filter = this.scoped(merchantId, { _id: id, 'variants.0': { $exists: false } });
    const { matchedCount } = await this.model.updateOne(filter, { $set: { stock } }).exec();
    if (matchedCount) await this.hooks.menuChanged?.(merchantId);
    return matchedCount > 0;
  }

  /**
   * One variant's stock and/or availability (the owner, or a POS stock feed naming the product by id or by name and
   * the variant by its options or SKU). The product's derived stock follows in the same write. Compare-and-set on
   * the product's variants, retried, so two feeds changing two variants of one product at once both land.
   * Null when the merchant has no such product or the product no such variant.
   */
  async setVariantStock(
    merchantId: MerchantId,
    product: { id: string } | { name: string },
    match: VariantMatch,
    change: VariantStockChange,
  ): Promise<{ before: ProductRecord; after: ProductRecord } | null> {
    const filter = this.scoped(merchantId, 'id' in product ? { _id: new Types.ObjectId(product.id) } : product);
    for (let attempt = 0; attempt < VARIANT_WRITE_ATTEMPTS; attempt++) {
      const current = await this.model.findOne(filter).lean<ProductRecord>().exec();
      if (!current) return null;
      const before = normalized(current);
      const index = findVariantIndex(before.variants, match);
      if (index < 0) return null;
      const variants = before.variants.map((v, i) => (i === index ? applyVariantChange(v, change) : v));
      const fields: StoredProductFields = withVariantTotals({ ...before, variants });
      const update =
        fields.stock === undefined
          ? { $set: { variants, price: fields.price }, $unset: { stock: 1 } }
          : { $set: { variants, price: fields.price, stock: fields.stock } };
      // only if nobody changed the variants since they were read
      const after = await this.model
        .findOneAndUpdate({ ...filter, _id: before._id, variants: current.variants ?? [] }, update, {
          returnDocument: 'after',
        })
        .lean<ProductRecord>()
        .exec();
      if (after) {
        await this.hooks.menuChanged?.(merchantId);
        return { before, after: normalized(after) };
      }
    }
    throw new Error('a variant stock write kept losing to other writes of the same product');
  }
}
