// The owner's group calendars: each layer's weekly rhythm, the industry's until the owner edits it (a shop that does
// not post on Mondays, a salon's own schedule times). The 80/20 rule still decides what a week posts: the answer says
// the promotional share and which promotional slots it leaves out.
import { TOPIC_KIND, type CalendarSlot, type GroupLayer } from '@xiaoer/common/constants/groups';
import type { GroupCalendarUpdate } from '@xiaoer/common/schemas/group-calendar';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRecord, MerchantRepository } from '../merchants/merchant.repository.js';
import { byWeekThenTime } from './group-calendar.js';

/** The calendars live on the merchant: each method gives the merchant as it now is (presentGroupCalendar shows one). */
export class GroupCalendarService {
  constructor(private d: { merchants: MerchantRepository }) {}

  async calendarsOf(merchantId: MerchantId): Promise<MerchantRecord> {
    const merchant = await this.d.merchants.findById(merchantId);
    if (!merchant) throw notFound('没有找到这家店');
    return merchant;
  }

  save(merchantId: MerchantId, layer: GroupLayer, update: GroupCalendarUpdate): Promise<MerchantRecord> {
    const slots = update.slots.map((s) => ({ ...s, kind: TOPIC_KIND[s.topic] })).sort(byWeekThenTime);
    return this.store(merchantId, layer, slots);
  }

  /** Back to the industry's calendar for the layer. */
  reset(merchantId: MerchantId, layer: GroupLayer): Promise<MerchantRecord> {
    return this.store(merchantId, layer, undefined);
  }

  private async store(merchantId: MerchantId, layer: GroupLayer, slots: CalendarSlot[] | undefined) {
    await this.d.merchants.setGroupCalendar(merchantId, layer, slots); // renews the knowledge snapshot the week reads
    return this.calendarsOf(merchantId);
  }
}
