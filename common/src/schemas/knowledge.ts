import { z } from 'zod';

const text = (max: number, message: string) =>
  z.string({ error: message }).trim().min(1, message).max(max, `最多 ${max} 个字`);

export const faqInputSchema = z
  .object({
    questions: z.array(text(100, '问题不能为空')).min(1, '至少填写一个问法').max(20),
    answer: text(1000, '请填写回答'),
  })
  .strict();

export const POLICY_KINDS = ['refund', 'delivery', 'booking', 'membership', 'promotion', 'other'] as const;

export const policyInputSchema = z
  .object({
    kind: z.enum(POLICY_KINDS),
    title: text(50, '请填写标题'),
    content: text(2000, '请填写内容'),
  })
  .strict();

/** An amount of money in fen (1850 = ¥18.50), like every amount on the wire; clients convert what owners type. */
const fen = (max: number, missing?: string) =>
  z
    .number(missing ? { error: missing } : undefined)
    .int('金额应以分为单位（整数）')
    .min(0, '价格不能为负')
    .max(max);

/** A name=value pair: one option of a variant (颜色=黄色) or one attribute of a product (材质=纯棉). */
const pairSchema = (what: string) =>
  z
    .object({
      name: text(20, `${what}名称不能为空`),
      value: text(100, `${what}的值不能为空`),
    })
    .strict();

/**
 * One sellable combination of a product (黄色 L 码; 大杯): its options, its own price in fen and, when the shop counts
 * it, its own stock. A product with variants is sold only as one of them.
 */
export const productVariantSchema = z
  .object({
    options: z.array(pairSchema('规格')).min(1, '请填写规格，如 颜色=黄色').max(5, '一个款式最多 5 项规格'),
    price: fen(10_000_000, '请填写这个规格的价格'),
    stock: z.number().int('库存应为整数').min(0, '库存不能为负').optional(),
    available: z.boolean().default(true),
    /** the POS's code for this variant, when it has one (stock feeds match it) */
    sku: z.string().trim().max(64).optional(),
  })
  .strict();
export type ProductVariantInput = z.infer<typeof productVariantSchema>;

/**
 * One variant's stock or availability (a sale, a restock, 卖完了): the variant named by its options or its SKU; stock
 * null: no longer counted.
 */
export const variantStockUpdateSchema = z
  .object({
    options: z.array(pairSchema('规格')).min(1, '请指明是哪个规格').max(5).optional(),
    sku: z.string().trim().min(1).max(64).optional(),
    stock: z.number().int('库存应为整数').min(0, '库存不能为负').nullable().optional(),
    available: z.boolean().optional(),
  })
  .strict()
  .refine((v) => v.options || v.sku, { message: '请指明是哪个规格', path: ['options'] })
  .refine((v) => v.stock !== undefined || v.available !== undefined, {
    message: '请填写库存或是否在售',
    path: ['stock'],
  });
export type VariantStockUpdate = z.infer<typeof variantStockUpdateSchema>;

/** The key two variants of one product must not share: their options, in order of name. */
export const variantKey = (options: { name: string; value: string }[]) =>
  [...options]
    .sort((a, b) => a.name.localeCompare(b.name))
    .map((o) => `${o.name}=${o.value}`)
    .join(';');

export const productInputSchema = z
  .object({
    name: text(60, '请填写商品名称'),
    category: text(30, '请填写分类'),
    /** with variants: may be left out, the lowest variant price is stored (see the server's product-variants.ts) */
    price: fen(10_000_000, '请填写价格').optional(),
    description: z.string().trim().max(500, '介绍最多 500 个字').optional(),
    /** add-on choice groups (甜度, 加料 +2元): chosen on top of the product or its variant */
    specs: z
      .array(
        z.object({
          name: text(20, '规格名不能为空'),
          options: z
            .array(z.object({ label: text(20, '选项不能为空'), priceDelta: fen(1_000_000).default(0) }))
            .min(1)
            .max(20),
        }),
      )
      .max(10)
      .default([]),
    /** sellable combinations, each with its own price and stock (颜色×尺码, 中杯/大杯) */
    variants: z.array(productVariantSchema).max(200, '一个商品最多 200 个规格组合').default([]),
    /** what the product is: 材质, 产地, 保养, 保质期, 课时, 班级人数, 适合年龄 … (allergens have their own list) */
    attributes: z.array(pairSchema('属性')).max(30, '最多 30 项属性').default([]),
    /** other names customers use for it, as the owner writes them (pinyin and initials are made automatically) */
    aliases: z.array(text(30, '别名不能为空')).max(20, '最多 20 个别名').default([]),
    tags: z.array(text(20, '标签不能为空')).max(10).default([]),
    allergens: z.array(text(20, '过敏原不能为空')).max(10).default([]),
    /** without variants: the product's stock; with variants it is derived from theirs */
    stock: z.number().int('库存应为整数').min(0, '库存不能为负').optional(),
    available: z.boolean().default(true),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.price === undefined && p.variants.length === 0)
      ctx.addIssue({ code: 'custom', path: ['price'], message: '请填写价格' });
    const seen = new Set<string>();
    const skus = new Set<string>();
    p.variants.forEach((v, i) => {
      const key = variantKey(v.options);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'options'], message: `规格「${key}」重复了` });
      seen.add(key);
      // a stock feed names a variant by its code: two with one code would take each other's stock
      if (v.sku && skus.has(v.sku))
        ctx.addIssue({ code: 'custom', path: ['variants', i, 'sku'], message: `编码「${v.sku}」重复了` });
      if (v.sku) skus.add(v.sku);
    });
    const names = p.attributes.map((a) => a.name);
    names.forEach((name, i) => {
      if (names.indexOf(name) !== i)
        ctx.addIssue({ code: 'custom', path: ['attributes', i, 'name'], message: `属性「${name}」填了两次` });
    });
  });

