import type { IntakeReport } from '@xiaoer/common/schemas/intake';

/** What a delivery of records did, for the system that sent them: counts, and each bad record by position and id. */
export const presentIntakeReport = (r: IntakeReport): IntakeReport => ({
  received: r.received,
  created: r.created,
  updated: r.updated,
  unmatchedCustomers: r.unmatchedCustomers,
  failed: r.failed.map((f) => ({
    index: f.index,
    ...(f.externalId !== undefined ? { externalId: f.externalId } : {}),
    errors: { ...f.errors },
  })),
});
