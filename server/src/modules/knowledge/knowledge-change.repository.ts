import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { KnowledgeChange, KnowledgeChangeModel } from './knowledge-change.model.js';

export type KnowledgeChangeRecord = KnowledgeChange & { _id: Types.ObjectId };
/** One edit as the editor reports it: who (a staff id from the session), what, and the item before and after. */
export type NewKnowledgeChange = Omit<KnowledgeChange, 'merchantId' | 'staffId' | 'at'> & { staffId: string };

/** The change history of the shop's knowledge; only ever appended to (an undo is a change of its own). */
export class KnowledgeChangeRepository extends TenantRepository<KnowledgeChange> {
  constructor(model: KnowledgeChangeModel) {
    super(model);
  }

  async record(merchantId: MerchantId, change: NewKnowledgeChange): Promise<KnowledgeChangeRecord> {
    const doc = await this.model.create({
      ...change,
      merchantId: merchantObjectId(merchantId),
      staffId: new Types.ObjectId(change.staffId),
      at: new Date(),
    });
    return doc.toObject() as KnowledgeChangeRecord;
  }

  findById(merchantId: MerchantId, id: string): Promise<KnowledgeChangeRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) }))
      .lean<KnowledgeChangeRecord>()
      .exec();
  }

  /** The item's latest change (ties in the same millisecond: the later written). */
  latestOf(merchantId: MerchantId, entityId: Types.ObjectId): Promise<KnowledgeChangeRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { entityId }))
      .sort({ at: -1, _id: -1 })
      .lean<KnowledgeChangeRecord>()
      .exec();
  }

  latest(merchantId: MerchantId, limit: number): Promise<KnowledgeChangeRecord[]> {
    return this.model
      .find(this.scoped(merchantId))
      .sort({ at: -1 })
      .limit(limit)
      .lean<KnowledgeChangeRecord[]>()
      .exec();
  }
}
