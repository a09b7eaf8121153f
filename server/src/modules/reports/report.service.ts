// The daily, weekly and monthly report: customers, consultations and how much the bot handled, orders, revenue,
// items, returning customers, dormant customers and what proactive messages brought in — each against the previous
// period — with a plain-Chinese summary and suggested actions. Served as chart data and sent to owners.
import type { ReportDto, ReportPeriod } from '@xiaoer/common/schemas/report';
import { DORMANT_AFTER_DAYS, LOST_FACTOR } from '@xiaoer/common/constants/lifecycle';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import type { AiDecision } from '../ai/ai-decision.model.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { VisitReader } from '../customers/visit-reader.js';
import type { DraftRepository } from '../outreach/draft.repository.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { AlertService } from '../alerts/alert.service.js';
import type { AppointmentRepository } from '../shop-data/appointment.repository.js';
import { median, responseWaits } from './response-time.js';
import {
  addDays,
  lastCompletePeriod,
  localDates,
  periodContaining,
  previousPeriod,
  type PeriodRange,
} from '../clock/period.js';
import { historyWindow, weekdayHistory } from '../orders/weekday-history.js';
import { cashForecast, FORECAST_WEEKS } from './cash-forecast.js';
import { summarize } from './report-summary.js';

const DAY_MS = 86_400_000;
const counted = (status: string) => status !== 'refunded' && status !== 'cancelled';
const pct = (part: number, whole: number) => (whole ? Math.round((part / whole) * 1000) / 10 : 0);
const compare = (value: number, previous: number) => ({
  value,
  previous,
  ...(previous ? { changePct: Math.round(((value - previous) / previous) * 1000) / 10 } : {}),
});

/** The bot's decisions on 微信客服 in [start, end): who asked and what the bot did. */
export interface KfDecisionsReader {
  kfDecisionsBetween(
    merchantId: MerchantId,
    start: Date,
    end: Date,
  ): Promise<Pick<AiDecision, 'externalUserId' | 'action'>[]>;
}

interface PeriodFigures {
  newCustomers: number;
  consultations: number;
  aiHandledPct: number;
  handoffs: number;
  orders: number;
  revenue: number;
  averageOrderValue: number;
  returningPct: number;
  firstResponseSeconds: number;
}

/**
 * A period still running (today, this week) against the same stretch of the one before — up to the same hour, the
 * same part of the week — not all of it: at noon, half a day's takings are not "down 50%" on a whole day's.
 */
function likeForLike(range: PeriodRange, before: PeriodRange, now: Date): [PeriodRange, PeriodRange] {
  if (now >= range.end || now <= range.start) return [range, before];
  const elapsed = now.getTime() - range.start.getTime();
  const beforeEnd = new Date(Math.min(before.start.getTime() + elapsed, before.end.getTime()));
  return [
    { ...range, end: now },
    { ...before, end: beforeEnd },
  ];
}

/**
 * Orders served and services completed per staff member, highest revenue first; records naming nobody are left out.
 * An order is a booking's checkout when the customer paid the staff member who did their completed booking on that
 * same local day: the two are one visit, counted once — as the service, with what the order took (what was paid)
 * rather than the booking's price. An order naming no customer cannot be told apart, so it counts as an order.
 */
function staffFigures(
  paid: { amount: number; staffName?: string; customerId?: unknown; placedAt: Date }[],
  bookings: { staffName?: string; customerId?: unknown; startAt: Date; amount?: number }[],
  zone: string,
): NonNullable<ReportDto['staff']> {
  const byName = new Map<string, { name: string; orders: number; services: number; revenue: number }>();
  const add = (name: string, change: { orders?: number; services?: number; revenue: number }) => {
    const s = byName.get(name) ?? { name, orders: 0, services: 0, revenue: 0 };
    byName.set(name, {
      name,
      orders: s.orders + (change.orders ?? 0),
      services: s.services + (change.services ?? 0),
      revenue: s.revenue + change.revenue,
    });
  };
  const visit = (staffName: string, customerId: unknown, at: Date) =>
    `${staffName}\u0000${String(customerId)}\u0000${localTime(at, zone).date}`;
  // each booking's price, until an order of that visit pays for it
  const unpaid = new Map<string, number[]>();
  for (const b of bookings) {
    if (!b.staffName) continue;
    add(b.staffName, { services: 1, revenue: b.amount ?? 0 });
    if (!b.customerId) continue;
    const key = visit(b.staffName, b.customerId, b.startAt);
    unpaid.set(key, [...(unpaid.get(key) ?? []), b.amount ?? 0]);
  }
  for (const o of paid) {
    if (!o.staffName) continue;
    const price = o.customerId ? unpaid.get(visit(o.staffName, o.customerId, o.placedAt))?.shift() : undefined;
    if (price !== undefined) add(o.staffName, { revenue: o.amount - price });
    else add(o.staffName, { orders: 1, revenue: o.amount });
  }
  return [...byName.values()].sort((a, b) => b.revenue - a.revenue);
}

