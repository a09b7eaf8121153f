import type { OrderRepository } from '../../orders/order.repository.js';
import { afterReportTime, DAY_MS, type NewAlert, type ScanDetector } from './detector.js';

const pct = (rate: number) => `${Math.round(rate * 100)}%`;

/**
 * Items refunded at `maxRate` or more and at least twice the shop's overall rate, among items that sold `minSold`
 * or more (a few units make no rate): the problem products, worst first, in one alert for the week.
 */
export function returnRateRule(p: {
  rows: { name: string; sold: number; returned: number }[];
  days: number;
  maxRate: number;
  minSold: number;
  today: string;
}): NewAlert[] {
  const sold = p.rows.reduce((n, r) => n + r.sold, 0);
  const overall = sold ? p.rows.reduce((n, r) => n + r.returned, 0) / sold : 0;
  const bad = p.rows
    .filter((r) => r.sold >= p.minSold)
    .map((r) => ({ ...r, rate: r.returned / r.sold }))
    .filter((r) => r.rate >= p.maxRate && r.rate >= 2 * overall)
    .sort((a, z) => z.rate - a.rate || a.name.localeCompare(z.name))
    .slice(0, 10);
  if (!bad.length) return [];
  return [
    {
      kind: 'return_rate',
      key: p.today,
      level: 'warning',
      title: `退货率异常：${bad.length}个商品`,
      body: `近${p.days}天${bad.map((r) => `${r.name}退了${r.returned}/${r.sold}件（${pct(r.rate)}）`).join('、')}，全店平均${pct(overall)}。建议查看这些商品的差评和退货原因，核对描述、尺码和质量。`,
      data: { items: bad, overall, days: p.days },
    },
  ];
}

/** Mondays after the report time. */
export const returnRateDetector = (d: { orders: Pick<OrderRepository, 'itemReturnsSince'> }): ScanDetector => ({
  kind: 'return_rate',
  due: (ctx) => ctx.weekday === 1 && afterReportTime(ctx),
  async detect({ merchantId, settings, now, today }) {
    const { days, maxRate, minSold } = settings.return_rate;
    const rows = await d.orders.itemReturnsSince(merchantId, new Date(now.getTime() - days * DAY_MS));
    return returnRateRule({ rows, days, maxRate, minSold, today });
  },
});
