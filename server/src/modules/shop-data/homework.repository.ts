import type { Types } from 'mongoose';
import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Homework, HomeworkModel } from './homework.model.js';

export type HomeworkRecord = Stored<Homework>;
export type NewHomework = Omit<Homework, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Homework as the school system sets and marks it, by its id; handing it in is a resend with submittedAt. */
export class HomeworkRepository extends IntakeRecordRepository<Homework> {
  constructor(model: HomeworkModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, submittedAt, ...fields }: NewHomework,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    // a resend without submittedAt does not take back a hand-in the school already reported
    return this.upsertRecord(
      merchantId,
      { externalId },
      { ...fields, ...(submittedAt ? { submittedAt } : {}) },
      dryRun,
    );
  }

  /** Families' homework due before `before` and not handed in, oldest due first: the evening reminder. */
  outstanding(merchantId: MerchantId, before: Date, limit: number): Promise<HomeworkRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $ne: null }, submittedAt: null, dueAt: { $lt: before } }))
      .sort({ dueAt: 1 })
      .limit(limit)
      .lean<HomeworkRecord[]>()
      .exec();
  }

  /** These families' homework due in [from, to): the month's progress report. */
  dueBetween(merchantId: MerchantId, customerIds: Types.ObjectId[], from: Date, to: Date): Promise<HomeworkRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $in: customerIds }, dueAt: { $gte: from, $lt: to } }))
      .lean<HomeworkRecord[]>()
      .exec();
  }
}
