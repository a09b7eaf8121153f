import type { ImportReport, IntakeReport } from '@xiaoer/common/schemas/intake';

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

/** What a spreadsheet import did (or would do, dry run): the column mapping, counts, and each bad row by number. */
export const presentImportReport = (r: ImportReport): ImportReport => ({
  received: r.received,
  created: r.created,
  updated: r.updated,
  unmatchedCustomers: r.unmatchedCustomers,
  mapping: { ...r.mapping },
  dryRun: r.dryRun,
  failed: r.failed.map((f) => ({ row: f.row, errors: { ...f.errors } })),
});
