import { Schema, type Connection, type Types } from 'mongoose';

/** A package the shop entered for a festival of the calendar. */
export interface FestivalOffer {
  merchantId: Types.ObjectId;
  externalId: string;
  festival: string;
  name: string;
  price?: number;
  content?: string;
  createdAt: Date;
  updatedAt: Date;
}

const festivalOfferSchema = new Schema<FestivalOffer>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    festival: { type: String, required: true },
    name: { type: String, required: true },
    price: Number,
    content: String,
  },
  { timestamps: true },
);
festivalOfferSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
festivalOfferSchema.index({ merchantId: 1, festival: 1 });
export const festivalOfferModel = (conn: Connection) =>
  conn.model<FestivalOffer>('FestivalOffer', festivalOfferSchema, 'festival_offers');
export type FestivalOfferModel = ReturnType<typeof festivalOfferModel>;
