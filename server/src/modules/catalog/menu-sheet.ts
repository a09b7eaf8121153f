// The menu / catalogue spreadsheet (common/src/constants/menu-sheet.ts) read into products: one row per sellable
// variant, rows of the same 商品名 grouped into one product whose variants are its rows. Pure: the import service
// validates the products with the shared schema, maps each error back to its row, and writes them.
import {
  ATTRIBUTE_HEADERS,
  ATTRIBUTE_PREFIX,
  MENU_FIELD_HEADERS,
  OPTION_PREFIX,
  VARIANT_OPTION_HEADERS,
} from '@xiaoer/common/constants/menu-sheet';
import { yuanToFen } from '@xiaoer/common/money';

/** A row's number as the sheet shows it (the header is row 1). */
export const sheetRow = (index: number) => index + 2;

const OPTION = 'option:';
const ATTRIBUTE = 'attribute:';
const UNIT = /[（(][^）)]*[）)]/g;
const LIST = /[、,，/|;；]+/;
const PAIRS = /[;；\n]+/;
const YES = new Set(['是', '在售', '上架', '有', 'y', 'yes', 'true', '1']);

/** A header as written, without a unit in brackets or spaces: "价格(元)" → 价格. */
const bare = (header: string) => header.replace(UNIT, '').replace(/\s+/g, '');

/**
 * Which field each column feeds: the caller's mapping first, then the usual headers; option columns become
 * `option:<name>`, attribute columns `attribute:<name>`.
 */
export function menuColumns(headers: string[], custom: Record<string, string> = {}): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const header of headers) {
    const h = bare(header);
    const field =
      custom[header] ??
      MENU_FIELD_HEADERS[h] ??
      ((VARIANT_OPTION_HEADERS as readonly string[]).includes(h) ? OPTION + h : undefined) ??
      ((ATTRIBUTE_HEADERS as readonly string[]).includes(h) ? ATTRIBUTE + h : undefined) ??
      (OPTION_PREFIX.exec(h) ? OPTION + OPTION_PREFIX.exec(h)![1] : undefined) ??
      (ATTRIBUTE_PREFIX.exec(h) ? ATTRIBUTE + ATTRIBUTE_PREFIX.exec(h)![1] : undefined);
    if (field) mapping[header] = field;
  }
  return mapping;
}

type Pair = { name: string; value: string };

/** "颜色=黄色;尺码=L" → pairs; a value alone ("大杯") is named `alone`. */
function pairs(text: string, alone: string): Pair[] {
  return text
    .split(PAIRS)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => {
      const [name, ...rest] = part.split(/[=＝:：]/);
      return rest.length ? { name: name!.trim(), value: rest.join('=').trim() } : { name: alone, value: part };
    });
}

interface RowValues {
  row: number;
  fields: Record<string, string>;
  options: Pair[];
  attributes: Pair[];
  errors: Record<string, string>;
}

function readRow(index: number, cells: Record<string, string>, mapping: Record<string, string>): RowValues {
  const fields: Record<string, string> = {};
  const options: Pair[] = [];
  const attributes: Pair[] = [];
  for (const [header, field] of Object.entries(mapping)) {
    const value = (cells[header] ?? '').trim();
    if (!value) continue;
    if (field.startsWith(OPTION)) options.push({ name: field.slice(OPTION.length), value });
    else if (field.startsWith(ATTRIBUTE)) attributes.push({ name: field.slice(ATTRIBUTE.length), value });
    else if (field === 'options') options.push(...pairs(value, '规格'));
    else if (field === 'attributes') attributes.push(...pairs(value, '说明'));
    else fields[field] = value;
  }
  const errors: Record<string, string> = {};
  if (fields.price !== undefined && yuanToFen(fields.price) === undefined)
    errors.price = `价格「${fields.price}」看不懂，请写数字，如 18 或 16.5`;
  if (fields.stock !== undefined && !/^\d+$/.test(fields.stock.replace(/[,，\s]/g, '')))
    errors.stock = `库存「${fields.stock}」看不懂，请写整数，如 20`;
  return { row: sheetRow(index), fields, options, attributes, errors };
}

/** One product as the sheet gives it: its rows, and the input for the product schema. */
export interface SheetProduct {
  name: string;
  rows: number[];
  /** rows that could not be read: the product is then not imported at all */
  errors: SheetRowError[];
  /** for productInputSchema; `variants[i]` comes from `rows[i]` */
  input: Record<string, unknown>;
}

export interface SheetRowError {
  row: number;
  errors: Record<string, string>;
}

const list = (text?: string) =>
  text
    ? text
        .split(LIST)
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;
const stockOf = (text?: string) => (text === undefined ? undefined : Number(text.replace(/[,，\s]/g, '')));
const yes = (text?: string) => (text === undefined ? undefined : YES.has(text.toLowerCase()));
const union = <T>(items: T[], key: (item: T) => string) =>
  [...new Map(items.reverse().map((item) => [key(item), item])).values()].reverse();

