import type { BusinessHoursUpdate } from '@xiaoer/common/schemas/merchant';
import type { Types, UpdateQuery } from 'mongoose';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Merchant, MerchantModel, OpeningSpan, ShopFact } from './merchant.model.js';
import type { CalendarSlot, GroupLayer } from '@xiaoer/common/constants/groups';

export type MerchantRecord = Merchant & { _id: Types.ObjectId };

/**
 * Told after every write to the merchant (profile, hours, settings): the knowledge snapshot holds the whole merchant
 * record, so it is rebuilt everywhere. Told here rather than by callers, so no route or service can forget it.
 */
export type SettingsChangedHook = (merchantId: MerchantId) => Promise<void>;

/** The tenant root: its own id is the tenant id, so every method still takes a MerchantId. */
export class MerchantRepository {
  constructor(
    private model: MerchantModel,
    // late-bound by the container: the knowledge version lives with the knowledge base, built after the repositories
    private hooks: { settingsChanged?: SettingsChangedHook } = {},
  ) {}

  findById(merchantId: MerchantId): Promise<MerchantRecord | null> {
    return this.model.findById(merchantObjectId(merchantId)).lean<MerchantRecord>().exec();
  }

  /** Every merchant, newest first: the operator's list (platform-level, across tenants; never for a merchant). */
  listAll(): Promise<MerchantRecord[]> {
    return this.model.find({}).sort({ createdAt: -1, _id: -1 }).lean<MerchantRecord[]>().exec();
  }

  findDemo(): Promise<MerchantRecord | null> {
    return this.model.findOne({ demo: true }).lean<MerchantRecord>().exec();
  }

  /** The one demo merchant (npm run demo): the demo sign-in and seeding find it by this mark. */
  async markDemo(merchantId: MerchantId): Promise<void> {
    await this.model.updateOne({ _id: merchantObjectId(merchantId) }, { $set: { demo: true } }).exec();
  }

  async create(merchant: Pick<Merchant, 'name' | 'industry'> & Partial<Merchant>): Promise<MerchantRecord> {
    const created = await this.model.create(merchant);
    return created.toObject() as MerchantRecord;
  }

  /** Opening hours and holidays (the after-hours bot's clock); the merchant after the change. */
  updateBusinessHours(merchantId: MerchantId, update: BusinessHoursUpdate): Promise<MerchantRecord | null> {
    return this.updated(merchantId, { $set: update });
  }

  /** The customer-facing facts, all at once; the merchant after the change. */
  setFacts(merchantId: MerchantId, facts: ShopFact[]): Promise<MerchantRecord | null> {
    return this.updated(merchantId, { $set: { facts } });
  }

  /** 客服 hours apart from the shop's, or (null) back to the shop's; the merchant after the change. */
  setServiceHours(merchantId: MerchantId, spans: OpeningSpan[] | null): Promise<MerchantRecord | null> {
    return this.updated(merchantId, spans ? { $set: { serviceHours: spans } } : { $unset: { serviceHours: 1 } });
  }

  /** The business's name and industry; the merchant after the change. */
  updateProfile(merchantId: MerchantId, profile: Pick<Merchant, 'name' | 'industry'>): Promise<MerchantRecord | null> {
    return this.updated(merchantId, { $set: profile });
  }

  /** The scenario settings: the scans read them with the knowledge snapshot. */
  async setOutreach(merchantId: MerchantId, outreach: Merchant['outreach']): Promise<void> {
    await this.updated(merchantId, { $set: { outreach } });
  }

  async setAutoReplyMode(merchantId: MerchantId, mode: Merchant['autoReply']['mode']): Promise<void> {
    await this.updated(merchantId, { $set: { 'autoReply.mode': mode } });
  }

  async setWeatherLocation(merchantId: MerchantId, location: NonNullable<Merchant['weatherLocation']>): Promise<void> {
    await this.updated(merchantId, { $set: { weatherLocation: location } });
  }

  /** A layer's own calendar, or (undefined) back to the industry's: the week's posts are drafted from the snapshot. */
  async setGroupCalendar(merchantId: MerchantId, layer: GroupLayer, slots: CalendarSlot[] | undefined): Promise<void> {
    const path = `groupCalendars.${layer}`;
    await this.updated(merchantId, slots ? { $set: { [path]: slots } } : { $unset: { [path]: 1 } });
  }

  /** Every write to the merchant goes through here, so each one renews the knowledge snapshot. */
  private async updated(merchantId: MerchantId, update: UpdateQuery<Merchant>): Promise<MerchantRecord | null> {
    const after = await this.model
      .findByIdAndUpdate(merchantObjectId(merchantId), update, { returnDocument: 'after' })
      .lean<MerchantRecord>()
      .exec();
    await this.hooks.settingsChanged?.(merchantId);
    return after;
  }
}
