import { Schema, type Connection, type Types } from 'mongoose';

/** A group-buy voucher redeemed at the till (美团 / 抖音 核销), by the platform's redemption id. */
export interface Redemption {
  merchantId: Types.ObjectId;
  externalId: string;
  platform: string;
  voucherCode: string;
  deal?: string;
  amount?: number;
  staffName?: string;
  at: Date;
  shopId?: Types.ObjectId;
  createdAt: Date;
  updatedAt: Date;
}

const redemptionSchema = new Schema<Redemption>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    platform: { type: String, required: true },
    voucherCode: { type: String, required: true },
    deal: String,
    amount: Number,
    staffName: String,
    at: { type: Date, required: true },
    shopId: Schema.Types.ObjectId,
  },
  { timestamps: true },
);
redemptionSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
redemptionSchema.index({ merchantId: 1, voucherCode: 1 });
redemptionSchema.index({ merchantId: 1, staffName: 1, at: 1 });
export const redemptionModel = (conn: Connection) =>
  conn.model<Redemption>('Redemption', redemptionSchema, 'redemptions');
export type RedemptionModel = ReturnType<typeof redemptionModel>;