/** The first of the product's rows that says it. */
const first = (rows: RowValues[], field: string) => rows.find((r) => r.fields[field] !== undefined)?.fields[field];

function productOf(name: string, rows: RowValues[], errors: SheetRowError[], has: (field: string) => boolean) {
  const price = (r: RowValues) => (r.fields.price === undefined ? undefined : yuanToFen(r.fields.price));
  const withVariants = rows.some((r) => r.options.length > 0);
  const listOf = (field: string) => [...new Set(rows.flatMap((r) => list(r.fields[field]) ?? []))];
  // only what the sheet has a column for: on a re-import the rest stays as the shop has it
  const input: Record<string, unknown> = {
    name,
    ...(first(rows, 'category') !== undefined ? { category: first(rows, 'category') } : {}),
    ...(has('description') ? { description: first(rows, 'description') } : {}),
    ...(has('aliases') ? { aliases: listOf('aliases') } : {}),
    ...(has('tags') ? { tags: listOf('tags') } : {}),
    ...(has('allergens') ? { allergens: listOf('allergens') } : {}),
    // an attribute given on several rows: the first row's value
    ...(has('attributes')
      ? {
          attributes: union(
            rows.flatMap((r) => r.attributes),
            (a) => a.name,
          ),
        }
      : {}),
  };
  if (withVariants) {
    input.variants = rows.map((r) => ({
      options: r.options,
      ...(price(r) !== undefined ? { price: price(r) } : {}),
      ...(stockOf(r.fields.stock) !== undefined ? { stock: stockOf(r.fields.stock) } : {}),
      ...(yes(r.fields.available) !== undefined ? { available: yes(r.fields.available) } : {}),
      ...(r.fields.sku ? { sku: r.fields.sku } : {}),
    }));
  } else {
    const [row] = rows;
    if (price(row!) !== undefined) input.price = price(row!);
    if (stockOf(row!.fields.stock) !== undefined) input.stock = stockOf(row!.fields.stock);
    if (yes(row!.fields.available) !== undefined) input.available = yes(row!.fields.available);
  }
  return { name, rows: rows.map((r) => r.row), errors, input } satisfies SheetProduct;
}

/**
 * The sheet's products in the order they first appear (each with the errors of its rows: a product with any is not
 * imported at all, so none is half imported), and the rows without a product name.
 */
export function readMenuSheet(
  cells: Record<string, string>[],
  mapping: Record<string, string>,
): { products: SheetProduct[]; unnamed: SheetRowError[] } {
  const fields = new Set(Object.values(mapping));
  const has = (field: string) =>
    field === 'attributes' ? [...fields].some((f) => f === field || f.startsWith(ATTRIBUTE)) : fields.has(field);
  const unnamed: SheetRowError[] = [];
  const groups = new Map<string, RowValues[]>();
  cells.forEach((row, i) => {
    const values = readRow(i, row, mapping);
    const name = values.fields.name;
    if (!name) return unnamed.push({ row: values.row, errors: { name: '请填写商品名称', ...values.errors } });
    groups.set(name, [...(groups.get(name) ?? []), values]);
  });
  const products: SheetProduct[] = [];
  for (const [name, rows] of groups) {
    const errors = rows.filter((r) => Object.keys(r.errors).length).map((r) => ({ row: r.row, errors: r.errors }));
    const withVariants = rows.some((r) => r.options.length > 0);
    for (const r of rows.slice(1)) {
      if (withVariants && !r.options.length)
        errors.push({
          row: r.row,
          errors: { options: `「${name}」的其他行填了规格，这一行也要填（如颜色、尺码、杯型）` },
        });
      if (!withVariants)
        errors.push({
          row: r.row,
          errors: { name: `「${name}」已在第 ${rows[0]!.row} 行出现；同一商品有多种规格时请填上规格列` },
        });
    }
    if (withVariants && !rows[0]!.options.length)
      errors.push({
        row: rows[0]!.row,
        errors: { options: `「${name}」的其他行填了规格，这一行也要填（如颜色、尺码、杯型）` },
      });
    products.push(
      productOf(
        name,
        rows,
        errors.sort((a, b) => a.row - b.row),
        has,
      ),
    );
  }
  return { products, unnamed };
}

/** A product schema issue's path → the sheet row it is about and the field to name: variants[i] → the i-th row. */
export function rowOfIssue(product: SheetProduct, path: PropertyKey[]): { row: number; field: string } {
  if (path[0] === 'variants' && typeof path[1] === 'number' && product.rows[path[1]] !== undefined)
    return { row: product.rows[path[1]]!, field: path.slice(2).map(String).join('.') || 'options' };
  return { row: product.rows[0]!, field: path.map(String).join('.') || '_' };
}
