// One stock truth: a POS or ERP stock report that names a product on the menu (by name, the owner's alias or a
// variant's SKU) sets that product's or variant's stock, so the bot, drafts and group posts speak of what the shop
// counted. A report carrying a shop is that shop's count; the product's (variant's) stock is the sum over shops.
// Reports are kept per shop with their time: a replay changes nothing, an older report after a newer one is ignored.
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { NameValue, ProductVariant } from './product.model.js';
import type { ProductRepository, StoredProduct } from './product.repository.js';
import type { ShopStockRepository } from './shop-stock.repository.js';

export interface ProductStockReport {
  /** the item's name as the POS calls it */
  name: string;
  sku?: string;
  /** the variant's option values as the POS writes them: "大杯", "黄色 L", "杯型=大杯" */
  variant?: string;
  /** the shop's id, '' when the report names none */
  shop: string;
  quantity: number;
  reportedAt: Date;
}

/** 'unmatched': no product (or no single variant of it) fits; the record stays a stock item for the alerts. */
export type ProductStockOutcome = 'unmatched' | 'unchanged' | 'changed';

const optionsKey = (options: NameValue[]) =>
  options
    .map((o) => `${o.name}=${o.value}`)
    .sort()
    .join(';');

/** The one variant whose options the POS's words name, each word one option (by value, or name=value). */
export function variantNamed(variants: ProductVariant[], words: string): ProductVariant | undefined {
  const tokens = words.split(/[\s/,，、;；+|]+/).filter(Boolean);
  const fits = (o: NameValue, t: string) =>
    t === o.value || t === `${o.name}=${o.value}` || t === `${o.name}:${o.value}`;
  const hits = variants.filter(
    (v) =>
      v.options.length === tokens.length &&
      v.options.every((o) => tokens.some((t) => fits(o, t))) &&
      tokens.every((t) => v.options.some((o) => fits(o, t))),
  );
  return hits.length === 1 ? hits[0] : undefined;
}

function variantOf(product: StoredProduct, r: ProductStockReport): ProductVariant | null | undefined {
  if (!product.variants.length) return null;
  const bySku = r.sku ? product.variants.find((v) => v.sku === r.sku) : undefined;
  return bySku ?? (r.variant ? variantNamed(product.variants, r.variant) : undefined);
}

export class ProductStockSync {
  constructor(
    private d: {
      products: Pick<ProductRepository, 'findForStock' | 'setVariantStock' | 'setProductStock'>;
      shopStock: Pick<ShopStockRepository, 'report' | 'total'>;
    },
  ) {}

  async apply(merchantId: MerchantId, r: ProductStockReport): Promise<ProductStockOutcome> {
    const product = await this.d.products.findForStock(merchantId, { name: r.name, sku: r.sku });
    if (!product) return 'unmatched';
    // null: the product is sold one way; undefined: it has variants and the report names none of them
    const variant = variantOf(product, r);
    if (variant === undefined) return 'unmatched';
    const key = { productId: product._id, variant: variant ? optionsKey(variant.options) : '', shop: r.shop };
    if (!(await this.d.shopStock.report(merchantId, key, r.quantity, r.reportedAt))) return 'unchanged';
    const total = await this.d.shopStock.total(merchantId, product._id, key.variant);
    if ((variant ? variant.stock : product.stock) === total) return 'unchanged';
    if (variant) {
      const match = { options: variant.options };
      await this.d.products.setVariantStock(merchantId, { id: product._id.toHexString() }, match, { stock: total });
    } else await this.d.products.setProductStock(merchantId, product._id, total);
    return 'changed';
  }
}
