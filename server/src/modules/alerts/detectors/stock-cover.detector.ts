import type { KnowledgeBase } from '../../knowledge/knowledge-base.service.js';
import type { OrderRepository } from '../../orders/order.repository.js';
import { daysLeft } from '../alert-rules.js';
import { afterReportTime, DAY_MS, type NewAlert, type ScanDetector } from './detector.js';

type Product = Pick<KnowledgeBase['products'][number], 'name' | 'stock'>;
const perDay = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/**
 * The `top` best sellers of the last `days` days whose counted stock lasts fewer than `coverDays` days at that pace,
 * soonest out first, in one alert for the day. A product whose stock is not counted says nothing.
 */
export function stockCoverRule(p: {
  products: Product[];
  sold: Map<string, number>;
  days: number;
  top: number;
  coverDays: number;
  today: string;
}): NewAlert[] {
  const best = p.products
    .filter((x) => (p.sold.get(x.name) ?? 0) > 0)
    .sort((a, z) => p.sold.get(z.name)! - p.sold.get(a.name)! || a.name.localeCompare(z.name))
    .slice(0, p.top);
  const short = best
    .filter((x) => x.stock !== undefined)
    .map((x) => {
      const daily = p.sold.get(x.name)! / p.days;
      return { name: x.name, stock: x.stock!, daily, left: daysLeft(x.stock!, daily)! };
    })
    .filter((x) => x.left < p.coverDays)
    .sort((a, z) => a.left - z.left || a.name.localeCompare(z.name));
  if (!short.length) return [];
  const line = (x: (typeof short)[number]) =>
    x.stock <= 0
      ? `${x.name}已经卖完了（最近${p.days}天每天卖${perDay(x.daily)}件）`
      : x.left === 0
        ? `${x.name}库存${x.stock}件，按最近${p.days}天每天卖${perDay(x.daily)}件，今天就可能卖完`
        : `按最近${p.days}天卖的速度（每天${perDay(x.daily)}件），${x.name}还够卖${x.left}天（库存${x.stock}件）`;
  return [
    {
      kind: 'stock_cover',
      key: p.today,
      level: short[0]!.left <= 1 ? 'urgent' : 'warning',
      title: `畅销品库存不够卖：${short.map((x) => x.name).join('、')}`,
      body: `${short.map(line).join('；')}。建议尽快补货。`,
      data: { days: p.days, items: short },
    },
  ];
}

/** After the report time, once a day. */
export const stockCoverDetector = (d: { orders: Pick<OrderRepository, 'itemSalesSince'> }): ScanDetector => ({
  kind: 'stock_cover',
  due: afterReportTime,
  async detect({ merchantId, kb, settings, now, today }) {
    const { days, top, coverDays } = settings.stock_cover;
    const sold = await d.orders.itemSalesSince(merchantId, new Date(now.getTime() - days * DAY_MS));
    return stockCoverRule({ products: kb.products, sold, days, top, coverDays, today });
  },
});
