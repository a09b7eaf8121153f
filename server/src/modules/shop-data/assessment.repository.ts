import type { Types } from 'mongoose';
import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Assessment, AssessmentModel } from './assessment.model.js';

export type AssessmentRecord = Stored<Assessment>;
export type NewAssessment = Omit<Assessment, 'merchantId' | 'createdAt' | 'updatedAt'>;

/**
 * Students' test results (阶段测评), by the school system's ids; a resend (a corrected score, another student) updates
 * the result, its family included.
 */
export class AssessmentRepository extends IntakeRecordRepository<Assessment> {
  constructor(model: AssessmentModel) {
    super(model);
  }

  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewAssessment,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    // whose result it is follows the latest send: a result the school now names to someone we cannot (yet) match is
    // no longer told to the family it first named
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun, ['customerId', 'studentName', 'packageId']);
  }

  /**
   * These families' results taken between two days (YYYY-MM-DD, inclusive), oldest first: the month's tests and the
   * earlier ones they are compared with.
   */
  ofFamiliesBetween(
    merchantId: MerchantId,
    customerIds: Types.ObjectId[],
    from: string,
    to: string,
  ): Promise<AssessmentRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { customerId: { $in: customerIds }, date: { $gte: from, $lte: to } }))
      .sort({ date: 1, createdAt: 1 })
      .lean<AssessmentRecord[]>()
      .exec();
  }
}
