// The catalogue pages' pure parts: products by category and found by any name customers use, one tap's 今日售罄 /
// 恢复供应 as the replacement the server takes, stock as it reads, and the product form typed in yuan and checked with
// the server's own schema.
import { formatFen, yuanToFen } from '@xiaoer/common/money';
import { productInputSchema, type ProductInput } from '@xiaoer/common/schemas/knowledge';
import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import { checkForm, type Checked } from './form-check';

export const CATALOG_EDIT_PAGE = '/pages/catalog/edit';
/** The tags owners pick with one tap; others can be typed. */
export const QUICK_TAGS = ['新品', '爆款'] as const;

type Variant = ProductDto['variants'][number];

/** Sold out today: switched off, or counted and none left. */
export const isSoldOut = (x: { available: boolean; stock?: number }) => !x.available || x.stock === 0;

/** "黄色 / L" */
export const variantLabel = (v: Pick<Variant, 'options'>) => v.options.map((o) => o.value).join(' / ');

/** "库存 12" / "不计库存" */
export const stockText = (x: { stock?: number }) => (x.stock === undefined ? '不计库存' : `库存 ${x.stock}`);

/** "¥18.00" or, with variants of different prices, "¥18.00 起" */
export function priceText(p: ProductDto): string {
  const prices = new Set(p.variants.map((v) => v.price));
  return prices.size > 1 ? `${formatFen(p.price)} 起` : formatFen(p.price);
}

/**
 * The product as the editor sends it back. With variants its price and stock are theirs (the server derives them),
 * so they are left out.
 */
export function inputOf(p: ProductDto): ProductInput {
  // the photo is uploaded on its own, not part of the menu edit
  const { id: _id, price, stock, photoUrl: _photo, ...rest } = p;
  return p.variants.length ? rest : { ...rest, price, ...(stock === undefined ? {} : { stock }) };
}

/** Back on sale: a count of none left would still read as sold out, so it is no longer counted. */
const restocked = <T extends { stock?: number }>(x: T): T => {
  if (x.stock !== 0) return x;
  const { stock: _none, ...rest } = x;
  return rest as T;
};

/**
 * 今日售罄 / 恢复供应 of a whole product: it and each of its variants (the bot answers a product with variants from
 * theirs), as one replacement, so the change history records it and it can be undone.
 */
export function withSoldOut(p: ProductDto, soldOut: boolean): ProductInput {
  const input = inputOf(p);
  const variants = input.variants.map((v) => ({ ...v, available: !soldOut }));
  const product = { ...input, available: !soldOut, variants };
  return soldOut ? product : { ...restocked(product), variants: variants.map(restocked) };
}

/** One variant's 今日售罄 / 恢复供应 as the stock endpoint takes it. */
export function variantSoldOut(v: Variant, soldOut: boolean) {
  return { options: v.options, available: !soldOut, ...(!soldOut && v.stock === 0 ? { stock: null } : {}) };
}

/** A product without variants with its stock set (empty: no longer counted). */
export function withStock(p: ProductDto, stock: number | undefined): ProductInput {
  const { stock: _old, ...input } = inputOf(p);
  return stock === undefined ? input : { ...input, stock };
}

/** A typed stock: a whole number, empty for not counted, or the message to show. */
export function typedStock(text: string): { ok: true; stock?: number } | { ok: false; error: string } {
  const t = text.trim();
  if (t === '') return { ok: true };
  return /^\d{1,7}$/.test(t)
    ? { ok: true, stock: Number(t) }
    : { ok: false, error: '库存请填整数，如 20；不计库存就留空' };
}

/** Whether the product answers to what was typed: its name, category, the owner's aliases or the generated ones. */
export function matches(p: ProductDto, generated: string[], query: string): boolean {
  const q = query.trim().toLowerCase().replace(/\s+/g, '');
  if (!q) return true;
  return [p.name, p.category, ...p.aliases, ...generated].some((name) =>
    name.toLowerCase().replace(/\s+/g, '').includes(q),
  );
}

/**
 * Products by category, each in name order (the server lists the latest changed first: a product tapped sold out
 * would jump to the top under the owner's finger).
 */
export function byCategory(products: ProductDto[]): { category: string; products: ProductDto[] }[] {
  const order = (a: string, b: string) => a.localeCompare(b, 'zh-CN');
  const groups = new Map<string, ProductDto[]>();
  for (const p of [...products].sort((a, b) => order(a.name, b.name)))
    groups.set(p.category, [...(groups.get(p.category) ?? []), p]);
  return [...groups].sort(([a], [b]) => order(a, b)).map(([category, items]) => ({ category, products: items }));
}

