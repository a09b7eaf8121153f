import { formatFen } from '@xiaoer/common/money';
import { localTime, merchantZone } from '../../clock/business-hours.js';
import type { CustomerRecord } from '../../customers/customer.repository.js';
import type { OrderRecord, OrderRepository } from '../../orders/order.repository.js';
import type { Detector, NewAlert } from './detector.js';

export interface CustomerLeft {
  customer: Pick<CustomerRecord, '_id' | 'name' | 'remark'>;
  staffName: string;
}

/**
 * A customer deleted a staff member: who, and what they were worth to the shop (`orders` newest first). A regular
 * (three paid orders or more) is a warning; told once per customer and day.
 */
export function customerLeftRule(
  { customer, staffName }: CustomerLeft,
  orders: Pick<OrderRecord, 'status' | 'amount' | 'placedAt'>[],
  zone: string,
  today: string,
): NewAlert {
  const paid = orders.filter((o) => o.status !== 'refunded' && o.status !== 'cancelled');
  const name = customer.remark || customer.name;
  const spent = formatFen(paid.reduce((s, o) => s + o.amount, 0));
  const history = paid.length
    ? `TA来过${paid.length}次，共消费${spent}，上次是${localTime(paid[0]!.placedAt, zone).date}。`
    : '还没有在店里消费过。';
  return {
    kind: 'customer_left',
    key: `${customer._id.toHexString()}:${today}`,
    level: paid.length >= 3 ? 'warning' : 'info',
    title: `客户删除了员工：${name}`,
    body: `${name}刚刚删除了${staffName}的企业微信。${history}可以看看最近的服务或订单有没有问题。`,
    data: { customerId: customer._id.toHexString(), staffName },
  };
}

/** Runs on WeCom's contact event, not on the scan. */
export const customerLeftDetector = (d: { orders: Pick<OrderRepository, 'forCustomer'> }): Detector<CustomerLeft> => ({
  kind: 'customer_left',
  async detect({ merchantId, kb, today }, left) {
    const orders = await d.orders.forCustomer(merchantId, left.customer._id);
    return [customerLeftRule(left, orders, merchantZone(kb.merchant), today)];
  },
});
