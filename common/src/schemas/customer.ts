import { z } from 'zod';
import { GENDERS, SOURCE_CHANNELS } from '../constants/customer.js';
import { LIFECYCLE_STAGES } from '../constants/lifecycle.js';
import { isoDateSchema, objectIdSchema, paginationSchema } from './common.js';

export const customerListQuerySchema = paginationSchema
  .extend({
    q: z.string().trim().max(50).optional(),
    tag: z.string().trim().max(30).optional(),
    followStaffId: objectIdSchema.optional(),
    /** the stage the last automatic tagging found */
    lifecycle: z.enum(LIFECYCLE_STAGES).optional(),
  })
  .strict();
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerUpdateSchema = z
  .object({
    remark: z.string().trim().max(50),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号格式不正确'),
    gender: z.enum(GENDERS),
    birthday: isoDateSchema,
    /** the shop's own member / card number, as its POS names the customer */
    memberNo: z.string().trim().min(1, '请填写会员号').max(32, '会员号最多 32 个字符'),
    tags: z.array(z.string().trim().min(1).max(30)).max(50),
    optedOut: z.boolean(),
    /** why the customer is opted out, or why an opt-out is cleared (owner only): kept in the consent log */
    optOutReason: z.string().trim().min(2, '请写明恢复接收的原因').max(200),
  })
  .partial()
  .strict();
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerNoteCreateSchema = z
  .object({ text: z.string().trim().min(1, '请填写跟进内容').max(500) })
  .strict();

export const customerNoteDtoSchema = z
  .object({ text: z.string(), staffId: z.string(), createdAt: z.string() })
  .strict();
export type CustomerNoteDto = z.infer<typeof customerNoteDtoSchema>;

export const consentLogEntryDtoSchema = z
  .object({
    at: z.string(),
    /** a staff id, or `customer` when they wrote 退订 themselves */
    by: z.string(),
    action: z.enum(['opted_out', 'opt_out_cleared']),
    reason: z.string().optional(),
  })
  .strict();
export type ConsentLogEntryDto = z.infer<typeof consentLogEntryDtoSchema>;

/** A customer as both clients show them. */
export const customerDtoSchema = z
  .object({
    id: z.string(),
    externalUserId: z.string().optional(),
    name: z.string(),
    avatar: z.string().optional(),
    remark: z.string().optional(),
    /** masked for staff below manager: 138****5678 */
    phone: z.string().optional(),
    gender: z.enum(GENDERS),
    birthday: z.string().optional(),
    memberNo: z.string().optional(),
    tags: z.array(z.string()),
    /** 新客 / 活跃 / 沉睡 / 流失 as the last automatic tagging found it; absent until it has run */
    lifecycle: z.enum(LIFECYCLE_STAGES).optional(),
    sourceChannel: z.enum(SOURCE_CHANNELS),
    followStaffIds: z.array(z.string()),
    notes: z.array(customerNoteDtoSchema),
    firstContactAt: z.string().optional(),
    lastContactAt: z.string().optional(),
    consentMarketing: z.boolean(),
    optedOut: z.boolean(),
    /** who opted the customer out or cleared it, when and why (managers and owners only) */
    consentLog: z.array(consentLogEntryDtoSchema).optional(),
  })
  .strict();
export type CustomerDto = z.infer<typeof customerDtoSchema>;

/**
 * Where a newest-first page ended: the last entry's time and id ("<ISO time>~<id>"), so entries sharing an instant
 * (an imported sheet's dates are often whole days) are neither repeated nor skipped at a page boundary.
 */
const KEYSET_CURSOR = /^(\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2}))(?:~([0-9a-f]{24}))?$/;
export const keysetCursorSchema = z
  .string()
  .regex(KEYSET_CURSOR, '翻页位置不正确')
  // the pattern takes 2026-13-45T99:99Z; only a real instant may reach a query
  .refine((c) => !Number.isNaN(parseKeysetCursor(c).at.getTime()), '翻页位置不正确');
export const keysetCursor = (at: string, id: string) => `${at}~${id}`;
export function parseKeysetCursor(cursor: string): { at: Date; id?: string } {
  const [, at, id] = KEYSET_CURSOR.exec(cursor) ?? [];
  return { at: new Date(at ?? Number.NaN), ...(id && { id }) };
}

/** One page of a customer's timeline: `cursor` is where the page before ended. */
export const customerTimelineQuerySchema = z
  .object({
    limit: z.coerce.number().int().min(1).max(50).default(20),
    cursor: keysetCursorSchema.optional(),
  })
  .strict();
export type CustomerTimelineQuery = z.infer<typeof customerTimelineQuerySchema>;

