import { INDUSTRIES, type Industry } from '@xiaoer/common/constants/industries';
import { Schema, type Connection } from 'mongoose';

const openingSpan = new Schema({ weekday: { type: Number, min: 0, max: 6, required: true }, open: String, close: String }, { _id: false });
const holiday = new Schema({ date: { type: String, required: true }, name: String, closed: Boolean, open: String, close: String }, { _id: false });

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

export interface Merchant {
  name: string;
  industry: Industry;
  timezone: string;
  businessHours: OpeningSpan[];
  holidays: Holiday[];
  wecomCorpId?: string;
  demo: boolean;
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
    /** the WeCom corp this merchant's self-built or agency app lives in (set when WeCom is connected) */
    wecomCorpId: { type: String, trim: true },
    demo: { type: Boolean, default: false },
  },
  { timestamps: true },
);

// Callback routing /wecom/callback/:corpId → merchant. Unique: one corp belongs to one merchant.
merchantSchema.index({ wecomCorpId: 1 }, { unique: true, partialFilterExpression: { wecomCorpId: { $type: 'string' } } });
// Demo bootstrap: find the demo merchant without a scan.
merchantSchema.index({ demo: 1 }, { partialFilterExpression: { demo: true } });

export const merchantModel = (conn: Connection) => conn.model<Merchant>('Merchant', merchantSchema);
export type MerchantModel = ReturnType<typeof merchantModel>;
