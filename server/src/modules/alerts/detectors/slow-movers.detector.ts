import type { OrderRepository } from '../../orders/order.repository.js';
import { slowMovers } from '../alert-rules.js';
import { afterReportTime, DAY_MS, type NewAlert, type ScanDetector } from './detector.js';

/** The (up to ten) items on sale that sold fewer than `maxSold` over the window, in one alert for the week. */
export function slowMoversRule(p: {
  menu: { name: string; available: boolean }[];
  sold: Map<string, number>;
  days: number;
  maxSold: number;
  today: string;
}): NewAlert[] {
  const slow = slowMovers(
    p.menu.filter((m) => m.available),
    p.sold,
    p.maxSold,
  ).slice(0, 10);
  if (!slow.length) return [];
  return [
    {
      kind: 'slow_movers',
      key: p.today,
      level: 'info',
      title: `滞销提醒：${slow.length}个商品${p.days}天卖不到${p.maxSold}件`,
      body: `${slow.map((s) => `${s.name}（${s.sold}件）`).join('、')}。建议做个搭配促销、在群里推一推，或考虑下架/退货。`,
      data: { items: slow, days: p.days },
    },
  ];
}

/** Mondays after the report time, once the shop has a whole window of history (a new shop's items are not slow). */
export const slowMoversDetector = (d: {
  orders: Pick<OrderRepository, 'firstOrderAt' | 'itemSalesSince'>;
}): ScanDetector => ({
  kind: 'slow_movers',
  due: (ctx) => ctx.weekday === 1 && afterReportTime(ctx),
  async detect({ merchantId, kb, settings, now, today }) {
    const { days, maxSold } = settings.slow_movers;
    const since = new Date(now.getTime() - days * DAY_MS);
    const first = await d.orders.firstOrderAt(merchantId);
    if (!first || first > since) return [];
    const sold = await d.orders.itemSalesSince(merchantId, since);
    return slowMoversRule({ menu: kb.products, sold, days, maxSold, today });
  },
});
