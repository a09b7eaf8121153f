import { INDUSTRIES } from '@xiaoer/common/constants/industries';
import { Schema, type Connection, type InferSchemaType } from 'mongoose';

const openingSpan = new Schema({ weekday: { type: Number, min: 0, max: 6, required: true }, open: String, close: String }, { _id: false });
const holiday = new Schema({ date: { type: String, required: true }, name: String, closed: Boolean, open: String, close: String }, { _id: false });

const merchantSchema = new Schema(
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

export type Merchant = InferSchemaType<typeof merchantSchema>;
export const merchantModel = (conn: Connection) => conn.model('Merchant', merchantSchema);
export type MerchantModel = ReturnType<typeof merchantModel>;
