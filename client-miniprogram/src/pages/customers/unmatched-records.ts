// What the customers page links by hand: orders, bookings and course packages that named a customer none of ours
// matched, read the same way whatever their kind (the noun the owner reads, a line, what it named), and linked
// through their own endpoint.
import * as customers from '@xiaoer/common/api/customers';
import { formatFen } from '@xiaoer/common/money';
import type { UnmatchedOrderDto, UnmatchedVisitDto, UnmatchedVisitKind } from '@xiaoer/common/schemas/customer';
import { call } from '../../services/client';
import { shortTime } from '../../services/format';

export type UnmatchedKind = 'orders' | UnmatchedVisitKind;

export interface Linkable {
  kind: UnmatchedKind;
  id: string;
  externalId: string;
  title: string;
  detail: string;
  ref: { phone?: string; memberNo?: string };
}

export const NOUN: Record<UnmatchedKind, string> = {
  orders: '订单',
  appointments: '预约',
  'course-packages': '课时包',
};

const named = (ref: Linkable['ref']) => [ref.phone && `手机 ${ref.phone}`, ref.memberNo && `会员号 ${ref.memberNo}`];
const line = (parts: (string | undefined | false)[]) => parts.filter(Boolean).join(' · ');

const fromOrder = (o: UnmatchedOrderDto): Linkable => ({
  kind: 'orders',
  id: o.id,
  externalId: o.externalId,
  title: `${o.title} · ${formatFen(o.amount)}`,
  detail: line([shortTime(o.placedAt), o.channel, ...named(o.ref)]),
  ref: o.ref,
});

const fromVisit = (v: UnmatchedVisitDto): Linkable => ({
  kind: v.kind,
  id: v.id,
  externalId: v.externalId,
  title: v.amount === undefined ? v.title : `${v.title} · ${formatFen(v.amount)}`,
  detail: line([shortTime(v.at), `${NOUN[v.kind]}号 ${v.externalId}`, ...named(v.ref)]),
  ref: v.ref,
});

/** The newest records of a kind waiting to be linked (one page), and whether there are more. */
export async function unmatchedOf(kind: UnmatchedKind): Promise<{ items: Linkable[]; more: boolean }> {
  const query = { limit: 20 };
  if (kind === 'orders') {
    const page = await call(customers.unmatchedOrders, { query });
    return { items: page.items.map(fromOrder), more: !!page.nextCursor };
  }
  const page = await call(customers.unmatchedVisits, { params: { kind }, query });
  return { items: page.items.map(fromVisit), more: !!page.nextCursor };
}

/** Links the record to the customer; the fields of theirs it kept (phone, member number). */
export async function linkRecord(record: Linkable, customerId: string, saveIdentifier: boolean) {
  const body = { customerId, saveIdentifier };
  if (record.kind === 'orders') return call(customers.linkOrder, { params: { id: record.id }, body });
  return call(customers.linkVisit, { params: { kind: record.kind, id: record.id }, body });
}
