import { GROUP_LAYERS, resolveGroupCalendars, type GroupLayer } from '@xiaoer/common/constants/groups';
import { CALENDAR_LAYERS, type GroupCalendarDto } from '@xiaoer/common/schemas/group-calendar';
import type { MerchantRecord } from '../merchants/merchant.repository.js';
import { byWeekThenTime, planWeek } from './group-calendar.js';

/** Any week: what the 80/20 rule does with a calendar does not depend on the dates. */
const A_MONDAY = '2026-01-05';

/**
 * A layer's calendar in force (the owner's, or the industry's) in week order, with what the 80/20 rule makes of it:
 * the promotional share and the promotional slots it leaves out.
 */
export function presentGroupCalendar(merchant: MerchantRecord, layer: GroupLayer): GroupCalendarDto {
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

export const presentGroupCalendars = (merchant: MerchantRecord): GroupCalendarDto[] =>
  CALENDAR_LAYERS.map((layer) => presentGroupCalendar(merchant, layer));
