// The evaluation's shops and questions (server/eval/data/<shop>.shop.json + <shop>.questions.json, written by people
// who never read the engine; format: eval/README.md) and the mapper from a shop file to the product's knowledge model,
// the way an owner's setup or spreadsheet import would store it: yuan → fen, variants, attributes, aliases, facts,
// opening hours and closed weekdays.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Types } from 'mongoose';
import type { Industry } from '@xiaoer/common/constants/industries';
import { indexKnowledge, type KnowledgeBase } from '../src/modules/knowledge/knowledge-base.service.js';
import type { KnownMerchant, KnownProduct, KnownShop } from '../src/modules/knowledge/passages.js';

interface Hours {
  weekdays: number[];
  open: string;
  close: string;
}

export interface EvalShopFile {
  id: string;
  name: string;
  industry: Industry;
  kind: string;
  shops: {
    name: string;
    address: string;
    phone?: string;
    hours: Hours[];
    closedWeekdays?: number[];
    parking?: string;
  }[];
  serviceHours?: Hours;
  holidays?: { date: string; closed: boolean; note?: string }[];
  facts?: Partial<Record<'payment' | 'delivery' | 'booking' | 'couriers' | 'shipFrom' | 'wifi' | 'other', string>>;
  products: {
    name: string;
    category: string;
    price: number;
    aliases?: string[];
    description?: string;
    tags?: string[];
    available?: boolean;
    stock?: number;
    attributes?: Record<string, string>;
    variants?: { options: Record<string, string>; price?: number; stock?: number; available?: boolean }[];
    addons?: { name: string; options: { label: string; price?: number }[] }[];
  }[];
  faqs?: { questions: string[]; answer: string }[];
  policies?: {
    kind: 'refund' | 'delivery' | 'membership' | 'booking' | 'privacy' | 'other';
    title: string;
    content: string;
  }[];
}

export type Expect = 'answer' | 'partial' | 'handoff';

export interface EvalCase {
  id: string;
  split: 'dev' | 'test';
  category: string;
  history?: string[];
  q: string;
  expect: Expect;
  mustInclude?: string[][];
  mustNotInclude?: string[];
  note?: string;
}

export interface EvalShop {
  file: EvalShopFile;
  /** the shop file's text: the fact check's source of truth */
  raw: string;
  cases: EvalCase[];
}

/** The shop file's fact keys as the merchant's fact topics (common/src/constants/shop-facts.ts). */
const FACT_TOPICS: Record<string, string> = {
  payment: 'payment',
  delivery: 'delivery_platforms',
  booking: 'booking',
  couriers: 'couriers',
  shipFrom: 'ship_from',
  wifi: 'wifi',
};

const fen = (yuan: number) => Math.round(yuan * 100);

export function loadEvalShops(dir: string): EvalShop[] {
  const shops: EvalShop[] = [];
  for (const name of readdirSync(dir)
    .filter((f) => f.endsWith('.shop.json'))
    .sort()) {
    const id = name.slice(0, -'.shop.json'.length);
    const raw = readFileSync(join(dir, name), 'utf8');
    let cases: EvalCase[] = [];
    try {
      cases = (JSON.parse(readFileSync(join(dir, `${id}.questions.json`), 'utf8')) as { cases: EvalCase[] }).cases;
    } catch {
      // a shop whose questions are not written yet
    }
    shops.push({ file: JSON.parse(raw) as EvalShopFile, raw, cases });
  }
  return shops;
}

const spans = (hours: Hours[], closed: number[] = []) =>
  hours.flatMap((h) =>
    h.weekdays.filter((d) => !closed.includes(d)).map((weekday) => ({ weekday, open: h.open, close: h.close })),
  );

const sameHours = (a: EvalShopFile['shops'][number], b: EvalShopFile['shops'][number]) =>
  JSON.stringify(spans(a.hours, a.closedWeekdays)) === JSON.stringify(spans(b.hours, b.closedWeekdays));

/**
 * The shop file as the knowledge the engine reads. Opening hours are the merchant's (the first shop's); another shop
 * keeping different hours has them as its own, as the owner's "与总店营业时间不同" stores them.
 */
export function knowledgeFor(shop: EvalShopFile): KnowledgeBase {
  const merchantId = new Types.ObjectId();
  const now = new Date();
  const stamp = { merchantId, createdAt: now, updatedAt: now };
  const first = shop.shops[0]!;
  const merchant: KnownMerchant = {
    _id: merchantId,
    name: shop.name,
    industry: shop.industry,
    timezone: 'Asia/Shanghai',
    businessHours: spans(first.hours, first.closedWeekdays),
    holidays: (shop.holidays ?? []).map((h) => ({ date: h.date, name: h.note ?? '', closed: h.closed })),
    demo: false,
    autoReply: { mode: 'always' },
    facts: Object.entries(shop.facts ?? {}).map(([topic, text]) => ({
      topic: FACT_TOPICS[topic] ?? 'other',
      label: topic === 'other' ? '其他' : undefined,
      text: text!,
    })) as KnownMerchant['facts'],
    serviceHours: shop.serviceHours ? spans([shop.serviceHours]) : undefined,
    createdAt: now,
    updatedAt: now,
  };
  const shops: KnownShop[] = shop.shops.map((s, i) => ({
    _id: new Types.ObjectId(),
    slot: i + 1,
    name: s.name,
    address: s.address || undefined,
    phone: s.phone || undefined,
    parking: s.parking,
    businessHours: sameHours(s, first) ? undefined : spans(s.hours, s.closedWeekdays),
    ...stamp,
  }));
  const products: KnownProduct[] = shop.products.map((p) => ({
    _id: new Types.ObjectId(),
    ...stamp,
    name: p.name,
    category: p.category,
    price: fen(p.price),
    description: p.description,
    tags: p.tags ?? [],
    allergens: [],
    available: p.available ?? true,
    stock: p.stock,
    specs: (p.addons ?? []).map((g) => ({
      name: g.name,
      options: g.options.map((o) => ({ label: o.label, priceDelta: fen(o.price ?? 0) })),
    })),
    aliases: p.aliases ?? [],
    attributes: Object.entries(p.attributes ?? {}).map(([name, value]) => ({ name, value })),
    variants: (p.variants ?? []).map((v) => ({
      options: Object.entries(v.options).map(([name, value]) => ({ name, value })),
      price: fen(v.price ?? p.price),
      stock: v.stock,
      available: v.available ?? v.stock !== 0,
    })),
  }));
  return indexKnowledge({
    merchant,
    shops,
    products,
    faqs: (shop.faqs ?? []).map((f) => ({ ...f, _id: new Types.ObjectId(), ...stamp })),
    // the model has no privacy kind: such a policy is stored as "other"
    policies: (shop.policies ?? []).map((p) => ({
      ...p,
      kind: p.kind === 'privacy' ? ('other' as const) : p.kind,
      _id: new Types.ObjectId(),
      ...stamp,
    })),
  });
}
