import { formatFen } from '@xiaoer/common/money';
import type { OrderRecord, OrderRepository } from '../../orders/order.repository.js';
import { DAY_MS, MINUTE_MS, type NewAlert, type ScanDetector } from './detector.js';

type LateOrder = Pick<OrderRecord, 'externalId' | 'channel' | 'amount' | 'placedAt'>;

/** Paid orders still not completed: urgent, once per order. */
export function orderTimeoutRule(late: LateOrder[], now: Date): NewAlert[] {
  return late.map((o) => {
    const waited = Math.floor((now.getTime() - o.placedAt.getTime()) / MINUTE_MS);
    const wait = waited >= 120 ? `${Math.floor(waited / 60)}小时` : `${waited}分钟`;
    return {
      kind: 'order_timeout' as const,
      key: o.externalId,
      level: 'urgent' as const,
      title: `订单超时：${o.channel} ${formatFen(o.amount)}`,
      body: `订单 ${o.externalId} 已经等了${wait}还没完成，请尽快${o.channel === '外卖' ? '出餐' : '发货'}。`,
      data: { orderId: o.externalId, waitedMinutes: waited },
    };
  });
}

/** Orders paid between three days and `minutes` ago and not completed. */
export const orderTimeoutDetector = (d: { orders: Pick<OrderRepository, 'paidBetween'> }): ScanDetector => ({
  kind: 'order_timeout',
  async detect({ merchantId, settings, now }) {
    const late = await d.orders.paidBetween(
      merchantId,
      new Date(now.getTime() - 3 * DAY_MS),
      new Date(now.getTime() - settings.order_timeout.minutes * MINUTE_MS),
    );
    return orderTimeoutRule(late, now);
  },
});
