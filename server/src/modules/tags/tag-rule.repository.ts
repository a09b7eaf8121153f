import type { TagRuleInput } from '@xiaoer/common/schemas/tag-rule';
import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { TagRule, TagRuleModel } from './tag-rule.model.js';

export type TagRuleRecord = TagRule & { _id: Types.ObjectId };

/** The merchant's own auto-tag rules; TagRuleService is their writer. A second rule for a tag raises E11000. */
export class TagRuleRepository extends TenantRepository<TagRule> {
  constructor(model: TagRuleModel) {
    super(model);
  }

  async list(merchantId: MerchantId): Promise<TagRuleRecord[]> {
    await this.convertYuan(merchantId);
    return this.model.find(this.scoped(merchantId)).sort({ createdAt: 1 }).lean<TagRuleRecord[]>().exec();
  }

  /**
   * A one-time conversion on read: rules stored before amounts were fen kept the spend in yuan (minSpendYuan); they
   * are rewritten in fen, in the database, the first time they are read. Afterwards this matches nothing.
   */
  private async convertYuan(merchantId: MerchantId): Promise<void> {
    await this.model
      .updateMany(
        this.scoped(merchantId, { minSpendYuan: { $exists: true } }),
        [{ $set: { minSpendFen: { $round: [{ $multiply: ['$minSpendYuan', 100] }, 0] } } }, { $unset: 'minSpendYuan' }],
        // a pipeline, so the stored yuan is read by the same update that writes the fen
        { updatePipeline: true },
      )
      .exec();
  }

  async insert(merchantId: MerchantId, rule: TagRuleInput): Promise<TagRuleRecord> {
    const created = await this.model.create({ ...rule, merchantId: merchantObjectId(merchantId) });
    return created.toObject() as TagRuleRecord;
  }

  /** The rule as now entered (conditions left out are dropped); null when the merchant has no such rule. */
  replace(merchantId: MerchantId, id: string, rule: TagRuleInput): Promise<TagRuleRecord | null> {
    return this.model
      .findOneAndReplace(
        this.scoped(merchantId, { _id: new Types.ObjectId(id) }),
        { ...rule, merchantId: merchantObjectId(merchantId) },
        { returnDocument: 'after' },
      )
      .lean<TagRuleRecord>()
      .exec();
  }

  /** False when the merchant has no such rule. */
  async remove(merchantId: MerchantId, id: string): Promise<boolean> {
    const res = await this.model.deleteOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) })).exec();
    return res.deletedCount > 0;
  }
}