export type FaqInput = z.infer<typeof faqInputSchema>;
export type PolicyInput = z.infer<typeof policyInputSchema>;
export type ProductInput = z.infer<typeof productInputSchema>;

const WEB_ADDRESS = '请填写完整的网址，如 https://…';

/** A script (话术) staff send with one tap; its variables (SCRIPT_VARIABLES) are filled for the customer at hand. */
export const scriptInputSchema = z
  .object({
    category: text(20, '请填写分类'),
    title: text(40, '请填写标题'),
    content: text(1000, '请填写内容'),
    attachment: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('image'), url: z.url(WEB_ADDRESS) }),
        z.object({ kind: z.literal('link'), title: text(60, '请填写链接标题'), url: z.url(WEB_ADDRESS) }),
        z.object({
          kind: z.literal('miniprogram'),
          title: text(60, '请填写卡片标题'),
          appid: text(40, '请填写小程序 AppID'),
          page: text(200, '请填写页面路径'),
        }),
      ])
      .optional(),
  })
  .strict();
export type ScriptInput = z.infer<typeof scriptInputSchema>;

/** What a script's variables become when staff send it (the sidebar's one tap, the console's preview). */
export interface ScriptValues {
  /** the customer's remark or name (您 without a customer) */
  customer: string;
  /** the shop's name */
  shop: string;
  /** the customer's favourite item on sale, else a new or best-selling one */
  recommended: string;
}

/** The variables a script may use, each with what it is filled with. */
export const SCRIPT_VARIABLES = [
  { token: '{客户称呼}', hint: '客户的备注名或昵称', value: 'customer' },
  { token: '{店名}', hint: '你的店名', value: 'shop' },
  { token: '{推荐商品}', hint: '客户常买且在售的，或新品/爆款', value: 'recommended' },
] as const satisfies readonly { token: string; hint: string; value: keyof ScriptValues }[];

/** The script's text as the customer receives it (split/join, not replaceAll: the mini-program targets ES2020). */
export const fillScript = (content: string, values: ScriptValues): string =>
  SCRIPT_VARIABLES.reduce((text, v) => text.split(v.token).join(values[v.value]), content);

export const knowledgeImportSchema = z
  .object({
    format: z.enum(['csv', 'xlsx']),
    /** the CSV text, or the .xlsx file in base64 */
    content: z.string().min(1, '文件是空的').max(1_000_000),
    /** column header → field, when the sheet's headers are not the usual ones */
    mapping: z.record(z.string().max(40), z.string().max(40)).optional(),
    dryRun: z.boolean().default(false),
  })
  .strict();

/** What a spreadsheet import did (or, in a dry run, would do), row by row as the sheet numbers them. */
export const knowledgeImportReportSchema = z
  .object({
    /** column header → field */
    mapping: z.record(z.string(), z.string()),
    rows: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    failed: z.array(z.object({ row: z.number().int(), errors: z.record(z.string(), z.string()) }).strict()),
    /**
     * The menu import: each product with the sheet rows it came from and what became of it (a product with a wrong
     * row is not imported at all: `failed`).
     */
    items: z
      .array(
        z
          .object({
            name: z.string(),
            rows: z.array(z.number().int()),
            result: z.enum(['created', 'updated', 'failed']),
          })
          .strict(),
      )
      .optional(),
    dryRun: z.boolean(),
  })
  .strict();
export type KnowledgeImportReport = z.infer<typeof knowledgeImportReportSchema>;
