import { z } from 'zod';
import { ORDER_CHANNELS, ORDER_STATUSES } from '../constants/orders.js';

/** How a record names its customer: WeCom external userid, phone or member number, tried in that order. */
export const customerRefSchema = z
  .object({
    externalUserId: z.string().trim().max(64).optional(),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号格式不正确')
      .optional(),
    memberNo: z.string().trim().max(32).optional(),
  })
  .strict();
export type CustomerRef = z.infer<typeof customerRefSchema>;

/** A text a record cannot do without: missing, empty or too long each say which. */
export const requiredText = (what: string, max: number) =>
  z
    .string({ message: `缺少${what}` })
    .trim()
    .min(1, `缺少${what}`)
    .max(max, `${what}太长`);
export const recordIdSchema = (what: string) => requiredText(what, 64);
export const timestampSchema = (what: string) =>
  z.iso.datetime({ offset: true, message: `${what}格式不正确（如 2026-11-23T12:30:00+08:00）` });
/** The shop a record belongs to: its id, or its name as the shop's own sheets write it (checked against the merchant's shops). */
export const shopRefSchema = z.string().trim().min(1, '门店不能为空').max(40, '门店太长');
export const fenSchema = z
  .number({ message: '金额必须是数字（单位：分）' })
  .int('金额单位是分，须为整数')
  .min(0, '金额不能为负')
  .max(100_000_000);

/**
 * One order as POS and ERP integrations send it (the webhook and POST /api/intake/orders). Money is in fen (integer),
 * times are ISO 8601 with an offset. The order number is the idempotency key: sending an order again updates it
 * (a later refund, say) and never creates a second one.
 */
export const orderIntakeSchema = z
  .object({
    externalId: recordIdSchema('订单号'),
    placedAt: timestampSchema('下单时间'),
    channel: z.enum(ORDER_CHANNELS, { message: '渠道只能是 堂食、外卖、团购 或 线上' }),
    status: z
      .enum(ORDER_STATUSES, { message: '状态只能是 paid、completed、refunded 或 cancelled' })
      .default('completed'),
    amount: fenSchema,
    items: z
      .array(
        z
          .object({
            name: z.string().trim().min(1, '缺少商品名').max(60),
            quantity: z.number().int().min(1, '数量至少为 1').max(10_000),
            unitPrice: z.number().int().min(0).max(100_000_000),
            specs: z.array(z.string().trim().max(20)).max(10).default([]),
          })
          .strict(),
      )
      .max(200, '一单最多 200 个商品')
      .default([]),
    /** how to find the customer: WeCom external userid, phone or member number, tried in that order */
    customer: customerRefSchema.optional(),
    /** the shop that took the order (multi-shop merchants) */
    shopId: shopRefSchema.optional(),
    /** who served or rang it up (服务员, 收银员, 导购): the monthly report's staff figures */
    staffName: z.string().trim().min(1).max(20).optional(),
  })
  .strict();
export type OrderIntake = z.infer<typeof orderIntakeSchema>;

export const MAX_BATCH = 500;

const fieldErrors = z.record(z.string(), z.string());

export const intakeReportSchema = z
  .object({
    received: z.number().int(),
    created: z.number().int(),
    updated: z.number().int(),
    /** stored, but no customer matched their external id, phone or member number */
    unmatchedCustomers: z.number().int(),
    /** each bad record by its position, with its own id (order number, item, card number ...) when it had one */
    failed: z.array(
      z.object({ index: z.number().int(), externalId: z.string().optional(), errors: fieldErrors }).strict(),
    ),
  })
  .strict();
export type IntakeReport = z.infer<typeof intakeReportSchema>;

/** Spreadsheet import: the report adds the column mapping and row numbers (as the sheet shows them). */
export const importReportSchema = intakeReportSchema
  .omit({ failed: true })
  .extend({
    mapping: z.record(z.string(), z.string()),
    dryRun: z.boolean(),
    failed: z.array(z.object({ row: z.number().int(), errors: fieldErrors }).strict()),
  })
  .strict();
export type ImportReport = z.infer<typeof importReportSchema>;
