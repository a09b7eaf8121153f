import type { GroupLayer } from '@xiaoer/common/constants/groups';
import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { GroupEntry, GroupEntryModel } from './group-entry.model.js';

export type GroupEntryRecord = GroupEntry & { _id: Types.ObjectId };

/** Each layer's join code and welcome; GroupEntryService is their writer. */
export class GroupEntryRepository extends TenantRepository<GroupEntry> {
  constructor(model: GroupEntryModel) {
    super(model);
  }

  /** The layer's new join code replaces the last (the welcome stays). */
  async saveJoinCode(
    merchantId: MerchantId,
    layer: GroupLayer,
    code: Pick<GroupEntry, 'configId' | 'qrCode' | 'chatIds'>,
    now = new Date(),
  ): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { layer }), { $set: { ...code, updatedAt: now } }, { upsert: true })
      .exec();
  }

  /** The layer's new welcome replaces the last (the join code stays). */
  async saveWelcome(
    merchantId: MerchantId,
    layer: GroupLayer,
    welcome: Pick<GroupEntry, 'welcomeTemplateId' | 'welcomeText'>,
    now = new Date(),
  ): Promise<void> {
    await this.model
      .updateOne(this.scoped(merchantId, { layer }), { $set: { ...welcome, updatedAt: now } }, { upsert: true })
      .exec();
  }

  list(merchantId: MerchantId): Promise<GroupEntryRecord[]> {
    return this.model.find(this.scoped(merchantId)).lean<GroupEntryRecord[]>().exec();
  }
}
