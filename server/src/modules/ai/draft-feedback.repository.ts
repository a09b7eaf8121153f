import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { DraftFeedback, DraftFeedbackModel } from './draft-feedback.model.js';

export type DraftFeedbackRecord = DraftFeedback & { _id: Types.ObjectId };
/** One piece of feedback as the sidebar sends it; the staff member comes from the session. */
export type NewDraftFeedback = Pick<DraftFeedback, 'draft' | 'outcome' | 'sentText'> & { customerId: string };

export class DraftFeedbackRepository extends TenantRepository<DraftFeedback> {
  constructor(model: DraftFeedbackModel) {
    super(model);
  }

  async record(merchantId: MerchantId, staffId: string, feedback: NewDraftFeedback): Promise<void> {
    await this.model.create({
      ...feedback,
      merchantId: merchantObjectId(merchantId),
      staffId: new Types.ObjectId(staffId),
      customerId: new Types.ObjectId(feedback.customerId),
      at: new Date(),
    });
  }

  /** The latest feedback first (quality stats). */
  latest(merchantId: MerchantId, limit = 50): Promise<DraftFeedbackRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ at: -1 }).limit(limit).lean<DraftFeedbackRecord[]>().exec();
  }
}
