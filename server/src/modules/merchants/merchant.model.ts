import type { OutreachSettingsInput } from '@xiaoer/common/schemas/merchant';
import { INDUSTRIES, type Industry } from '@xiaoer/common/constants/industries';
import { AUTO_REPLY_MODES, type AutoReplyMode } from '@xiaoer/common/schemas/ai';
import { Schema, type Connection } from 'mongoose';
import type { CalendarSlot, GroupLayer } from '@xiaoer/common/constants/groups';
import { SHOP_FACT_TOPICS, type ShopFactTopic } from '@xiaoer/common/constants/shop-facts';

const openingSpan = new Schema(
  { weekday: { type: Number, min: 0, max: 6, required: true }, open: String, close: String },
  { _id: false },
);
const shopFact = new Schema(
  {
    topic: { type: String, enum: SHOP_FACT_TOPICS, required: true },
    label: String,
    text: { type: String, required: true },
  },
  { _id: false },
);
const holiday = new Schema(
  { date: { type: String, required: true }, name: String, closed: Boolean, open: String, close: String },
  { _id: false },
);

export interface OpeningSpan {
  weekday: number;
  open: string;
  close: string;
}

export interface Holiday {
  date: string;
  name: string;
  closed: boolean;
  open?: string;
  close?: string;
}

/** What customers ask that is neither a product nor a policy (payment, delivery platforms, couriers …). */
export interface ShopFact {
  topic: ShopFactTopic;
  /** names an `other` fact ("宠物") */
  label?: string;
  text: string;
}

export interface Merchant {
  name: string;
  industry: Industry;
  timezone: string;
  businessHours: OpeningSpan[];
  holidays: Holiday[];
  /**
   * Online customer service (客服) hours, for sellers whose chat is staffed apart from any shop's opening hours;
   * absent: the same as businessHours. A weekday without a span is closed, as in businessHours.
   */
  serviceHours?: OpeningSpan[];
  /** customer-facing facts, one per topic (`other` as many as needed); absent on merchants that never set them */
  facts?: ShopFact[];
  demo: boolean;
  /** when the bot answers on 微信客服: never, outside business hours (the default), or always */
  autoReply: { mode: AutoReplyMode };
  /** proactive scenarios and the contact policy; absent until the owner changes them (defaults apply) */
  outreach?: OutreachSettingsInput;
  /** the weather source's location for the shop (QWeather LocationID and its name), once the owner named the city */
  weatherLocation?: { id: string; name: string };
  /** customer-group calendars the owner edited, per layer (the others follow the industry's) */
  groupCalendars?: Partial<Record<GroupLayer, CalendarSlot[]>>;
  createdAt: Date;
  updatedAt: Date;
}

const merchantSchema = new Schema<Merchant>(
  {
    name: { type: String, required: true, trim: true, maxlength: 50 },
    industry: { type: String, enum: INDUSTRIES, required: true },
    timezone: { type: String, default: 'Asia/Shanghai' },
    businessHours: { type: [openingSpan], default: [] },
    holidays: { type: [holiday], default: [] },
    serviceHours: { type: [openingSpan], default: undefined },
    facts: { type: [shopFact], default: [] },
    demo: { type: Boolean, default: false },
    autoReply: { mode: { type: String, enum: AUTO_REPLY_MODES, default: 'after_hours' } },
    outreach: { type: Schema.Types.Mixed },
    weatherLocation: { type: new Schema({ id: String, name: String }, { _id: false }) },
    groupCalendars: { type: Schema.Types.Mixed },
  },
  { timestamps: true },
);

// Demo bootstrap: find the demo merchant without a scan.
merchantSchema.index({ demo: 1 }, { partialFilterExpression: { demo: true } });

export const merchantModel = (conn: Connection) => conn.model<Merchant>('Merchant', merchantSchema);
export type MerchantModel = ReturnType<typeof merchantModel>;
