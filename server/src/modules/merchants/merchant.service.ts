import type {
  BusinessHoursUpdate,
  MerchantProfileUpdate,
  ServiceHoursUpdate,
  ShopFactsUpdate,
  ShopInput,
} from '@xiaoer/common/schemas/merchant';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ShopRecord } from '../shops/shop.repository.js';
import type { ShopService } from '../shops/shop.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { AuditActor } from './merchant-audit.model.js';
import type { MerchantAuditRepository } from './merchant-audit.repository.js';
import type { MerchantRecord, MerchantRepository } from './merchant.repository.js';

export interface MerchantServiceDeps {
  merchants: MerchantRepository;
  shops: ShopService;
  staff: Pick<StaffRepository, 'count'>;
  /** the merchant's audit list: every setup step, with who did it */
  audit: Pick<MerchantAuditRepository, 'record'>;
}

/**
 * The business as the owner sets it up: its name and industry, its shops, its opening hours. The bot reads them with
 * the knowledge snapshot, which the merchant and shop repositories renew on every write.
 */
export class MerchantService {
  constructor(private d: MerchantServiceDeps) {}

  async overview(merchantId: MerchantId) {
    const [merchant, shops] = await Promise.all([this.d.merchants.findById(merchantId), this.d.shops.list(merchantId)]);
    if (!merchant) throw notFound('商户不存在');
    return { merchant, shops };
  }

  async updateProfile(merchantId: MerchantId, profile: MerchantProfileUpdate, by: AuditActor): Promise<MerchantRecord> {
    const merchant = await this.d.merchants.updateProfile(merchantId, profile);
    if (!merchant) throw notFound('商户不存在');
    await this.changed(merchantId, by, 'merchant.profile_updated', merchantId);
    return merchant;
  }

  async updateBusinessHours(merchantId: MerchantId, update: BusinessHoursUpdate, by: AuditActor) {
    const dates = update.holidays.map((h) => h.date);
    if (new Set(dates).size !== dates.length)
      throw new AppError('validation_failed', { message: '节假日有重复的日期' });
    for (const h of update.holidays) {
      if (!h.closed && (!h.open || !h.close)) {
        throw new AppError('validation_failed', { message: `${h.date} ${h.name} 不休息时请填写营业时间` });
      }
    }
    const merchant = await this.d.merchants.updateBusinessHours(merchantId, update);
    if (!merchant) throw notFound('商户不存在');
    await this.changed(merchantId, by, 'merchant.hours_updated', merchantId);
    return merchant;
  }

  /** What customers ask besides products and policies; the bot answers from it as soon as it is saved. */
  async setFacts(merchantId: MerchantId, update: ShopFactsUpdate, by: AuditActor): Promise<MerchantRecord> {
    const merchant = await this.d.merchants.setFacts(merchantId, update.facts);
    if (!merchant) throw notFound('商户不存在');
    await this.changed(merchantId, by, 'merchant.facts_updated', merchantId);
    return merchant;
  }

  /** 客服 hours apart from the shop's (online sellers), or back to the shop's. */
  async setServiceHours(merchantId: MerchantId, update: ServiceHoursUpdate, by: AuditActor): Promise<MerchantRecord> {
    const merchant = await this.d.merchants.setServiceHours(merchantId, update.serviceHours);
    if (!merchant) throw notFound('商户不存在');
    await this.changed(merchantId, by, 'merchant.service_hours_updated', merchantId);
    return merchant;
  }

  async addShop(merchantId: MerchantId, shop: ShopInput, by: AuditActor): Promise<ShopRecord> {
    const added = await this.d.shops.add(merchantId, shop);
    await this.changed(merchantId, by, 'shop.added', added._id.toHexString());
    return added;
  }

  async updateShop(merchantId: MerchantId, id: string, shop: ShopInput, by: AuditActor): Promise<ShopRecord> {
    const updated = await this.d.shops.update(merchantId, id, shop);
    await this.changed(merchantId, by, 'shop.updated', id);
    return updated;
  }

  /** A shop staff still belong to stays: its members would be left pointing at nothing. */
  async removeShop(merchantId: MerchantId, id: string, by: AuditActor): Promise<void> {
    const members = await this.d.staff.count(merchantId, { shopIds: id, active: true });
    if (members > 0) throw conflict(`还有 ${members} 位员工属于这家门店，请先在「员工」里调整他们的门店`);
    await this.d.shops.remove(merchantId, id);
    await this.changed(merchantId, by, 'shop.removed', id);
  }

  private async changed(merchantId: MerchantId, by: AuditActor, action: string, target: string): Promise<void> {
    await this.d.audit.record(merchantId, { actor: by, action, target });
  }
}
