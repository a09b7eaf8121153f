// Orders that named a customer none of ours matched (a phone or member number the shop never recorded): listed with
// what they named, for a manager or the owner to link by hand — and, when asked, the order's phone or member number
// kept on the customer (only where they have none), so the next order from the POS finds them by itself.
import { keysetCursor, parseKeysetCursor, type UnmatchedOrderDto } from '@xiaoer/common/schemas/customer';
import type { Session } from '../../auth/session.js';
import { notFound } from '../../errors/app-error.js';
import type { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { OrderRecord, OrderRepository } from '../orders/order.repository.js';
import type { CustomerRepository } from './customer.repository.js';

export interface UnmatchedOrdersDeps {
  orders: Pick<OrderRepository, 'unmatched' | 'linkCustomer'>;
  customers: Pick<CustomerRepository, 'findById' | 'fillIfMissing'>;
  audit: {
    record(merchantId: MerchantId, entry: { actor: AuditActor; action: string; target?: string }): Promise<void>;
  };
}

const present = (o: OrderRecord): UnmatchedOrderDto => ({
  id: String(o._id),
  externalId: o.externalId,
  placedAt: o.placedAt.toISOString(),
  channel: o.channel,
  amount: o.amount,
  title: o.items.map((i) => `${i.name}×${i.quantity}`).join('、') || '订单',
  ref: { ...o.customerRef },
});

export async function listUnmatchedOrders(
  d: UnmatchedOrdersDeps,
  merchantId: MerchantId,
  page: { limit: number; cursor?: string },
): Promise<{ items: UnmatchedOrderDto[]; nextCursor?: string }> {
  const { at: before, id: beforeId } = page.cursor ? parseKeysetCursor(page.cursor) : { at: new Date(8.64e15) };
  const rows = await d.orders.unmatched(merchantId, before, page.limit + 1, beforeId);
  const items = rows.slice(0, page.limit).map(present);
  const last = items[items.length - 1];
  return rows.length > page.limit && last ? { items, nextCursor: keysetCursor(last.placedAt, last.id) } : { items };
}

/** The record's phone and member number kept on the customer where they have none: the fields that were kept. */
export async function keepIdentifiers(
  customers: Pick<CustomerRepository, 'fillIfMissing'>,
  merchantId: MerchantId,
  customerId: Types.ObjectId,
  ref: { phone?: string; memberNo?: string } | undefined,
): Promise<('phone' | 'memberNo')[]> {
  const saved: ('phone' | 'memberNo')[] = [];
  for (const field of ['phone', 'memberNo'] as const) {
    const value = ref?.[field];
    if (value && (await customers.fillIfMissing(merchantId, customerId, field, value))) saved.push(field);
  }
  return saved;
}

export async function linkUnmatchedOrder(
  d: UnmatchedOrdersDeps,
  session: Pick<Session, 'merchantId' | 'staffId'>,
  orderId: string,
  input: { customerId: string; saveIdentifier: boolean },
) {
  const { merchantId } = session;
  const customer = await d.customers.findById(merchantId, input.customerId);
  if (!customer) throw notFound('没有找到这位客户，可能已被删除');
  const order = await d.orders.linkCustomer(merchantId, orderId, customer._id);
  if (!order) throw notFound('没有找到这笔待认领的订单，可能已被认领');
  const saved = input.saveIdentifier
    ? await keepIdentifiers(d.customers, merchantId, customer._id, order.customerRef)
    : [];
  const actor: AuditActor = { kind: 'staff', id: session.staffId };
  await d.audit.record(merchantId, { actor, action: 'order.linked_to_customer', target: String(order._id) });
  return { orderId: String(order._id), customerId: String(customer._id), saved };
}
