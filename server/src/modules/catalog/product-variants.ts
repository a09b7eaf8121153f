// A product's variants (黄色 L 码; 大杯) are the truth of its price and stock; the product's own `price` and `stock`
// are kept in step with them on every write, so readers that only know products (the menu list, reports, the
// guardrails' price check) still see sensible numbers:
// - price: the lowest variant price (what "from ¥X" means); a product without variants keeps its own price;
// - stock: the sum of the variants' stock when every variant counts stock; absent when any variant does not (the
//   product's total is then unknown, and a sum of the counted ones would read as "only N left");
// - available: the owner's switch for the whole product; a variant has its own.
import type { NameValue, Product, ProductVariant } from './product.model.js';

/** What a product is created or replaced with; `price` may be left out when variants give it. */
export type ProductFields = Omit<Product, 'merchantId' | 'createdAt' | 'updatedAt' | 'price'> &
  Partial<Pick<Product, 'price'>>;

/** The stored fields: every list present, price and stock derived from the variants when there are any. */
export type StoredProductFields = Omit<Product, 'merchantId' | 'createdAt' | 'updatedAt'> &
  Required<Pick<Product, 'variants' | 'attributes' | 'aliases'>>;

export function withVariantTotals(fields: ProductFields): StoredProductFields {
  const variants = fields.variants ?? [];
  const base = { ...fields, variants, attributes: fields.attributes ?? [], aliases: fields.aliases ?? [] };
  if (!variants.length) {
    if (fields.price === undefined) throw new Error('a product without variants needs a price');
    return { ...base, price: fields.price };
  }
  const { stock: _ignored, ...rest } = base;
  const stock = variantStockTotal(variants);
  return { ...rest, price: Math.min(...variants.map((v) => v.price)), ...(stock === undefined ? {} : { stock }) };
}

/** The sum of the variants' stock, or undefined when any of them does not count stock. */
export function variantStockTotal(variants: Pick<ProductVariant, 'stock'>[]): number | undefined {
  let total = 0;
  for (const v of variants) {
    if (typeof v.stock !== 'number') return undefined;
    total += v.stock;
  }
  return total;
}

/** Whether two option lists name the same combination, whatever their order ({尺码:L, 颜色:黄色} = {颜色:黄色, 尺码:L}). */
export function sameOptions(a: NameValue[], b: NameValue[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((x) => b.some((y) => y.name === x.name && y.value === x.value));
}

/** How a stock feed or the owner names one variant: by its options, or by the POS's code. */
export type VariantMatch = { options: NameValue[] } | { sku: string };

export function findVariantIndex(variants: ProductVariant[], match: VariantMatch): number {
  return 'sku' in match
    ? variants.findIndex((v) => v.sku === match.sku)
    : variants.findIndex((v) => sameOptions(v.options, match.options));
}

/** A variant's stock and availability as set by the owner or a stock feed; stock null: no longer counted. */
export interface VariantStockChange {
  stock?: number | null;
  available?: boolean;
}

export function applyVariantChange(variant: ProductVariant, change: VariantStockChange): ProductVariant {
  const next: ProductVariant = { ...variant };
  if (change.stock === null) delete next.stock;
  else if (change.stock !== undefined) next.stock = change.stock;
  if (change.available !== undefined) next.available = change.available;
  return next;
}
