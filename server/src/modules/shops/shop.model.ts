import { Schema, type Connection, type Types } from 'mongoose';
import { MAX_SHOPS } from './shop-limits.js';

export interface Shop {
  merchantId: Types.ObjectId;
  slot: number;
  name: string;
  address?: string;
  phone?: string;
  /** where the shop is (WGS-84, as WeChat's location messages give it): the bot names the nearest to a customer */
  lat?: number;
  lng?: number;
  /** where customers park, as the bot tells them */
  parking?: string;
  /**
   * This shop's own opening hours when they differ from the merchant's (a branch closing later, or closed on
   * Wednesdays); absent or empty: the merchant's. A weekday without a span is closed, as in the merchant's.
   */
  businessHours?: { weekday: number; open: string; close: string }[];
  createdAt: Date;
  updatedAt: Date;
}

const shopSchema = new Schema<Shop>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    /** 1..MAX_SHOPS; unique per merchant, so two concurrent "add shop" calls cannot both take the sixth place */
    slot: { type: Number, min: 1, max: MAX_SHOPS, required: true },
    name: { type: String, required: true, trim: true, maxlength: 50 },
    address: { type: String, trim: true, maxlength: 200 },
    phone: { type: String, trim: true, maxlength: 30 },
    lat: { type: Number, min: -90, max: 90 },
    lng: { type: Number, min: -180, max: 180 },
    parking: { type: String, trim: true, maxlength: 200 },
    businessHours: {
      type: [
        new Schema(
          { weekday: { type: Number, min: 0, max: 6, required: true }, open: String, close: String },
          { _id: false },
        ),
      ],
      default: undefined,
    },
  },
  { timestamps: true },
);

// The merchant's shop list (ordered by slot) and the 1..5 cap's concurrency backstop.
shopSchema.index({ merchantId: 1, slot: 1 }, { unique: true });

export const shopModel = (conn: Connection) => conn.model<Shop>('Shop', shopSchema);
export type ShopModel = ReturnType<typeof shopModel>;
