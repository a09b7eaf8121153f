// The owner-facing scenarios. Some act the moment data arrives (a bad review, a rush of orders, a new online order,
// stock falling below its line); the rest are found by the alert scan every few minutes (stock and expiry, orders
// waiting too long, slow movers on Mondays, holidays a week ahead, tomorrow's weather). Every alert has a key that makes it happen once:
// an item's level per day, a review, an order, a half hour, a week, a festival.
import { FESTIVALS } from '@xiaoer/common/constants/scenarios';
import type { Industry } from '@xiaoer/common/constants/industries';
import { resolveOutreachSettings, type OutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { Types } from 'mongoose';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, toMinutes, merchantZone } from '../ai/business-hours.js';
import type { IntakeEvent } from '../intake/intake-kind.js';
import type { KnowledgeBase, KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { CustomerRecord, CustomerRepository } from '../customers/customer.repository.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { addDays } from '../reports/period.js';
import type { ShopData } from '../shop-data/shop-data.js';
import type { StockItem } from '../shop-data/stock.model.js';
import {
  batchesOnHand,
  daysLeft,
  expiringBy,
  halfHourSlot,
  reviewReply,
  reviewTopics,
  slowMovers,
  stockSeverity,
} from './alert-rules.js';
import type { WeatherService } from '../weather/weather.service.js';
import { describeDay, OWNER_ADVICE, SIGNAL_NAMES } from '../weather/weather-signals.js';
import type { AlertService, NewAlert } from './alert.service.js';

const DAY_MS = 86_400_000;
/** the window sales are averaged over for stock cover */
const SALES_WINDOW_DAYS = 14;
/** older data arriving late (an import of last month) is history, not news */
const NEWS_WINDOW_MS = 30 * 60_000;
const yuan = (fen: number) => `¥${(fen / 100).toFixed(fen % 100 ? 2 : 0)}`;

const HOLIDAY_ADVICE: Record<Industry, string> = {
  餐饮: '建议提前备好原料和包材、排好人手，并在客户群预告节日活动。',
  零售: '建议提前补货热销款、布置节日陈列，并在VIP群预告新品和优惠。',
  电商: '建议提前备货、确认快递截单时间，并提前预告活动。',
  本地服务: '建议提前排好技师档期，在客户群开放节日预约。',
  教育培训: '如有停课，建议提前一周通知家长停课安排和假期作业。',
};

interface Ctx {
  merchantId: MerchantId;
  kb: KnowledgeBase;
  settings: OutreachSettings['scenarios'];
  now: Date;
  today: string;
  localMinutes: number;
}

export class OwnerAlertsService {
  constructor(
    private d: {
      alerts: AlertService;
      knowledge: KnowledgeBaseService;
      orders: OrderRepository;
      shopData: ShopData;
      customers: Pick<CustomerRepository, 'findManyByExternalUserIds'>;
      kf: Pick<KfRepository, 'waitingForStaff'>;
      weather: Pick<WeatherService, 'tomorrow'>;
    },
  ) {}

  /** A customer deleted a staff member: the owner hears who, and what they were worth to the shop. */
  async customerLeft(
    merchantId: MerchantId,
    customer: CustomerRecord,
    staffName: string,
    now = new Date(),
  ): Promise<void> {
    const ctx = await this.context(merchantId, now);
    if (!ctx.settings.customer_left.enabled) return;
    const paid = (await this.d.orders.forCustomer(merchantId, customer._id)).filter(
      (o) => o.status !== 'refunded' && o.status !== 'cancelled',
    );
    const name = customer.remark || customer.name;
    const history = paid.length
      ? `TA来过${paid.length}次，共消费${yuan(paid.reduce((s, o) => s + o.amount, 0))}，上次是${localTime(paid[0]!.placedAt, merchantZone(ctx.kb.merchant)).date}。`
      : '还没有在店里消费过。';
    await this.d.alerts.raise(
      merchantId,
      [
        {
          kind: 'customer_left',
          key: `${customer._id.toHexString()}:${ctx.today}`,
          level: paid.length >= 3 ? 'warning' : 'info',
          title: `客户删除了员工：${name}`,
          body: `${name}刚刚删除了${staffName}的企业微信。${history}可以看看最近的服务或订单有没有问题。`,
          data: { customerId: customer._id.toHexString(), staffName },
        },
      ],
      now,
    );
    await this.d.alerts.deliverPending(merchantId, now);
  }

  /** Right after intake: judges what just arrived, raises what is due and tells the owner. */
  async onIntake(merchantId: MerchantId, events: IntakeEvent[], now = new Date()): Promise<void> {
    const ctx = await this.context(merchantId, now);
    const { settings } = ctx;
    const alerts: NewAlert[] = [];
    const orders = events.filter((e) => e.type === 'order');
    const fresh = orders.filter((o) => o.created && now.getTime() - o.placedAt.getTime() < NEWS_WINDOW_MS);
    if (settings.new_order.enabled) {
      for (const o of fresh.filter((o) => o.status === 'paid' && (o.channel === '外卖' || o.channel === '线上'))) {
        alerts.push({
          kind: 'new_order',
          key: o.externalId,
          level: 'info',
          title: `新订单：${o.channel} ${yuan(o.amount)}`,
          body: `订单号 ${o.externalId}，请及时处理。`,
          data: { orderId: o.externalId },
        });
      }
    }
    if (settings.peak_hour.enabled && fresh.length) alerts.push(...(await this.peak(ctx)));
    const reviewIds = events.flatMap((e) => (e.type === 'review' && e.created ? [e.reviewId] : []));
    if (settings.bad_review.enabled && reviewIds.length) alerts.push(...(await this.badReviews(ctx, reviewIds)));
    const items = [...new Set(events.flatMap((e) => (e.type === 'stock' ? [e.item] : [])))];
    if (settings.low_stock.enabled && items.length) alerts.push(...(await this.lowStock(ctx, items)));
    if (alerts.length && (await this.d.alerts.raise(merchantId, alerts, now)))
      await this.d.alerts.deliverPending(merchantId, now);
  }

  /** The periodic part; scheduled news (expiry, slow movers, holidays) waits for the owner's report time. */
  async scan(merchantId: MerchantId, now = new Date()): Promise<number> {
    const ctx = await this.context(merchantId, now);
    const { settings } = ctx;
    const morning = ctx.localMinutes >= toMinutes(settings.daily_report.at);
    const found = await Promise.all([
      settings.low_stock.enabled ? this.lowStock(ctx) : [],
      settings.order_timeout.enabled ? this.orderTimeouts(ctx) : [],
      settings.expiring_stock.enabled && morning ? this.expiring(ctx) : [],
      settings.slow_movers.enabled && morning ? this.slowMoving(ctx) : [],
      settings.holiday_prep.enabled && morning ? this.holidays(ctx) : [],
      settings.handoff_waiting.enabled ? this.handoffsWaiting(ctx) : [],
      settings.weather_prep.enabled && ctx.localMinutes >= toMinutes(settings.weather_prep.at)
        ? this.weatherTomorrow(ctx)
        : [],
    ]);
    const raised = await this.d.alerts.raise(merchantId, found.flat(), now);
    await this.d.alerts.deliverPending(merchantId, now); // new ones, and any an earlier attempt failed to tell
    return raised;
  }

  private async context(merchantId: MerchantId, now: Date): Promise<Ctx> {
    const kb = await this.d.knowledge.get(merchantId);
    const local = localTime(now, merchantZone(kb.merchant));
    return {
      merchantId,
      kb,
      settings: resolveOutreachSettings(kb.merchant.outreach, kb.merchant.industry).scenarios,
      now,
      today: local.date,
      localMinutes: local.minutes,
    };
  }

  private async peak({ merchantId, settings, now, today, localMinutes }: Ctx): Promise<NewAlert[]> {
    const { orders: threshold, minutes } = settings.peak_hour;
    const recent = await this.d.orders.count(merchantId, {
      placedAt: { $gte: new Date(now.getTime() - minutes * 60_000), $lte: now },
    });
    if (recent <= threshold) return [];
    return [
      {
        kind: 'peak_hour',
        key: `${today}T${halfHourSlot(localMinutes)}`,
        level: 'warning',
        title: `收银高峰：${minutes}分钟${recent}笔`,
        body: `最近${minutes}分钟来了${recent}笔订单，超过${threshold}笔，建议马上加派人手收银和出品。`,
        data: { orders: recent, minutes },
      },
    ];
  }

  private async badReviews({ merchantId, settings, now }: Ctx, ids: Types.ObjectId[]): Promise<NewAlert[]> {
    const reviews = await this.d.shopData.reviews
      .find({
        merchantId: merchantObjectId(merchantId),
        _id: { $in: ids },
        rating: { $lte: settings.bad_review.maxRating },
        at: { $gte: new Date(now.getTime() - DAY_MS) },
      })
      .lean()
      .exec();
    return reviews.map((r) => {
      const topics = reviewTopics(r.text);
      const reply = reviewReply(topics);
      return {
        kind: 'bad_review',
        key: String(r._id),
        level: 'urgent',
        title: `差评预警：${r.platform} ${r.rating}星`,
        body: [
          `“${r.text.slice(0, 120) || '（没有文字）'}”`,
          topics.length ? `问题：${topics.join('、')}` : '',
          `建议回复：${reply}`,
        ]
          .filter(Boolean)
          .join('\n'),
        data: {
          reviewId: String(r._id),
          platform: r.platform,
          rating: r.rating,
          text: r.text,
          topics,
          reply,
          ...(r.orderId ? { orderId: r.orderId } : {}),
          ...(r.customerId ? { customerId: String(r.customerId) } : {}),
        },
      };
    });
  }

  /** Items at level 1 or 2; each level of an item is told once a day. */
  private async lowStock({ merchantId, settings, now, today }: Ctx, only?: string[]): Promise<NewAlert[]> {
    const mid = merchantObjectId(merchantId);
    const items = await this.d.shopData.stock
      .find({ merchantId: mid, ...(only ? { name: { $in: only } } : {}) })
      .limit(2000)
      .lean<StockItem[]>()
      .exec();
    // sales only matter for items without both lines of their own, and only theirs are read (intake calls this often)
    const needSales = items.filter((i) => i.low === undefined || i.critical === undefined).map((i) => i.name);
    const sales = needSales.length ? await this.dailySales(merchantId, now, needSales) : new Map<string, number>();
    return items.flatMap((item) => {
      const perDay = sales.get(item.name) ?? 0;
      const severity = stockSeverity(item, perDay, settings.low_stock.coverDays);
      if (!severity) return [];
      const left = daysLeft(item.quantity, perDay);
      const stock = `${item.name}还剩${Math.max(0, item.quantity)}${item.unit}`;
      return [
        {
          kind: 'low_stock' as const,
          key: `${item.name}:${severity}:${today}`,
          level: severity === 2 ? ('urgent' as const) : ('warning' as const),
          title: `${severity === 2 ? (item.quantity <= 0 ? '已售罄' : '库存告急') : '库存偏低'}：${item.name}`,
          body: `${stock}${left !== undefined ? `，按最近日均${Math.round(perDay)}${item.unit}大约还能卖${left}天` : ''}，请尽快补货。`,
          data: {
            item: item.name,
            quantity: item.quantity,
            unit: item.unit,
            severity,
            ...(left !== undefined ? { daysLeft: left } : {}),
          },
        },
      ];
    });
  }

  /** Average units sold per day per item over the last two weeks: sale movements or order lines, whichever saw more. */
  private async dailySales(merchantId: MerchantId, now: Date, items: string[]): Promise<Map<string, number>> {
    const since = new Date(now.getTime() - SALES_WINDOW_DAYS * DAY_MS);
    const [fromOrders, fromMovements] = await Promise.all([
      this.d.orders.itemSalesSince(merchantId, since, items),
      this.d.shopData.movements
        .aggregate<{ _id: string; out: number }>([
          {
            $match: {
              merchantId: merchantObjectId(merchantId),
              at: { $gte: since },
              reason: 'sale',
              item: { $in: items },
            },
          },
          { $group: { _id: '$item', out: { $sum: '$change' } } },
        ])
        .exec(),
    ]);
    const sales = new Map(fromOrders);
    for (const m of fromMovements) sales.set(m._id, Math.max(sales.get(m._id) ?? 0, -m.out));
    return new Map([...sales].map(([name, n]) => [name, n / SALES_WINDOW_DAYS]));
  }

  private async expiring({ merchantId, settings, today }: Ctx): Promise<NewAlert[]> {
    const lastDay = addDays(today, settings.expiring_stock.withinDays);
    const items = await this.d.shopData.stock
      .find({ merchantId: merchantObjectId(merchantId), 'batches.expiresOn': { $lte: lastDay } })
      .limit(2000)
      .lean<StockItem[]>()
      .exec();
    return items.flatMap((item) =>
      expiringBy(batchesOnHand(item.quantity, item.batches), lastDay).map((b) => {
        const expired = b.expiresOn < today;
        return {
          kind: 'expiring_stock' as const,
          key: `${item.name}:${b.batchNo ?? b.expiresOn}`,
          level: expired ? ('urgent' as const) : ('warning' as const),
          title: `${expired ? '已过期' : '临期提醒'}：${item.name}`,
          body: expired
            ? `${item.name}有${b.quantity}${item.unit}已于${b.expiresOn}过期，请立即下架处理。`
            : `${item.name}有${b.quantity}${item.unit}将于${b.expiresOn}到期，建议优先使用，或在客户群做个小促销消耗掉。`,
          data: {
            item: item.name,
            quantity: b.quantity,
            unit: item.unit,
            expiresOn: b.expiresOn,
            ...(b.batchNo ? { batchNo: b.batchNo } : {}),
          },
        };
      }),
    );
  }

  private async orderTimeouts({ merchantId, settings, now }: Ctx): Promise<NewAlert[]> {
    const { minutes } = settings.order_timeout;
    const late = await this.d.orders.paidBetween(
      merchantId,
      new Date(now.getTime() - 3 * DAY_MS),
      new Date(now.getTime() - minutes * 60_000),
    );
    return late.map((o) => {
      const waited = Math.floor((now.getTime() - o.placedAt.getTime()) / 60_000);
      return {
        kind: 'order_timeout' as const,
        key: o.externalId,
        level: 'urgent' as const,
        title: `订单超时：${o.channel} ${yuan(o.amount)}`,
        body: `订单 ${o.externalId} 已经等了${waited >= 120 ? `${Math.floor(waited / 60)}小时` : `${waited}分钟`}还没完成，请尽快${o.channel === '外卖' ? '出餐' : '发货'}。`,
        data: { orderId: o.externalId, waitedMinutes: waited },
      };
    });
  }

  /** Customers handed to a person on 微信客服 and still unanswered: once per customer message. */
  private async handoffsWaiting({ merchantId, settings, now }: Ctx): Promise<NewAlert[]> {
    const { minutes } = settings.handoff_waiting;
    const waiting = await this.d.kf.waitingForStaff(
      merchantId,
      new Date(now.getTime() - 48 * 3600_000),
      new Date(now.getTime() - minutes * 60_000),
    );
    if (!waiting.length) return [];
    const customers = new Map(
      (
        await this.d.customers.findManyByExternalUserIds(
          merchantId,
          waiting.map((s) => s.externalUserId),
        )
      ).map((c) => [c.externalUserId, c]),
    );
    return waiting.map((s) => {
      const c = customers.get(s.externalUserId);
      const name = c?.remark || c?.name || '一位顾客';
      const waited = Math.floor((now.getTime() - s.lastCustomerMessageAt.getTime()) / 60_000);
      return {
        kind: 'handoff_waiting' as const,
        key: `${s.externalUserId}:${s.lastCustomerMessageAt.toISOString()}`,
        level: 'urgent' as const,
        title: `顾客等人工回复：${name}`,
        body: `${name}在微信客服转了人工，已经等了${waited}分钟还没人回复，请尽快在企业微信里接待。`,
        data: {
          externalUserId: s.externalUserId,
          waitedMinutes: waited,
          ...(c ? { customerId: c._id.toHexString() } : {}),
        },
      };
    });
  }

  /** Mondays: the menu items that hardly sold over the window (only once the shop has that much history). */
  private async slowMoving({ merchantId, kb, settings, now, today }: Ctx): Promise<NewAlert[]> {
    if (localTime(now, merchantZone(kb.merchant)).weekday !== 1) return [];
    const { days, maxSold } = settings.slow_movers;
    const since = new Date(now.getTime() - days * DAY_MS);
    const first = await this.d.orders.firstOrderAt(merchantId);
    if (!first || first > since) return [];
    const slow = slowMovers(
      kb.products.filter((p) => p.available),
      await this.d.orders.itemSalesSince(merchantId, since),
      maxSold,
    ).slice(0, 10);
    if (!slow.length) return [];
    return [
      {
        kind: 'slow_movers',
        key: today,
        level: 'info',
        title: `滞销提醒：${slow.length}个商品${days}天卖不到${maxSold}件`,
        body: `${slow.map((s) => `${s.name}（${s.sold}件）`).join('、')}。建议做个搭配促销、在群里推一推，或考虑下架/退货。`,
        data: { items: slow, days },
      },
    ];
  }

  /** Tomorrow's rain, snow, heat or cold snap with what to get ready, told once per day and kind of weather. */
  private async weatherTomorrow({ merchantId, kb, now }: Ctx): Promise<NewAlert[]> {
    const tomorrow = await this.d.weather.tomorrow(merchantId, now);
    if (!tomorrow?.signals.length) return [];
    const { day, signals } = tomorrow;
    return signals.map((signal) => ({
      kind: 'weather_prep' as const,
      key: `${day.date}:${signal}`,
      level: 'info' as const,
      title: `明天${SIGNAL_NAMES[signal]}：${describeDay(day)}`,
      body: OWNER_ADVICE[kb.merchant.industry][signal],
      data: { date: day.date, signal, forecast: describeDay(day) },
    }));
  }

  /** A festival or a closure of the shop's own coming up within the window, told once. */
  private async holidays({ merchantId, kb, settings, today }: Ctx): Promise<NewAlert[]> {
    const lastDay = addDays(today, settings.holiday_prep.daysAhead);
    const own = kb.merchant.holidays.map((h) => ({ date: h.date, name: h.name }));
    const coming = [...FESTIVALS, ...own].filter((f) => f.date > today && f.date <= lastDay);
    const alerts: NewAlert[] = [];
    for (const f of coming) {
      const inDays = Math.round((Date.parse(f.date) - Date.parse(today)) / DAY_MS);
      const lastYear = await this.lastYearAround(merchantId, f.date);
      alerts.push({
        kind: 'holiday_prep',
        key: `${f.date}:${f.name}`,
        level: 'info',
        title: `${f.name}还有${inDays}天`,
        body: [lastYear, HOLIDAY_ADVICE[kb.merchant.industry]].filter(Boolean).join(''),
        data: { date: f.date, name: f.name },
      });
    }
    return alerts;
  }

  /**
   * "去年同期营业额…，卖得最好的是…" from the three days up to the same date last year, when there is history (whole
   * UTC days: a few hours of zone offset do not change the picture).
   */
  private async lastYearAround(merchantId: MerchantId, date: string): Promise<string> {
    const end = new Date(Date.parse(`${Number(date.slice(0, 4)) - 1}${date.slice(4)}T00:00:00Z`) + DAY_MS);
    const start = new Date(end.getTime() - 3 * DAY_MS);
    const orders = (await this.d.orders.inRange(merchantId, start, end)).filter(
      (o) => o.status !== 'refunded' && o.status !== 'cancelled',
    );
    if (!orders.length) return '';
    const revenue = orders.reduce((s, o) => s + o.amount, 0);
    const items = new Map<string, number>();
    for (const o of orders) for (const i of o.items) items.set(i.name, (items.get(i.name) ?? 0) + i.quantity);
    const top = [...items]
      .sort((a, z) => z[1] - a[1])
      .slice(0, 3)
      .map(([n]) => n);
    return `去年同期3天营业额${yuan(revenue)}、${orders.length}单${top.length ? `，卖得最好的是${top.join('、')}` : ''}。`;
  }
}
