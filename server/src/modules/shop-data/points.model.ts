import { Schema, type Connection, type Types } from 'mongoose';

/** A member's points that lapse on a day, as the member system reports its 积分到期 batches (one per id). */
export interface PointsBatch {
  merchantId: Types.ObjectId;
  externalId: string;
  customerId?: Types.ObjectId;
  points: number;
  /** YYYY-MM-DD, the last day the points can be used */
  expiresOn: string;
  createdAt: Date;
  updatedAt: Date;
}

const pointsSchema = new Schema<PointsBatch>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    customerId: Schema.Types.ObjectId,
    points: { type: Number, required: true, min: 0 },
    expiresOn: { type: String, required: true },
  },
  { timestamps: true },
);
pointsSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
// The month-end reminder: batches lapsing in a range of days.
pointsSchema.index({ merchantId: 1, expiresOn: 1 });
export const pointsModel = (conn: Connection) => conn.model<PointsBatch>('PointsBatch', pointsSchema, 'points');
export type PointsModel = ReturnType<typeof pointsModel>;
