import { z } from 'zod';
import { LIFECYCLE_STAGES } from '../constants/lifecycle.js';
import { ORDER_STATUSES } from '../constants/orders.js';
import { customerDtoSchema } from './customer.js';

/** The sidebar asks where to send the staff member for WeCom's OAuth (snsapi_base). */
export const oauthUrlQuerySchema = z
  .object({
    corpId: z.string().trim().min(1, '缺少企业ID').max(64),
    redirectUri: z.url('回跳地址不正确').max(1000),
  })
  .strict();

export const externalUserIdParamsSchema = z.object({ externalUserId: z.string().trim().min(1).max(64) }).strict();
export const chatIdParamsSchema = z.object({ chatId: z.string().trim().min(1).max(64) }).strict();
export const scriptFavouriteSchema = z.object({ favourite: z.boolean() }).strict();

export const customerInsightsSchema = z
  .object({
    /** fen, paid orders less refunds */
    totalSpend: z.number().int(),
    visits: z.number().int(),
    lastVisitAt: z.string().optional(),
    /** days between visits on average; absent with fewer than two */
    averageIntervalDays: z.number().optional(),
    favouriteItems: z.array(z.object({ name: z.string(), quantity: z.number() }).strict()),
    lifecycle: z.enum(LIFECYCLE_STAGES),
  })
  .strict();
export type CustomerInsights = z.infer<typeof customerInsightsSchema>;

export const recentOrderDtoSchema = z
  .object({
    id: z.string(),
    placedAt: z.string(),
    channel: z.string(),
    status: z.enum(ORDER_STATUSES),
    /** fen */
    amount: z.number().int(),
    /** "杨枝甘露×2、芋泥波波" */
    items: z.string(),
  })
  .strict();
export type RecentOrderDto = z.infer<typeof recentOrderDtoSchema>;

/** The sidebar's customer: the record, what their orders say about them, and their last few orders. */
export const customerProfileDtoSchema = z
  .object({
    customer: customerDtoSchema,
    insights: customerInsightsSchema,
    recentOrders: z.array(recentOrderDtoSchema),
  })
  .strict();
export type CustomerProfileDto = z.infer<typeof customerProfileDtoSchema>;

export const corpTagGroupDtoSchema = z.object({ groupName: z.string(), tags: z.array(z.string()) }).strict();
export type CorpTagGroupDto = z.infer<typeof corpTagGroupDtoSchema>;

export const groupChatDtoSchema = z
  .object({
    chatId: z.string(),
    name: z.string(),
    notice: z.string().optional(),
    ownerName: z.string(),
    createdAt: z.string(),
    memberCount: z.number().int(),
    /** customers in the group we know */
    knownCustomers: z.array(z.object({ id: z.string(), name: z.string(), tags: z.array(z.string()) }).strict()),
    unknownCustomerCount: z.number().int(),
    staffCount: z.number().int(),
  })
  .strict();
export type GroupChatDto = z.infer<typeof groupChatDtoSchema>;

/** A script's attachment as stored (the fields its kind has). */
export const scriptAttachmentDtoSchema = z
  .object({
    kind: z.enum(['image', 'link', 'miniprogram']),
    url: z.string().optional(),
    title: z.string().optional(),
    appid: z.string().optional(),
    page: z.string().optional(),
  })
  .strict();

export const scriptItemDtoSchema = z
  .object({
    id: z.string(),
    category: z.string(),
    title: z.string(),
    content: z.string(),
    /** pinyin initials of title and content, for search by 首字母 (e.g. "hyc" → 欢迎词) */
    initials: z.string(),
    attachment: scriptAttachmentDtoSchema.optional(),
    usageCount: z.number().int(),
    favourite: z.boolean(),
  })
  .strict();
export type ScriptItemDto = z.infer<typeof scriptItemDtoSchema>;

/** What one tap sends: the text with variables filled, and the attachment ready for sendChatMessage. */
export const scriptUseDtoSchema = z
  .object({
    text: z.string(),
    attachment: scriptAttachmentDtoSchema.extend({ mediaId: z.string().optional() }).strict().optional(),
    usageCount: z.number().int(),
  })
  .strict();
export type ScriptUseDto = z.infer<typeof scriptUseDtoSchema>;
