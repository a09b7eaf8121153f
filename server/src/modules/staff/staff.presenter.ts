import type { StaffDto } from '@xiaoer/common/schemas/staff';
import type { StaffRecord } from './staff.repository.js';

export const presentStaff = (s: StaffRecord): StaffDto => ({
  id: s._id.toHexString(),
  name: s.name,
  role: s.role,
  wecomUserId: s.wecomUserId,
  shopIds: s.shopIds.map((id) => id.toHexString()),
  nameMissing: s.nameMissing ?? false,
  miniProgramBound: Boolean(s.miniProgramOpenId),
});
