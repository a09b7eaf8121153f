// The shop's knowledge as retrievable passages, each with a stable id an answer can cite ("product:<id>").
import { yuanText } from '@xiaoer/common/money';
import type { ProductRecord } from '../catalog/product.repository.js';
import type { MerchantRecord } from '../merchants/merchant.repository.js';
import type { ShopRecord } from '../shops/shop.repository.js';
import type { Faq, Policy } from './faq.model.js';

/**
 * What customers ask beyond a product's name and price: each sellable variant (size, colour, spec) with its own price
 * and stock, attributes, and the names customers use. Read as optional, so the knowledge works with products stored
 * before the catalog carried them.
 */
export interface ProductVariant {
  options: { name: string; value: string }[];
  /** fen */
  price: number;
  stock?: number;
  available: boolean;
}
export interface ProductFacts {
  variants?: ProductVariant[];
  attributes?: { name: string; value: string }[];
  aliases?: string[];
}
export type KnownProduct = ProductRecord & ProductFacts;

/**
 * Customer-facing facts an owner types in setup (common/src/constants/shop-facts.ts): how to pay, delivery platforms,
 * booking, couriers, where and when parcels ship, invoices, wifi, and named others.
 */
export interface ShopFactRecord {
  topic: string;
  label?: string;
  text: string;
}
export interface MerchantFacts {
  facts?: ShopFactRecord[];
  /** when online 客服 answers, when it differs from the shops' hours */
  serviceHours?: { weekday: number; open: string; close: string }[];
}
export type KnownMerchant = MerchantRecord & MerchantFacts;
export type KnownShop = ShopRecord & { parking?: string };

export type Passage =
  | { id: string; kind: 'product'; title: string; text: string; product: KnownProduct }
  | { id: string; kind: 'faq'; title: string; text: string; answer: string }
  | { id: string; kind: 'policy'; title: string; text: string; content: string; policyKind: Policy['kind'] }
  | { id: string; kind: 'shop'; title: string; text: string; shop: KnownShop }
  | { id: string; kind: 'fact'; title: string; text: string; fact: ShopFactRecord };

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

export function describeHours(merchant: MerchantRecord): string {
  const byHours = new Map<string, number[]>();
  for (const span of merchant.businessHours) {
    // a span that closes when it opens runs round the clock (00:00-00:00): say so, not "00:00-00:00"
    const key = span.open === span.close ? '24小时营业' : `${span.open}-${span.close}`;
    byHours.set(key, [...(byHours.get(key) ?? []), span.weekday]);
  }
  return [...byHours]
    .map(([hours, days]) =>
      days.length === 7
        ? `每天 ${hours}`
        : `${days
            .sort()
            .map((d) => WEEKDAYS[d])
            .join('、')} ${hours}`,
    )
    .join('；');
}

/**
 * A variant's options as one label ("黄色L", "大杯少冰"), with a space where two numbers would run together ("黑框G15
 * 58mm", not the 1558 no one sells).
 */
export const optionsLabel = (v: ProductVariant) =>
  v.options
    .map((o) => o.value)
    .reduce((label, value) => `${label}${/\d$/.test(label) && /^\d/.test(value) ? ' ' : ''}${value}`, '');
const variantStock = (v: ProductVariant) =>
  !v.available || v.stock === 0 ? '售罄' : v.stock !== undefined && v.stock <= 5 ? `仅剩${v.stock}件` : '有货';

export function productText(p: KnownProduct): string {
  const specs = p.specs.map(
    (g) =>
      `${g.name}：${g.options.map((o) => (o.priceDelta ? `${o.label}（加${yuanText(o.priceDelta)}元）` : o.label)).join('/')}`,
  );
  const stock =
    !p.available || p.stock === 0 ? '今日已售罄' : p.stock !== undefined && p.stock <= 5 ? `仅剩${p.stock}份` : '有货';
  return [
    `${p.name}`,
    p.category,
    `${yuanText(p.price)}元`,
    p.description,
    ...p.tags,
    ...specs,
    p.allergens.length ? `含${p.allergens.join('、')}` : '',
    ...(p.variants ?? []).map((v) => `${optionsLabel(v)} ${yuanText(v.price)}元 ${variantStock(v)}`),
    ...(p.attributes ?? []).map((a) => `${a.name}：${a.value}`),
    ...(p.aliases ?? []),
    stock,
  ]
    .filter(Boolean)
    .join(' ');
}

export function buildPassages(input: {
  merchant: KnownMerchant;
  shops: KnownShop[];
  products: KnownProduct[];
  faqs: (Faq & { _id: unknown })[];
  policies: (Policy & { _id: unknown })[];
}): Passage[] {
  const hours = describeHours(input.merchant);
  return [
    ...input.products.map((p): Passage => ({
      id: `product:${p._id}`,
      kind: 'product',
      title: p.name,
      text: productText(p),
      product: p,
    })),
    ...input.faqs.map((f): Passage => ({
      id: `faq:${f._id}`,
      kind: 'faq',
      title: f.questions[0]!,
      text: `${f.questions.join(' ')} ${f.answer}`,
      answer: f.answer,
    })),
    ...input.policies.map((p): Passage => ({
      id: `policy:${p._id}`,
      kind: 'policy',
      title: p.title,
      text: `${p.title} ${p.content}`,
      content: p.content,
      policyKind: p.kind,
    })),
    ...input.shops.map((s): Passage => ({
      id: `shop:${s._id}`,
      kind: 'shop',
      title: s.name,
      text: `${s.name} 地址 在哪 位置 ${s.address ?? ''} 电话 ${s.phone ?? ''} 营业时间 几点 开门 关门 ${hours}${s.parking ? ` 停车 ${s.parking}` : ''}`,
      shop: s,
    })),
    ...(input.merchant.facts ?? []).map((f, i): Passage => ({
      id: `fact:${f.topic}${f.topic === 'other' ? `-${i}` : ''}`,
      kind: 'fact',
      title: f.label ?? f.topic,
      text: `${f.label ?? ''} ${f.text}`.trim(),
      fact: f,
    })),
  ];
}
