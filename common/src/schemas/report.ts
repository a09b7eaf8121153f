import { z } from 'zod';
import { objectIdSchema } from './common.js';

export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const reportQuerySchema = z
  .object({
    period: z.enum(REPORT_PERIODS).default('day'),
    /** a merchant-local date inside the period (default: the last complete period) */
    date: z.iso.date().optional(),
    /** one shop's orders only (a manager of shops sees one of theirs; default: their first) */
    shopId: objectIdSchema.optional(),
  })
  .strict();

/** A figure with the previous period's value, for "比上期 +12%". */
export const comparedSchema = z
  .object({
    value: z.number(),
    previous: z.number(),
    /** percent change, absent when the previous value was 0 */
    changePct: z.number().optional(),
  })
  .strict();
export type Compared = z.infer<typeof comparedSchema>;

const itemSales = z.object({ name: z.string(), quantity: z.number() }).strict();

export const reportDtoSchema = z
  .object({
    period: z.enum(REPORT_PERIODS),
    /** merchant-local dates, inclusive */
    from: z.string(),
    to: z.string(),
    figures: z
      .object({
        newCustomers: comparedSchema,
        consultations: comparedSchema,
        /** share of 微信客服 questions the bot answered itself, percent */
        aiHandledPct: comparedSchema,
        handoffs: comparedSchema,
        orders: comparedSchema,
        /** fen */
        revenue: comparedSchema,
        /** fen */
        averageOrderValue: comparedSchema,
        /** share of ordering customers who had ordered before, percent */
        returningPct: comparedSchema,
        /** median seconds from a customer's message to the first reply (bot or staff) on 微信客服 */
        firstResponseSeconds: comparedSchema,
        dormantCustomers: z.number(),
      })
      .strict(),
    /** owner alerts raised in the period */
    alerts: z.object({ lowStock: z.number(), expiringStock: z.number(), badReviews: z.number() }).strict(),
    /** revenue in fen */
    topItems: z.array(itemSales.extend({ revenue: z.number() }).strict()),
    slowItems: z.array(itemSales),
    /** proactive messages sent in the period: how many customers wrote back, and bought, within 7 days */
    campaigns: z.object({ sent: z.number(), repliedWithin7Days: z.number(), boughtWithin7Days: z.number() }).strict(),
    /** revenue (fen) and orders per day (the chart) */
    daily: z.array(z.object({ date: z.string(), revenue: z.number(), orders: z.number() }).strict()),
    /**
     * the weekly report's estimate of the next 7 days' revenue (fen): each day the average of the same weekday over
     * the last `weeks` weeks; an estimate, never a promise (absent when switched off or without history)
     */
    forecast: z
      .object({
        weeks: z.number(),
        days: z.array(z.object({ date: z.string(), revenue: z.number() }).strict()),
        total: z.number(),
      })
      .strict()
      .optional(),
    /**
     * the monthly report's figures per staff member (revenue in fen), from the orders (served or rung up) and the
     * completed bookings that name them, highest revenue first (absent when switched off or none names anyone)
     */
    staff: z
      .array(z.object({ name: z.string(), orders: z.number(), services: z.number(), revenue: z.number() }).strict())
      .optional(),
    /** the shop whose orders the figures count; absent: every shop's */
    shop: z.object({ id: z.string(), name: z.string() }).strict().optional(),
    /** the shops this reader may pick from (the console's picker when there are 2+) */
    shops: z.array(z.object({ id: z.string(), name: z.string() }).strict()).optional(),
    /** whether this reader may read every shop's figures together (owners, managers of the whole business) */
    everyShop: z.boolean().optional(),
    summary: z.string(),
    actions: z.array(z.string()),
  })
  .strict();
export type ReportDto = z.infer<typeof reportDtoSchema>;
