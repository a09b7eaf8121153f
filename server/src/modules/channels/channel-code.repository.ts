import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ChannelCode, ChannelCodeModel } from './channel-code.model.js';

export type ChannelCodeRecord = ChannelCode & { _id: Types.ObjectId };
export type NewChannelCode = Pick<ChannelCode, 'channel' | 'label' | 'state' | 'configId' | 'qrCode' | 'staffIds'>;

/** The merchant's 联系我 codes; ChannelCodeService is their writer. */
export class ChannelCodeRepository extends TenantRepository<ChannelCode> {
  constructor(model: ChannelCodeModel) {
    super(model);
  }

  async insert(merchantId: MerchantId, code: NewChannelCode): Promise<ChannelCodeRecord> {
    const created = await this.model.create({ ...code, merchantId: merchantObjectId(merchantId) });
    return created.toObject() as ChannelCodeRecord;
  }

  list(merchantId: MerchantId): Promise<ChannelCodeRecord[]> {
    return this.model
      .find(this.scoped(merchantId))
      .sort({ channel: 1, createdAt: -1 })
      .lean<ChannelCodeRecord[]>()
      .exec();
  }

  /** One more customer added through the code with this state (an unknown state changes nothing). */
  async countAdd(merchantId: MerchantId, state: string): Promise<void> {
    await this.model.updateOne(this.scoped(merchantId, { state }), { $inc: { adds: 1 } }).exec();
  }
}
