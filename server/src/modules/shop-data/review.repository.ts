import type { Types } from 'mongoose';
import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Review, ReviewModel } from './review.model.js';

export type ReviewRecord = Stored<Review>;
export type NewReview = Omit<Review, 'merchantId' | 'createdAt' | 'updatedAt'>;

/** Platform reviews, by the platform's review id. */
export class ReviewRepository extends IntakeRecordRepository<Review> {
  constructor(model: ReviewModel) {
    super(model);
  }

  /** `id` is set when this call stored the review for the first time (a new review is news; a resend is not). */
  store(
    merchantId: MerchantId,
    { externalId, ...fields }: NewReview,
    dryRun: boolean,
  ): Promise<{ result: StoreResult; id?: Types.ObjectId }> {
    return this.upsertRecord(merchantId, { externalId }, fields, dryRun);
  }

  /** Of these reviews, the ones rated `maxRating` or lower and written since `since`: the bad-review alert. */
  badSince(merchantId: MerchantId, ids: Types.ObjectId[], maxRating: number, since: Date): Promise<ReviewRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { _id: { $in: ids }, rating: { $lte: maxRating }, at: { $gte: since } }))
      .lean<ReviewRecord[]>()
      .exec();
  }
}
