import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CorpTag, CorpTagModel } from './corp-tag.model.js';

export type CorpTagRecord = CorpTag & { _id: Types.ObjectId };
export type MirroredTag = Omit<CorpTag, 'merchantId'>;

/** The mirror of WeCom's corp tags; TagSyncService is its writer. */
export class CorpTagRepository extends TenantRepository<CorpTag> {
  constructor(model: CorpTagModel) {
    super(model);
  }

  /** Every mirrored tag, by group and name. */
  list(merchantId: MerchantId): Promise<CorpTagRecord[]> {
    return this.model.find(this.scoped(merchantId)).sort({ groupName: 1, name: 1 }).lean<CorpTagRecord[]>().exec();
  }

  findByNames(merchantId: MerchantId, names: string[]): Promise<CorpTagRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { name: { $in: names } }))
      .lean<CorpTagRecord[]>()
      .exec();
  }

  /** Upserts one tag by WeCom's id (a rename or a move to another group replaces what we had). */
  async mirror(merchantId: MerchantId, { wecomTagId, ...tag }: MirroredTag): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { wecomTagId }), { $set: tag }, { upsert: true }).exec();
  }

  /** Forgets the tags WeCom no longer has. */
  async removeAllBut(merchantId: MerchantId, wecomTagIds: string[]): Promise<void> {
    await this.model.deleteMany(this.scoped(merchantId, { wecomTagId: { $nin: wecomTagIds } })).exec();
  }
}
