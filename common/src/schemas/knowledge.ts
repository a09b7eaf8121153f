import { z } from 'zod';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);

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

export const productInputSchema = z
  .object({
    name: text(60, '请填写商品名称'),
    category: text(30, '请填写分类'),
    price: fen(10_000_000, '请填写价格'),
    description: z.string().trim().max(500).optional(),
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
    tags: z.array(text(20, '标签不能为空')).max(10).default([]),
    allergens: z.array(text(20, '过敏原不能为空')).max(10).default([]),
    stock: z.number().int().min(0).optional(),
    available: z.boolean().default(true),
  })
  .strict();

export type FaqInput = z.infer<typeof faqInputSchema>;
export type PolicyInput = z.infer<typeof policyInputSchema>;
export type ProductInput = z.infer<typeof productInputSchema>;

/** A script (话术) staff send with one tap; {客户称呼} and {推荐商品} are filled for the customer at hand. */
export const scriptInputSchema = z
  .object({
    category: text(20, '请填写分类'),
    title: text(40, '请填写标题'),
    content: text(1000, '请填写内容'),
    attachment: z
      .discriminatedUnion('kind', [
        z.object({ kind: z.literal('image'), url: z.url() }),
        z.object({ kind: z.literal('link'), title: text(60, '请填写链接标题'), url: z.url() }),
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

export const SCRIPT_VARIABLES = ['{客户称呼}', '{推荐商品}'] as const;

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
    dryRun: z.boolean(),
  })
  .strict();
export type KnowledgeImportReport = z.infer<typeof knowledgeImportReportSchema>;
