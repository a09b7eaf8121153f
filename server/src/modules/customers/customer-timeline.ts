// A customer's timeline: everything the shop's records say happened with them — orders, bookings, classes attended,
// reviews, their messages and the shop's, the proactive messages sent — newest first. Each source is read for one
// page before the cursor on its own customer index, and the pages merged; the next page starts before the last entry.
import { keysetCursor, parseKeysetCursor, type TimelineEntryDto } from '@xiaoer/common/schemas/customer';
import { formatFen } from '@xiaoer/common/money';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { DraftRepository } from '../outreach/draft.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import type { CustomerRecord } from './customer.repository.js';

export interface TimelineSources {
  orders: Pick<OrderRepository, 'newestBefore'>;
  shopData: Pick<ShopDataRepositories, 'appointments' | 'attendance' | 'packages' | 'reviews'>;
  kf: Pick<KfRepository, 'conversationBefore'>;
  drafts: Pick<DraftRepository, 'newestBefore'>;
}

const APPOINTMENT_WORDS: Record<string, string> = {
  booked: '已预约',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未到店',
};
const ATTENDANCE_WORDS = { present: '到课', absent: '缺课', leave: '请假' } as const;
const clip = (text: string | undefined, n = 60) => (text && text.length > n ? `${text.slice(0, n)}…` : text);

export async function customerTimeline(
  s: TimelineSources,
  merchantId: MerchantId,
  customer: CustomerRecord,
  page: { limit: number; cursor?: string },
): Promise<{ items: TimelineEntryDto[]; nextCursor?: string }> {
  const { at: before, id: beforeId } = page.cursor ? parseKeysetCursor(page.cursor) : { at: new Date(8.64e15) };
  const n = page.limit;
  const customerId = customer._id;
  const packages = await s.shopData.packages.customerByPackage(merchantId, customerId);
  const [orders, appointments, attendance, reviews, messages, drafts] = await Promise.all([
    s.orders.newestBefore(merchantId, { customerId }, 'placedAt', before, n, beforeId),
    s.shopData.appointments.newestBefore(merchantId, { customerId }, 'startAt', before, n, beforeId),
    packages.size
      ? s.shopData.attendance.newestBefore(
          merchantId,
          { packageId: { $in: [...packages.keys()] } },
          'at',
          before,
          n,
          beforeId,
        )
      : [],
    s.shopData.reviews.newestBefore(merchantId, { customerId }, 'at', before, n, beforeId),
    customer.externalUserId ? s.kf.conversationBefore(merchantId, customer.externalUserId, before, n, beforeId) : [],
    s.drafts.newestBefore(
      merchantId,
      { customerId, status: { $in: ['sent', 'delivered'] } },
      'updatedAt',
      before,
      n,
      beforeId,
    ),
  ]);
  const entries: TimelineEntryDto[] = [
    ...orders.map((o) => ({
      kind: 'order' as const,
      id: String(o._id),
      at: o.placedAt.toISOString(),
      title: o.items.map((i) => `${i.name}×${i.quantity}`).join('、') || '订单',
      detail: `${o.channel} · ${formatFen(o.amount)}${o.status === 'refunded' ? ' · 已退款' : o.status === 'cancelled' ? ' · 已取消' : ''}`,
      amount: o.amount,
    })),
    ...appointments.map((a) => ({
      kind: 'appointment' as const,
      id: String(a._id),
      at: a.startAt.toISOString(),
      title: `预约 ${a.service}`,
      detail: APPOINTMENT_WORDS[a.status] ?? a.status,
    })),
    ...attendance.map((a) => ({
      kind: 'attendance' as const,
      id: String(a._id),
      at: a.at.toISOString(),
      title: `上课 ${ATTENDANCE_WORDS[a.status] ?? a.status}`,
      detail: a.status === 'present' ? `${a.hours} 课时` : undefined,
    })),
    ...reviews.map((r) => ({
      kind: 'review' as const,
      id: String(r._id),
      at: r.at.toISOString(),
      title: `${r.platform} 评价 ${'★'.repeat(Math.max(0, Math.min(5, Math.round(r.rating))))}`,
      detail: clip(r.text) || undefined,
    })),
    ...messages
      .filter((m) => m.direction !== 'event')
      .map((m) => ({
        kind: m.direction === 'in' ? ('message_in' as const) : ('message_out' as const),
        id: String(m._id),
        at: m.sentAt.toISOString(),
        title: m.direction === 'in' ? '客户发来消息' : '店里回复',
        detail: clip(m.text) ?? `[${m.msgtype}]`,
      })),
    ...drafts.map((d) => ({
      kind: 'draft_sent' as const,
      id: String(d._id),
      at: d.updatedAt.toISOString(),
      title: '店里主动发的消息',
      detail: clip(d.text),
    })),
  ].map((e) => (e.detail === undefined ? (({ detail: _d, ...rest }) => rest)(e) : e));
  entries.sort((a, b) => b.at.localeCompare(a.at) || b.id.localeCompare(a.id));
  const items = entries.slice(0, n);
  // more may follow when any source filled its page (the merged list then holds more than one page)
  const full = [orders, appointments, attendance, reviews, messages, drafts].some((rows) => rows.length === n);
  const last = items[items.length - 1];
  return last && (entries.length > n || full) ? { items, nextCursor: keysetCursor(last.at, last.id) } : { items };
}
