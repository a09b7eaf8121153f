import type { OrderRepository } from '../../orders/order.repository.js';
import { DAY_MS, freshOrders, type IntakeDetector, type NewAlert } from './detector.js';

const HOUR_MS = 3_600_000;

/**
 * Items whose last hour sold at least `minUnits` and over `multiple` times their usual for that hour (the average of
 * the same hour over the past days). An item with no sales at that hour before has no normal to compare with.
 */
export function salesSpikeRule(p: {
  lastHour: Map<string, number>;
  /** units sold per item in the same hour of each past day, summed */
  pastTotal: Map<string, number>;
  days: number;
  multiple: number;
  minUnits: number;
  today: string;
}): NewAlert[] {
  const alerts: NewAlert[] = [];
  for (const [name, sold] of p.lastHour) {
    const usual = (p.pastTotal.get(name) ?? 0) / p.days;
    if (!usual || sold < p.minUnits || sold <= usual * p.multiple) continue;
    const times = Math.floor((sold / usual) * 10) / 10;
    alerts.push({
      kind: 'sales_spike',
      key: `${p.today}:${name}`,
      level: 'warning',
      title: `爆单预警：${name}一小时卖了${sold}件`,
      body: `${name}最近一小时卖了${sold}件，是过去${p.days}天同一时段平均（${Math.round(usual * 10) / 10}件）的${times}倍。建议看看库存够不够、及时补货或调配。`,
      data: { item: name, sold, usual, days: p.days },
    });
  }
  return alerts;
}

/** On each delivery of fresh orders: the last hour's sales per item against the same hour of the past `days` days. */
export const salesSpikeDetector = (d: { orders: Pick<OrderRepository, 'itemSalesBetween'> }): IntakeDetector => ({
  kind: 'sales_spike',
  async detect({ merchantId, settings, now, today }, events) {
    if (!freshOrders(events, now).length) return [];
    const { multiple, days, minUnits } = settings.sales_spike;
    const hourAgo = new Date(now.getTime() - HOUR_MS);
    const lastHour = await d.orders.itemSalesBetween(merchantId, hourAgo, now);
    const names = [...lastHour].filter(([, sold]) => sold >= minUnits).map(([name]) => name);
    if (!names.length) return [];
    const past = await Promise.all(
      Array.from({ length: days }, (_, i) =>
        d.orders.itemSalesBetween(
          merchantId,
          new Date(hourAgo.getTime() - (i + 1) * DAY_MS),
          new Date(now.getTime() - (i + 1) * DAY_MS),
          names,
        ),
      ),
    );
    const pastTotal = new Map<string, number>();
    for (const day of past) for (const [name, sold] of day) pastTotal.set(name, (pastTotal.get(name) ?? 0) + sold);
    return salesSpikeRule({ lastHour, pastTotal, days, multiple, minUnits, today });
  },
});