// The edit form: what the owner types, as text (prices in yuan).

export interface VariantRow {
  /** "颜色=黄色, 尺码=L" or just "大杯" (one option named 规格) */
  options: string;
  price: string;
  stock: string;
  available: boolean;
  sku?: string;
}
export interface ProductForm {
  name: string;
  category: string;
  price: string;
  stock: string;
  description: string;
  variants: VariantRow[];
  /** one 名称=值 a line */
  attributes: string;
  /** one a line, or separated by commas */
  aliases: string;
  tags: string[];
  available: boolean;
  // kept as they are: the page does not edit them
  specs: ProductDto['specs'];
  allergens: string[];
}

const yuan = (fen: number) => String(fen / 100);
const pairsText = (pairs: { name: string; value: string }[]) => pairs.map((o) => `${o.name}=${o.value}`).join(', ');

export function productForm(p?: ProductDto): ProductForm {
  return {
    name: p?.name ?? '',
    category: p?.category ?? '',
    price: p && !p.variants.length ? yuan(p.price) : '',
    stock: p && !p.variants.length && p.stock !== undefined ? String(p.stock) : '',
    description: p?.description ?? '',
    variants: (p?.variants ?? []).map((v) => ({
      options: pairsText(v.options),
      price: yuan(v.price),
      stock: v.stock === undefined ? '' : String(v.stock),
      available: v.available,
      ...(v.sku ? { sku: v.sku } : {}),
    })),
    attributes: (p?.attributes ?? []).map((a) => `${a.name}=${a.value}`).join('\n'),
    aliases: (p?.aliases ?? []).join('\n'),
    tags: p?.tags ?? [],
    available: p?.available ?? true,
    specs: p?.specs ?? [],
    allergens: p?.allergens ?? [],
  };
}

/** "颜色=黄色, 尺码=L" → pairs; a bare "大杯" is the option 规格=大杯. */
function pairsOf(text: string, bareName?: string) {
  return text
    .split(/[,，、\n]/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const at = part.search(/[=＝:：]/);
      return at < 0
        ? { name: bareName ?? part, value: bareName ? part : '' }
        : { name: part.slice(0, at).trim(), value: part.slice(at + 1).trim() };
    });
}

const lines = (text: string) =>
  text
    .split(/[\n,，、]/)
    .map((s) => s.trim())
    .filter(Boolean);

/** An amount typed in yuan → fen; NaN (refused by the schema) when it is not one, undefined when empty. */
const typedFen = (text: string) => (text.trim() === '' ? undefined : (yuanToFen(text.trim()) ?? Number.NaN));
const typedCount = (text: string) => (text.trim() === '' ? undefined : Number(text.trim()));

/** The form as the server takes it, or each field's message (paths as the server names them: variants.0.price). */
export function checkProduct(form: ProductForm): Checked<typeof productInputSchema> {
  const variants = form.variants.map((v) => ({
    options: pairsOf(v.options, '规格'),
    price: typedFen(v.price),
    ...(typedCount(v.stock) === undefined ? {} : { stock: typedCount(v.stock) }),
    available: v.available,
    ...(v.sku ? { sku: v.sku } : {}),
  }));
  const input = {
    name: form.name,
    category: form.category,
    ...(variants.length ? {} : { price: typedFen(form.price) }),
    ...(form.description.trim() ? { description: form.description } : {}),
    specs: form.specs,
    variants,
    attributes: form.attributes
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean)
      .flatMap((l) => pairsOf(l.replace(/[,，、]/g, ' '))),
    aliases: lines(form.aliases),
    tags: form.tags,
    allergens: form.allergens,
    ...(variants.length || typedCount(form.stock) === undefined ? {} : { stock: typedCount(form.stock) }),
    available: form.available,
  };
  const checked = checkForm(productInputSchema, input);
  if (checked.ok) return checked;
  // a typed amount that is no number reads better than the schema's "expected number"
  if (!variants.length && Number.isNaN(input.price)) checked.errors.price = '价格请填数字，如 18 或 18.5';
  variants.forEach((v, i) => {
    if (Number.isNaN(v.price)) checked.errors[`variants.${i}.price`] = '价格请填数字，如 18 或 18.5';
    if (v.stock !== undefined && Number.isNaN(v.stock)) checked.errors[`variants.${i}.stock`] = '库存请填整数';
  });
  if (Number.isNaN(input.stock)) checked.errors.stock = '库存请填整数';
  return checked;
}
