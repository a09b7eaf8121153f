import { z } from 'zod';

/** The tags Xiaoer keeps up to date by itself (staff may still add any other tag by hand). */
export const BUILT_IN_AUTO_TAGS = ['新客户', '高价值客户', '7天未消费', '沉睡客户', '流失客户'] as const;

/** A merchant's own rule: customers meeting every condition carry the tag, others lose it. */
export const tagRuleInputSchema = z
  .object({
    tag: z.string().trim().min(1, '请填写标签名').max(30),
    enabled: z.boolean().default(true),
    /** spend over the last 365 days, fen (like every amount on the wire; the console converts what owners type) */
    minSpendFen: z.number().int('金额应以分为单位（整数）').min(0, '金额不能为负').max(1_000_000_000).optional(),
    minVisits: z.number().int().min(1).max(10_000).optional(),
    minIdleDays: z.number().int().min(0).max(3650).optional(),
    maxIdleDays: z.number().int().min(0).max(3650).optional(),
    /** bought this item in the last 365 days */
    boughtItem: z.string().trim().min(1).max(60).optional(),
    /** wrote this word to 微信客服 in the last 90 days */
    keyword: z.string().trim().min(1).max(20).optional(),
  })
  .strict()
  .refine(
    (r) =>
      r.minSpendFen !== undefined ||
      r.minVisits !== undefined ||
      r.minIdleDays !== undefined ||
      r.maxIdleDays !== undefined ||
      r.boughtItem ||
      r.keyword,
    {
      message: '请至少设置一个条件',
    },
  )
  .refine((r) => r.minIdleDays === undefined || r.maxIdleDays === undefined || r.minIdleDays <= r.maxIdleDays, {
    message: '最少未消费天数不能大于最多天数',
    path: ['maxIdleDays'],
  })
  .refine((r) => !(BUILT_IN_AUTO_TAGS as readonly string[]).includes(r.tag), {
    message: '这是小二的内置标签，请换一个名字',
    path: ['tag'],
  });
export type TagRuleInput = z.infer<typeof tagRuleInputSchema>;

/** A rule as the console lists it: as entered, with its id. */
export const tagRuleDtoSchema = z
  .object({
    id: z.string(),
    tag: z.string(),
    enabled: z.boolean(),
    /** fen */
    minSpendFen: z.number().int().optional(),
    minVisits: z.number().int().optional(),
    minIdleDays: z.number().int().optional(),
    maxIdleDays: z.number().int().optional(),
    boughtItem: z.string().optional(),
    keyword: z.string().optional(),
  })
  .strict();
export type TagRuleDto = z.infer<typeof tagRuleDtoSchema>;
