import type { MerchantId } from '../../../tenancy/merchant-id.js';
import type { OrderRepository } from '../../orders/order.repository.js';
import { daysLeft, stockSeverity } from '../alert-rules.js';
import { DAY_MS, type AlertContext, type IntakeDetector, type NewAlert, type ScanDetector } from './detector.js';
import type { SaleMovementReader, StockLevelRow, StockReader } from './readers.js';

/** the window sales are averaged over for stock cover */
const SALES_WINDOW_DAYS = 14;

/**
 * Items at level 1 or 2, each level of an item told once a day. `dailySales` only needs the items without both
 * lines of their own.
 */
export function lowStockRule(
  items: StockLevelRow[],
  dailySales: Map<string, number>,
  coverDays: number,
  today: string,
): NewAlert[] {
  return items.flatMap((item) => {
    const perDay = dailySales.get(item.name) ?? 0;
    const severity = stockSeverity(item, perDay, coverDays);
    if (!severity) return [];
    const left = daysLeft(item.quantity, perDay);
    const stock = `${item.name}还剩${Math.max(0, item.quantity)}${item.unit}`;
    const lasts = left !== undefined ? `，按最近日均${Math.round(perDay)}${item.unit}大约还能卖${left}天` : '';
    return [
      {
        kind: 'low_stock' as const,
        key: `${item.name}:${severity}:${today}`,
        level: severity === 2 ? ('urgent' as const) : ('warning' as const),
        title: `${severity === 2 ? (item.quantity <= 0 ? '已售罄' : '库存告急') : '库存偏低'}：${item.name}`,
        body: `${stock}${lasts}，请尽快补货。`,
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

/**
 * Average units sold per day per item over the window: sale movements or order lines, whichever saw more (a shop
 * may report either, or both for the same sales).
 */
export function dailySalesRate(
  fromOrders: Map<string, number>,
  fromMovements: Map<string, number>,
  windowDays: number,
): Map<string, number> {
  const sales = new Map(fromOrders);
  for (const [item, n] of fromMovements) sales.set(item, Math.max(sales.get(item) ?? 0, n));
  return new Map([...sales].map(([name, n]) => [name, n / windowDays]));
}

/** The scan looks at every item; intake only at the items a delivery changed. */
export function lowStockDetectors(d: {
  stock: Pick<StockReader, 'list'>;
  movements: SaleMovementReader;
  orders: Pick<OrderRepository, 'itemSalesSince'>;
}): { scan: ScanDetector; intake: IntakeDetector } {
  const dailySales = async (merchantId: MerchantId, now: Date, items: string[]) => {
    const since = new Date(now.getTime() - SALES_WINDOW_DAYS * DAY_MS);
    const [fromOrders, fromMovements] = await Promise.all([
      d.orders.itemSalesSince(merchantId, since, items),
      d.movements.unitsSoldSince(merchantId, since, items),
    ]);
    return dailySalesRate(fromOrders, fromMovements, SALES_WINDOW_DAYS);
  };
  const find = async (ctx: AlertContext, only?: string[]) => {
    const items = await d.stock.list(ctx.merchantId, only);
    // sales only matter for items without both lines of their own, and only theirs are read (intake calls this often)
    const needSales = items.filter((i) => i.low === undefined || i.critical === undefined).map((i) => i.name);
    const sales = needSales.length ? await dailySales(ctx.merchantId, ctx.now, needSales) : new Map<string, number>();
    return lowStockRule(items, sales, ctx.settings.low_stock.coverDays, ctx.today);
  };
  return {
    scan: { kind: 'low_stock', detect: (ctx) => find(ctx) },
    intake: {
      kind: 'low_stock',
      async detect(ctx, events) {
        const items = [...new Set(events.flatMap((e) => (e.type === 'stock' ? [e.item] : [])))];
        return items.length ? find(ctx, items) : [];
      },
    },
  };
}
