import type { SourceChannel } from '@xiaoer/common/constants/customer';
import { TenantRepository } from '../../db/tenant-repository.js';
import { insertedOnce } from '../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { ChannelAdd, ChannelAddModel } from './channel-add.model.js';

export type NewChannelAdd = Omit<ChannelAdd, 'merchantId'>;

/** Customers added through 联系我 codes, one row per customer and code; ChannelCodeService is their writer. */
export class ChannelAddRepository extends TenantRepository<ChannelAdd> {
  constructor(model: ChannelAddModel) {
    super(model);
  }

  /** Records the add: true when this customer is new to the code, false when it was counted before. */
  record(merchantId: MerchantId, add: NewChannelAdd): Promise<boolean> {
    return insertedOnce(() => this.model.create({ ...add, merchantId: merchantObjectId(merchantId) }));
  }

  /** Adds per state and week from `fromWeek` (a Monday) on, counted by the database on the (merchant, week) index. */
  async weekly(
    merchantId: MerchantId,
    fromWeek: string,
  ): Promise<{ state: string; channel: SourceChannel; week: string; n: number }[]> {
    const rows = await this.model
      .aggregate<{ _id: { state: string; channel: SourceChannel; week: string }; n: number }>([
        { $match: this.scoped(merchantId, { week: { $gte: fromWeek } }) },
        { $group: { _id: { state: '$state', channel: '$channel', week: '$week' }, n: { $sum: 1 } } },
      ])
      .exec();
    return rows.map((r) => ({ ...r._id, n: r.n }));
  }
}
