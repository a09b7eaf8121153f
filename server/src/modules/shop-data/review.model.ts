import { Schema, type Connection, type Types } from 'mongoose';

/** A customer's review on a platform (美团, 饿了么, 大众点评, 抖音, 淘宝 ...). */
export interface Review {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  platform: string;
  rating: number;
  text: string;
  at: Date;
  orderId?: string;
  createdAt: Date;
  updatedAt: Date;
}
const reviewSchema = new Schema<Review>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    platform: { type: String, required: true },
    rating: { type: Number, required: true },
    text: { type: String, default: '' },
    at: { type: Date, required: true },
    orderId: String,
  },
  { timestamps: true },
);
reviewSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// Reports: a period's reviews.
reviewSchema.index({ merchantId: 1, at: -1 });
export const reviewModel = (conn: Connection) => conn.model<Review>('Review', reviewSchema, 'reviews');
export type ReviewModel = ReturnType<typeof reviewModel>;
