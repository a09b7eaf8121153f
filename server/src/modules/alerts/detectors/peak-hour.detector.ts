import type { OrderRepository } from '../../orders/order.repository.js';
import { halfHourSlot } from '../alert-rules.js';
import { freshOrders, MINUTE_MS, type IntakeDetector, type NewAlert } from './detector.js';

/** More than `threshold` orders in the last `minutes`: a rush, told once per half hour. */
export function peakHourRule(p: {
  recent: number;
  threshold: number;
  minutes: number;
  today: string;
  localMinutes: number;
}): NewAlert[] {
  if (p.recent <= p.threshold) return [];
  return [
    {
      kind: 'peak_hour',
      key: `${p.today}T${halfHourSlot(p.localMinutes)}`,
      level: 'warning',
      title: `收银高峰：${p.minutes}分钟${p.recent}笔`,
      body: `最近${p.minutes}分钟来了${p.recent}笔订单，超过${p.threshold}笔，建议马上加派人手收银和出品。`,
      data: { orders: p.recent, minutes: p.minutes },
    },
  ];
}

/** Counted only when the delivery brought fresh orders (an old import is no rush). */
export const peakHourDetector = (d: { orders: Pick<OrderRepository, 'count'> }): IntakeDetector => ({
  kind: 'peak_hour',
  async detect({ merchantId, settings, now, today, localMinutes }, events) {
    if (!freshOrders(events, now).length) return [];
    const { orders: threshold, minutes } = settings.peak_hour;
    const recent = await d.orders.count(merchantId, {
      placedAt: { $gte: new Date(now.getTime() - minutes * MINUTE_MS), $lte: now },
    });
    return peakHourRule({ recent, threshold, minutes, today, localMinutes });
  },
});
