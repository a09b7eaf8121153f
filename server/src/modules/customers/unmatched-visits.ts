// Bookings and course packages that named a customer none of ours matched (a phone or member number the shop never
// recorded), listed for a manager or the owner to link by hand. Linked, the record is the customer's like any matched
// one: on their timeline, and a visit (a booking kept; a package's classes attended) for their stage and the tags.
import {
  keysetCursor,
  parseKeysetCursor,
  type UnmatchedVisitDto,
  type UnmatchedVisitKind,
} from '@xiaoer/common/schemas/customer';
import type { Session } from '../../auth/session.js';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AuditActor } from '../merchants/merchant-audit.model.js';
import type { AppointmentRecord, AppointmentRepository } from '../shop-data/appointment.repository.js';
import type { CoursePackageRecord, CoursePackageRepository } from '../shop-data/course-package.repository.js';
import { keepIdentifiers, type UnmatchedOrdersDeps } from './unmatched-orders.js';

export interface UnmatchedVisitsDeps extends Pick<UnmatchedOrdersDeps, 'customers' | 'audit'> {
  appointments: Pick<AppointmentRepository, 'unmatched' | 'linkCustomer'>;
  packages: Pick<CoursePackageRepository, 'unmatched' | 'linkCustomer'>;
}

const APPOINTMENT_WORDS: Record<string, string> = {
  booked: '已预约',
  completed: '已完成',
  cancelled: '已取消',
  no_show: '未到店',
};

const ref = (r: { customerRef?: UnmatchedVisitDto['ref'] }) => ({ ...r.customerRef });

const presentAppointment = (a: AppointmentRecord): UnmatchedVisitDto => ({
  id: String(a._id),
  kind: 'appointments',
  externalId: a.externalId,
  at: a.startAt.toISOString(),
  title: `${a.service} · ${APPOINTMENT_WORDS[a.status] ?? a.status}`,
  ...(a.amount !== undefined && { amount: a.amount }),
  ref: ref(a),
});

const presentPackage = (p: CoursePackageRecord): UnmatchedVisitDto => ({
  id: String(p._id),
  kind: 'course-packages',
  externalId: p.externalId,
  at: p.createdAt.toISOString(),
  title: `${p.course}${p.studentName ? `（${p.studentName}）` : ''} · 剩 ${p.remainingHours} 课时`,
  ref: ref(p),
});

export async function listUnmatchedVisits(
  d: UnmatchedVisitsDeps,
  merchantId: MerchantId,
  kind: UnmatchedVisitKind,
  page: { limit: number; cursor?: string },
): Promise<{ items: UnmatchedVisitDto[]; nextCursor?: string }> {
  const { at: before, id: beforeId } = page.cursor ? parseKeysetCursor(page.cursor) : { at: new Date(8.64e15) };
  const rows = await unmatchedOf(d, merchantId, kind, { before, beforeId, limit: page.limit + 1 });
  const items = rows.slice(0, page.limit);
  const last = items[items.length - 1];
  return rows.length > page.limit && last ? { items, nextCursor: keysetCursor(last.at, last.id) } : { items };
}

async function unmatchedOf(
  d: UnmatchedVisitsDeps,
  merchantId: MerchantId,
  kind: UnmatchedVisitKind,
  page: { before: Date; limit: number; beforeId?: string },
): Promise<UnmatchedVisitDto[]> {
  // a booking pages on its time; a package on when it first arrived
  if (kind === 'appointments')
    return (await d.appointments.unmatched(merchantId, 'startAt', page)).map(presentAppointment);
  return (await d.packages.unmatched(merchantId, 'createdAt', page)).map(presentPackage);
}

export async function linkUnmatchedVisit(
  d: UnmatchedVisitsDeps,
  session: Pick<Session, 'merchantId' | 'staffId'>,
  target: { kind: UnmatchedVisitKind; id: string },
  input: { customerId: string; saveIdentifier: boolean },
) {
  const { merchantId } = session;
  const customer = await d.customers.findById(merchantId, input.customerId);
  if (!customer) throw notFound('没有找到这位客户，可能已被删除');
  const records = target.kind === 'appointments' ? d.appointments : d.packages;
  const record = await records.linkCustomer(merchantId, target.id, customer._id);
  if (!record) throw notFound('没有找到这条待认领的记录，可能已被认领');
  const saved = input.saveIdentifier
    ? await keepIdentifiers(d.customers, merchantId, customer._id, record.customerRef)
    : [];
  const actor: AuditActor = { kind: 'staff', id: session.staffId };
  const action =
    target.kind === 'appointments' ? 'appointment.linked_to_customer' : 'course_package.linked_to_customer';
  await d.audit.record(merchantId, { actor, action, target: String(record._id) });
  return { id: String(record._id), customerId: String(customer._id), saved };
}