export class ReportService {
  constructor(
    private d: {
      orders: OrderRepository;
      /** visits of every kind (orders, bookings, classes, card uses): the dormant customers */
      visits: Pick<VisitReader, 'lastVisitsBetween'>;
      customers: CustomerRepository;
      decisions: KfDecisionsReader;
      drafts: Pick<DraftRepository, 'sentBetween'>;
      knowledge: KnowledgeBaseService;
      kf: Pick<KfRepository, 'inRange' | 'customerMessagesSince'>;
      alerts: Pick<AlertService, 'countsBetween'>;
      /** completed bookings per technician: the month's staff figures */
      appointments: Pick<AppointmentRepository, 'staffBookingsBetween'>;
    },
  ) {}

  /** The report for the period containing `date` (merchant-local), or the last complete one. */
  async build(
    merchantId: MerchantId,
    period: ReportPeriod,
    date?: string,
    now = new Date(),
    /** one shop's orders only (report-scope.ts); customers, consultations and alerts stay the merchant's */
    shop?: { id: string; name: string },
  ): Promise<ReportDto> {
    const kb = await this.d.knowledge.get(merchantId);
    const tz = merchantZone(kb.merchant);
    const range = date ? periodContaining(period, date, tz) : lastCompletePeriod(period, localTime(now, tz).date, tz);
    const shopId = shop?.id;
    const [measured, before] = likeForLike(range, previousPeriod(period, range, tz), now);
    const [{ figures: current, paid }, { figures: previous }] = await Promise.all([
      this.figures(merchantId, measured, shopId),
      this.figures(merchantId, before, shopId),
    ]);
    const sold = new Map<string, { quantity: number; revenue: number }>();
    for (const o of paid) {
      for (const i of o.items) {
        const s = sold.get(i.name) ?? { quantity: 0, revenue: 0 };
        sold.set(i.name, { quantity: s.quantity + i.quantity, revenue: s.revenue + i.quantity * i.unitPrice });
      }
    }
    const topItems = [...sold]
      .map(([name, s]) => ({ name, ...s }))
      .sort((a, b) => b.quantity - a.quantity)
      .slice(0, 5);
    const slowItems = kb.products
      .filter((p) => p.available)
      .map((p) => ({ name: p.name, quantity: sold.get(p.name)?.quantity ?? 0 }))
      .sort((a, b) => a.quantity - b.quantity)
      .slice(0, 3)
      .filter((i) => i.quantity < (topItems[0]?.quantity ?? 1) / 10 || i.quantity === 0);
    const byDay = new Map(localDates(range).map((d) => [d, { date: d, revenue: 0, orders: 0 }]));
    for (const o of paid) {
      const day = byDay.get(localTime(o.placedAt, tz).date);
      if (day) {
        day.revenue += o.amount;
        day.orders++;
      }
    }
    const dormantDays = DORMANT_AFTER_DAYS[kb.merchant.industry];
    const dormant = await this.d.visits.lastVisitsBetween(
      merchantId,
      new Date(range.end.getTime() - dormantDays * LOST_FACTOR * DAY_MS),
      new Date(range.end.getTime() - dormantDays * DAY_MS),
      100_000,
    );
    const alerts = await this.d.alerts.countsBetween(merchantId, range.start, range.end);
    // a finished week's report looks a week ahead, when the owner has the estimate switched on
    const switches = resolveOutreachSettings(kb.merchant.outreach, kb.merchant.industry).scenarios;
    const forecast =
      period === 'week' && range.end <= now && switches.cash_forecast.enabled
        ? await this.forecast(merchantId, range, tz, shopId)
        : undefined;
    // a shop's report counts its own orders' staff; bookings name no shop, so they count in the whole business's
    const staff =
      period === 'month' && switches.staff_performance.enabled
        ? staffFigures(
            paid,
            shopId ? [] : await this.d.appointments.staffBookingsBetween(merchantId, measured.start, measured.end),
            tz,
          )
        : [];
    const figures = Object.fromEntries(
      Object.keys(current).map((k) => [
        k,
        compare(current[k as keyof PeriodFigures], previous[k as keyof PeriodFigures]),
      ]),
    ) as unknown as ReportDto['figures'];
    const report = {
      period,
      from: range.from,
      to: range.to,
      figures: { ...figures, dormantCustomers: dormant.length },
      alerts: {
        lowStock: alerts.low_stock ?? 0,
        expiringStock: alerts.expiring_stock ?? 0,
        badReviews: alerts.bad_review ?? 0,
      },
      topItems,
      slowItems,
      campaigns: await this.campaigns(merchantId, range),
      daily: [...byDay.values()],
      ...(forecast ? { forecast } : {}),
      ...(staff.length ? { staff } : {}),
      ...(shop ? { shop } : {}),
    };
    const { summary, actions } = summarize(report);
    // one shop's report says whose it is: "大学城店：11月30日营业额¥16…"
    return { ...report, summary: shop ? `${shop.name}：${summary}` : summary, actions };
  }

