import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Closure, ClosureModel } from './closure.model.js';

export type ClosureRecord = Stored<Closure>;
export type NewClosure = Omit<Closure, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** The school's closures, by its own ids. */
export class ClosureRepository extends IntakeRecordRepository<Closure> {
  constructor(model: ClosureModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewClosure,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Closures starting on a day in [from, to] (merchant-local dates): the notice a week ahead. */
  startingBetween(merchantId: MerchantId, from: string, to: string): Promise<ClosureRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { startOn: { $gte: from, $lte: to } }))
      .sort({ startOn: 1 })
      .lean<ClosureRecord[]>()
      .exec();
  }
}
