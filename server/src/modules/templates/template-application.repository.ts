import type { Industry } from '@xiaoer/common/constants/industries';
import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { TemplateApplication, TemplateApplicationModel } from './template-application.model.js';

export type TemplateApplicationRecord = TemplateApplication & { _id: Types.ObjectId };

/** The starters each merchant has been given. */
export class TemplateApplicationRepository extends TenantRepository<TemplateApplication> {
  constructor(model: TemplateApplicationModel) {
    super(model);
  }

  find(merchantId: MerchantId): Promise<TemplateApplicationRecord | null> {
    return this.model.findOne(this.scoped(merchantId)).lean<TemplateApplicationRecord>().exec();
  }

  /** Records starters as given (each right after it is written, so a crash part-way loses at most one). */
  async given(merchantId: MerchantId, industry: Industry, keys: string[], at = new Date()): Promise<void> {
    await this.model
      .updateOne(
        this.scoped(merchantId),
        { $addToSet: { appliedKeys: { $each: keys } }, $set: { industry, appliedAt: at } },
        { upsert: true },
      )
      .exec();
  }
}
