import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { RotaShift, RotaShiftModel } from './rota.model.js';

export type RotaShiftRecord = Stored<RotaShift>;
export type NewRotaShift = Omit<RotaShift, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** The rota's shifts, by the rota system's shift id. */
export class RotaRepository extends IntakeRecordRepository<RotaShift> {
  constructor(model: RotaShiftModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewRotaShift,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Shifts that overlap [from, to), earliest first. */
  overlapping(merchantId: MerchantId, from: Date, to: Date): Promise<RotaShiftRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { startAt: { $lt: to }, endAt: { $gt: from } }))
      .sort({ startAt: 1 })
      .lean<RotaShiftRecord[]>()
      .exec();
  }
}
