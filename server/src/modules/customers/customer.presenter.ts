import { roleAtLeast, type StaffRole } from '@xiaoer/common/constants/roles';
import type { ConsentLogEntryDto, CustomerDto } from '@xiaoer/common/schemas/customer';
import type { ConsentLogEntry } from './customer.model.js';
import type { CustomerRecord } from './customer.repository.js';

/**
 * Staff see 138****5678; managers and owners see the whole number (they call customers back) and the consent log.
 */
export const maskPhone = (phone: string): string =>
  phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';

const presentConsent = (e: ConsentLogEntry): ConsentLogEntryDto => ({
  at: e.at.toISOString(),
  by: e.by,
  action: e.action,
  ...(e.reason && { reason: e.reason }),
});

export function presentCustomer(c: CustomerRecord, viewer: StaffRole): CustomerDto {
  return {
    id: c._id.toHexString(),
    externalUserId: c.externalUserId ?? undefined,
    name: c.name,
    avatar: c.avatar ?? undefined,
    remark: c.remark ?? undefined,
    phone: c.phone ? (roleAtLeast(viewer, 'manager') ? c.phone : maskPhone(c.phone)) : undefined,
    gender: c.gender,
    birthday: c.birthday ?? undefined,
    memberNo: c.memberNo ?? undefined,
    tags: c.tags,
    ...(c.lifecycle && { lifecycle: c.lifecycle }),
    sourceChannel: c.sourceChannel,
    followStaffIds: c.followStaffIds.map((id) => id.toHexString()),
    notes: c.notes
      .slice(-20)
      .reverse()
      .map((n) => ({ text: n.text, staffId: n.staffId.toHexString(), createdAt: n.createdAt.toISOString() })),
    firstContactAt: c.firstContactAt.toISOString(),
    lastContactAt: c.lastContactAt.toISOString(),
    consentMarketing: c.consentMarketing,
    optedOut: c.optedOut,
    ...(roleAtLeast(viewer, 'manager') && c.consentLog?.length ? { consentLog: c.consentLog.map(presentConsent) } : {}),
  };
}
