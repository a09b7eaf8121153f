import { formatFen } from '@xiaoer/common/money';
import { freshOrders, type IntakeDetector, type NewAlert, type OrderEvent } from './detector.js';

/** A new paid 外卖 / 线上 order is told at once, so the shop starts on it. */
export function newOrderRule(fresh: OrderEvent[]): NewAlert[] {
  return fresh
    .filter((o) => o.status === 'paid' && (o.channel === '外卖' || o.channel === '线上'))
    .map((o) => ({
      kind: 'new_order' as const,
      key: o.externalId,
      level: 'info' as const,
      title: `新订单：${o.channel} ${formatFen(o.amount)}`,
      body: `订单号 ${o.externalId}，请及时处理。`,
      data: { orderId: o.externalId },
    }));
}

/** Reads nothing: the delivery itself says what is new. */
export const newOrderDetector = (): IntakeDetector => ({
  kind: 'new_order',
  detect: async (ctx, events) => newOrderRule(freshOrders(events, ctx.now)),
});
