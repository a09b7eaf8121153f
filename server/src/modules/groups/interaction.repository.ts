import type { Types } from 'mongoose';
import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { GroupInteraction, GroupInteractionModel } from './interaction.model.js';

export type GroupInteractionRecord = GroupInteraction & { _id: Types.ObjectId };
export type NewGroupInteraction = Omit<GroupInteraction, 'merchantId'>;

/** Customers' replies to the groups' interaction posts; GroupInteractionService is their writer. */
export class GroupInteractionRepository extends TenantRepository<GroupInteraction> {
  constructor(model: GroupInteractionModel) {
    super(model);
  }

  /** Counts a reply once: false when its source (a 微信客服 message, a staff record) was counted already. */
  insertOnce(merchantId: MerchantId, interaction: NewGroupInteraction): Promise<boolean> {
    const doc: GroupInteraction = { ...interaction, merchantId: merchantObjectId(merchantId) };
    return insertedOnce(() => this.model.collection.insertOne(doc));
  }

  /** A group's interactions since a moment, newest first. */
  ofGroupSince(merchantId: MerchantId, chatId: string, since: Date): Promise<GroupInteractionRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { chatId, at: { $gte: since } }))
      .sort({ at: -1 })
      .lean<GroupInteractionRecord[]>()
      .exec();
  }
}