  /** The 7 days after the period, from the same weekdays of the 4 weeks up to its end. */
  private async forecast(merchantId: MerchantId, range: PeriodRange, tz: string, shopId?: string) {
    const next = addDays(range.to, 1);
    const window = historyWindow(next, FORECAST_WEEKS, tz);
    const [orders, firstOrderAt] = await Promise.all([
      this.d.orders.inRange(merchantId, window.start, window.end, shopId),
      this.d.orders.firstOrderAt(merchantId),
    ]);
    return cashForecast(weekdayHistory({ orders, today: next, weeks: FORECAST_WEEKS, zone: tz, firstOrderAt }), next);
  }

  /** A period's figures, and its counted orders (the current period's items and daily bars come from them). */
  private async figures(
    merchantId: MerchantId,
    range: PeriodRange,
    shopId?: string,
  ): Promise<{ figures: PeriodFigures; paid: Awaited<ReturnType<OrderRepository['inRange']>> }> {
    const [newCustomers, decisions, orders, messages] = await Promise.all([
      this.d.customers.countFirstContactBetween(merchantId, range.start, range.end),
      this.d.decisions.kfDecisionsBetween(merchantId, range.start, range.end),
      this.d.orders.inRange(merchantId, range.start, range.end, shopId),
      this.d.kf.inRange(merchantId, range.start, range.end),
    ]);
    const questions = decisions.filter((x) => x.action !== 'opted_out');
    const paid = orders.filter((o) => counted(o.status));
    const revenue = paid.reduce((sum, o) => sum + o.amount, 0);
    const buyerIds = new Map(
      paid.flatMap((o) => (o.customerId ? [[String(o.customerId), o.customerId] as const] : [])),
    );
    const buyers = [...buyerIds.keys()];
    const returning = await this.d.orders.customersWithOrdersBefore(merchantId, [...buyerIds.values()], range.start);
    const figures = {
      newCustomers,
      consultations: new Set(questions.map((x) => x.externalUserId)).size,
      aiHandledPct: pct(questions.filter((x) => x.action === 'sent').length, questions.length),
      handoffs: questions.filter((x) => x.action === 'handoff').length,
      orders: paid.length,
      revenue,
      averageOrderValue: paid.length ? Math.round(revenue / paid.length) : 0,
      returningPct: pct(buyers.filter((id) => returning.has(id)).length, buyers.length),
      firstResponseSeconds: median(responseWaits(messages)),
    };
    return { figures, paid };
  }

  /** Proactive messages sent in the period, and how many of those customers wrote back or bought within 7 days. */
  private async campaigns(merchantId: MerchantId, range: PeriodRange) {
    const sent = await this.d.drafts.sentBetween(merchantId, range.start, range.end);
    if (!sent.length) return { sent: 0, repliedWithin7Days: 0, boughtWithin7Days: 0 };
    // everything the 7-day windows need in three queries, then matched per message
    const earliest = sent.reduce((a, s) => (s.updatedAt < a ? s.updatedAt : a), sent[0]!.updatedAt);
    const customers = await this.d.customers.findManyByIds(
      merchantId,
      sent.map((s) => s.customerId),
    );
    const [orders, messages] = await Promise.all([
      this.d.orders.ofCustomersSince(
        merchantId,
        sent.map((s) => s.customerId),
        earliest,
        { paidOnly: false },
      ),
      this.d.kf.customerMessagesSince(
        merchantId,
        [...customers.values()].flatMap((c) => (c.externalUserId ? [c.externalUserId] : [])),
        earliest,
      ),
    ]);
    const within = (at: Date, from: Date) => at >= from && at.getTime() <= from.getTime() + 7 * DAY_MS;
    let bought = 0;
    let replied = 0;
    for (const s of sent) {
      if (orders.some((o) => String(o.customerId) === String(s.customerId) && within(o.placedAt, s.updatedAt)))
        bought++;
      const who = customers.get(String(s.customerId))?.externalUserId;
      if (who && messages.some((m) => m.externalUserId === who && within(m.sentAt, s.updatedAt))) replied++;
    }
    return { sent: sent.length, repliedWithin7Days: replied, boughtWithin7Days: bought };
  }
}