export const TIMELINE_KINDS = [
  'order',
  'appointment',
  'attendance',
  'review',
  'message_in',
  'message_out',
  'draft_sent',
] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const timelineEntryDtoSchema = z
  .object({
    kind: z.enum(TIMELINE_KINDS),
    id: z.string(),
    at: z.string(),
    /** what happened, as the shop reads it: 杨枝甘露×2, 预约 剪发, ★★★★ */
    title: z.string(),
    detail: z.string().optional(),
    /** fen, for orders */
    amount: z.number().int().optional(),
  })
  .strict();
export type TimelineEntryDto = z.infer<typeof timelineEntryDtoSchema>;

export const customerTimelineDtoSchema = z
  .object({ items: z.array(timelineEntryDtoSchema), nextCursor: z.string().optional() })
  .strict();

/** Why the shop's proactive messages do not reach a customer now, each reason as the sender weighs it. */
export const CONTACT_BLOCKS = [
  'opted_out',
  'not_wecom_contact',
  'contact_deleted',
  'weekly_cap',
  'daily_cap',
  'cool_down',
  'quiet_hours',
] as const;
export type ContactBlock = (typeof CONTACT_BLOCKS)[number];

export const contactBlockDtoSchema = z
  .object({
    reason: z.enum(CONTACT_BLOCKS),
    text: z.string(),
    /** when it began (the opt-out, the deletion) */
    since: z.string().optional(),
    /** when it ends by itself (the cap frees up, the cool-down, quiet hours) */
    until: z.string().optional(),
    /** the messages that count towards the cap or the cool-down */
    dates: z.array(z.string()).optional(),
  })
  .strict();
export type ContactBlockDto = z.infer<typeof contactBlockDtoSchema>;

export const whyNotContactedDtoSchema = z
  .object({ canContactNow: z.boolean(), blocks: z.array(contactBlockDtoSchema) })
  .strict();
export type WhyNotContactedDto = z.infer<typeof whyNotContactedDtoSchema>;

/** An order whose customer none of ours matched, with what it named them by (managers and owners only). */
export const unmatchedOrderDtoSchema = z
  .object({
    id: z.string(),
    externalId: z.string(),
    placedAt: z.string(),
    channel: z.string(),
    /** fen */
    amount: z.number().int(),
    title: z.string(),
    ref: z
      .object({ externalUserId: z.string().optional(), phone: z.string().optional(), memberNo: z.string().optional() })
      .strict(),
  })
  .strict();
export type UnmatchedOrderDto = z.infer<typeof unmatchedOrderDtoSchema>;

export const unmatchedOrdersDtoSchema = z
  .object({ items: z.array(unmatchedOrderDtoSchema), nextCursor: z.string().optional() })
  .strict();

export const linkOrderSchema = z
  .object({
    customerId: objectIdSchema,
    /** also keep the order's phone / member number on the customer (only where the customer has none) */
    saveIdentifier: z.boolean().default(false),
  })
  .strict();

/** Records besides orders that can name a customer none of ours matched: bookings, and course packages (classes). */
export const UNMATCHED_VISIT_KINDS = ['appointments', 'course-packages'] as const;
export type UnmatchedVisitKind = (typeof UNMATCHED_VISIT_KINDS)[number];

export const unmatchedVisitKindParamsSchema = z.object({ kind: z.enum(UNMATCHED_VISIT_KINDS) }).strict();
export const unmatchedVisitParamsSchema = z
  .object({ kind: z.enum(UNMATCHED_VISIT_KINDS), id: objectIdSchema })
  .strict();

export const unmatchedVisitDtoSchema = z
  .object({
    id: z.string(),
    kind: z.enum(UNMATCHED_VISIT_KINDS),
    externalId: z.string(),
    /** the booking's time; a package's arrival */
    at: z.string(),
    /** 剪发 · 已完成; 钢琴课 · 剩 8 课时 */
    title: z.string(),
    /** fen, where the record has an amount */
    amount: z.number().int().optional(),
    ref: z
      .object({ externalUserId: z.string().optional(), phone: z.string().optional(), memberNo: z.string().optional() })
      .strict(),
  })
  .strict();
export type UnmatchedVisitDto = z.infer<typeof unmatchedVisitDtoSchema>;

export const unmatchedVisitsDtoSchema = z
  .object({ items: z.array(unmatchedVisitDtoSchema), nextCursor: z.string().optional() })
  .strict();

export const linkedVisitDtoSchema = z
  .object({ id: z.string(), customerId: z.string(), saved: z.array(z.enum(['phone', 'memberNo'])) })
  .strict();

export const linkedOrderDtoSchema = z
  .object({ orderId: z.string(), customerId: z.string(), saved: z.array(z.enum(['phone', 'memberNo'])) })
  .strict();
