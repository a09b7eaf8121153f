import type { StaffSyncDto } from '@xiaoer/common/schemas/staff';
import type { StaffSyncRecord } from './staff-sync.repository.js';

export const presentStaffSync = (r: StaffSyncRecord): StaffSyncDto => ({
  status: r.status,
  total: r.total,
  synced: r.synced,
  namesWithheld: r.namesWithheld,
  deactivated: r.deactivated,
  startedAt: r.startedAt.toISOString(),
  ...(r.finishedAt ? { finishedAt: r.finishedAt.toISOString() } : {}),
  ...(r.error
    ? {
        error: {
          message: r.error.message,
          fix: r.error.fix,
          ...(r.error.errcode === undefined || r.error.errcode === null ? {} : { errcode: r.error.errcode }),
        },
      }
    : {}),
});
