import type { BusinessHoursUpdate } from '@xiaoer/common/schemas/merchant';
import { AppError, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { MerchantRecord, MerchantRepository } from './merchant.repository.js';

export class MerchantService {
  constructor(
    private merchants: MerchantRepository,
    private shops: ShopRepository,
  ) {}

  async overview(merchantId: MerchantId) {
    const [merchant, shops] = await Promise.all([this.merchants.findById(merchantId), this.shops.list(merchantId)]);
    if (!merchant) throw notFound('商户不存在');
    return { merchant, shops };
  }

  async updateBusinessHours(merchantId: MerchantId, update: BusinessHoursUpdate): Promise<MerchantRecord> {
    const dates = update.holidays.map((h) => h.date);
    if (new Set(dates).size !== dates.length)
      throw new AppError('validation_failed', { message: '节假日有重复的日期' });
    for (const h of update.holidays) {
      if (!h.closed && (!h.open || !h.close)) {
        throw new AppError('validation_failed', { message: `${h.date} ${h.name} 不休息时请填写营业时间` });
      }
    }
    const merchant = await this.merchants.updateBusinessHours(merchantId, update);
    if (!merchant) throw notFound('商户不存在');
    return merchant;
  }
}
