// The owner's group calendars: each layer's weekly rhythm, the industry's until the owner edits it (a shop that does
// not post on Mondays, a salon's own schedule times). The 80/20 rule still decides what a week posts: the answer says
// the promotional share and which promotional slots it leaves out.
import {
  GROUP_LAYERS,
  resolveGroupCalendars,
  TOPIC_KIND,
  type CalendarSlot,
  type GroupLayer,
} from '@xiaoer/common/constants/groups';
import {
  CALENDAR_LAYERS,
  type GroupCalendarDto,
  type GroupCalendarUpdate,
} from '@xiaoer/common/schemas/group-calendar';
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRecord, MerchantRepository } from '../merchants/merchant.repository.js';
import { planWeek } from './group-calendar.js';

const A_MONDAY = '2026-01-05';
const byWeekThenTime = (a: CalendarSlot, b: CalendarSlot) =>
  ((a.weekday + 6) % 7) - ((b.weekday + 6) % 7) || a.at.localeCompare(b.at);

export class GroupCalendarService {
  constructor(private d: { merchants: MerchantRepository }) {}

  async list(merchantId: MerchantId): Promise<GroupCalendarDto[]> {
    const merchant = await this.merchant(merchantId);
    return CALENDAR_LAYERS.map((layer) => this.present(merchant, layer));
  }

  async save(merchantId: MerchantId, layer: GroupLayer, update: GroupCalendarUpdate): Promise<GroupCalendarDto> {
    const slots = update.slots.map((s) => ({ ...s, kind: TOPIC_KIND[s.topic] })).sort(byWeekThenTime);
    return this.store(merchantId, layer, slots);
  }

  /** Back to the industry's calendar for the layer. */
  reset(merchantId: MerchantId, layer: GroupLayer): Promise<GroupCalendarDto> {
    return this.store(merchantId, layer, undefined);
  }

  private async store(
    merchantId: MerchantId,
    layer: GroupLayer,
    slots: CalendarSlot[] | undefined,
  ): Promise<GroupCalendarDto> {
    await this.d.merchants.setGroupCalendar(merchantId, layer, slots); // renews the knowledge snapshot the week reads
    return this.present(await this.merchant(merchantId), layer);
  }

  private present(merchant: MerchantRecord, layer: GroupLayer): GroupCalendarDto {
    const slots = resolveGroupCalendars(merchant.industry, merchant.groupCalendars)[layer] ?? [];
    const plan = planWeek(slots, A_MONDAY);
    return {
      layer,
      name: GROUP_LAYERS[layer],
      custom: Boolean(merchant.groupCalendars?.[layer]),
      slots: [...slots].sort(byWeekThenTime),
      promoPct: plan.promoPct,
      dropped: plan.dropped.map((s) => s.title),
    };
  }

  private async merchant(merchantId: MerchantId): Promise<MerchantRecord> {
    const merchant = await this.d.merchants.findById(merchantId);
    if (!merchant) throw notFound('没有找到这家店');
    return merchant;
  }
}
