import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import type { ProductRecord } from './product.repository.js';

const pairs = (list: { name: string; value: string }[]) => list.map(({ name, value }) => ({ name, value }));

/** A product as the menu editor shows it: its id as a string, prices in fen, no tenant or bookkeeping. */
export const presentProduct = (p: ProductRecord): ProductDto => ({
  id: p._id.toHexString(),
  name: p.name,
  category: p.category,
  price: p.price,
  ...(p.description ? { description: p.description } : {}),
  specs: p.specs.map((g) => ({
    name: g.name,
    options: g.options.map((o) => ({ label: o.label, priceDelta: o.priceDelta ?? 0 })),
  })),
  variants: (p.variants ?? []).map((v) => ({
    options: pairs(v.options),
    price: v.price,
    ...(typeof v.stock === 'number' ? { stock: v.stock } : {}),
    available: v.available ?? true,
    ...(v.sku ? { sku: v.sku } : {}),
  })),
  attributes: pairs(p.attributes ?? []),
  aliases: p.aliases ?? [],
  tags: p.tags,
  allergens: p.allergens,
  ...(typeof p.stock === 'number' ? { stock: p.stock } : {}),
  available: p.available,
});
