import type { GroupLayer } from '@xiaoer/common/constants/groups';
import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { GroupChat, GroupChatModel } from './group.model.js';

export type GroupChatRecord = GroupChat & { _id: Types.ObjectId };

/** What a sync learns from WeCom about a group (the layer and the join / leave counts are ours). */
export type GroupChatDetails = Pick<GroupChat, 'name' | 'ownerUserId' | 'notice' | 'memberCount' | 'customerIds'> &
  Partial<Pick<GroupChat, 'ownerStaffId'>>;

/** The customer groups (客户群); GroupSyncService is their only writer, apart from the owner's layer. */
export class GroupChatRepository extends TenantRepository<GroupChat> {
  constructor(model: GroupChatModel) {
    super(model);
  }

  /**
   * Upserts a group by its chat id: WeCom's details replace ours (a group seen again is live again), and an event's
   * joins and leaves add to the counts.
   */
  async saveFromWecom(
    merchantId: MerchantId,
    chatId: string,
    details: GroupChatDetails,
    counts: { joined?: number; left?: number } = {},
  ): Promise<void> {
    await this.model
      .updateOne(
        this.scoped(merchantId, { chatId }),
        { $set: { ...details, dismissed: false }, $inc: { joined: counts.joined ?? 0, left: counts.left ?? 0 } },
        { upsert: true },
      )
      .exec();
  }

  async markDismissed(merchantId: MerchantId, chatId: string): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { chatId }), { $set: { dismissed: true } }).exec();
  }

  /** False when the merchant has no such group. */
  async setLayer(merchantId: MerchantId, chatId: string, layer: GroupLayer): Promise<boolean> {
    const res = await this.model.updateOne(this.scoped(merchantId, { chatId }), { $set: { layer } }).exec();
    return res.matchedCount > 0;
  }

  findByChatId(merchantId: MerchantId, chatId: string): Promise<GroupChatRecord | null> {
    return this.model.findOne(this.scoped(merchantId, { chatId })).lean<GroupChatRecord>().exec();
  }

  /** The owner's list: live groups by layer and name. */
  listLive(merchantId: MerchantId): Promise<GroupChatRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { dismissed: false }))
      .sort({ layer: 1, name: 1 })
      .limit(500)
      .lean<GroupChatRecord[]>()
      .exec();
  }

  /** Live groups of some layers (the calendar's). */
  liveInLayers(merchantId: MerchantId, layers: GroupLayer[]): Promise<GroupChatRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { dismissed: false, layer: { $in: layers } }))
      .lean<GroupChatRecord[]>()
      .exec();
  }

  /** A layer's live groups with the most room first (a join code takes up to five). */
  roomiestInLayer(merchantId: MerchantId, layer: GroupLayer, limit: number): Promise<GroupChatRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { layer, dismissed: false }))
      .sort({ memberCount: 1 })
      .limit(limit)
      .lean<GroupChatRecord[]>()
      .exec();
  }

  /** The live groups a customer is in. */
  async liveChatIdsOf(merchantId: MerchantId, customerId: Types.ObjectId): Promise<string[]> {
    const rows = await this.model
      .find(this.scoped(merchantId, { customerIds: customerId, dismissed: false }), { chatId: 1 })
      .lean<Pick<GroupChat, 'chatId'>[]>()
      .exec();
    return rows.map((g) => g.chatId);
  }
}
