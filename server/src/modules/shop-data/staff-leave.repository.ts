import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { StaffLeave, StaffLeaveModel } from './staff-leave.model.js';

export type StaffLeaveRecord = Stored<StaffLeave>;
export type NewStaffLeave = Omit<StaffLeave, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Technicians' leave from the booking system's 排班, by its ids. */
export class StaffLeaveRepository extends IntakeRecordRepository<StaffLeave> {
  constructor(model: StaffLeaveModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewStaffLeave,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Leave not yet over at `now`: whose bookings need moving. */
  notOver(merchantId: MerchantId, now: Date): Promise<StaffLeaveRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { to: { $gt: now } }))
      .lean<StaffLeaveRecord[]>()
      .exec();
  }
}
