import { z } from 'zod';

export const REPORT_PERIODS = ['day', 'week', 'month'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
export const reportQuerySchema = z
  .object({
    period: z.enum(REPORT_PERIODS).default('day'),
    /** a merchant-local date inside the period (default: the last complete period) */
    date: z.iso.date().optional(),
  })
  .strict();

/** A figure with the previous period's value, for "比上期 +12%". */
export interface Compared {
  value: number;
  previous: number;
  /** percent change, absent when the previous value was 0 */
  changePct?: number;
}

export interface ReportDto {
  period: ReportPeriod;
  /** merchant-local dates, inclusive */
  from: string;
  to: string;
  figures: {
    newCustomers: Compared;
    consultations: Compared;
    /** share of 微信客服 questions the bot answered itself, percent */
    aiHandledPct: Compared;
    handoffs: Compared;
    orders: Compared;
    /** fen */
    revenue: Compared;
    averageOrderValue: Compared;
    /** share of ordering customers who had ordered before, percent */
    returningPct: Compared;
    /** median seconds from a customer's message to the first reply (bot or staff) on 微信客服 */
    firstResponseSeconds: Compared;
    dormantCustomers: number;
  };
  /** owner alerts raised in the period */
  alerts: { lowStock: number; expiringStock: number; badReviews: number };
  topItems: { name: string; quantity: number; revenue: number }[];
  slowItems: { name: string; quantity: number }[];
  /** proactive messages sent in the period: how many customers wrote back, and bought, within 7 days */
  campaigns: { sent: number; repliedWithin7Days: number; boughtWithin7Days: number };
  /** revenue per day (the chart) */
  daily: { date: string; revenue: number; orders: number }[];
  summary: string;
  actions: string[];
}
