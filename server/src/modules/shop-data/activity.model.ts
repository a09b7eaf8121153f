import { Schema, type Connection, type Types } from 'mongoose';

/** An activity families sign up for, as the school system lists it. */
export interface Activity {
  merchantId: Types.ObjectId;
  externalId: string;
  name: string;
  /** merchant-local date, YYYY-MM-DD */
  date: string;
  minGrade?: number;
  maxGrade?: number;
  course?: string;
  fee?: number;
  seats?: number;
  createdAt: Date;
  updatedAt: Date;
}

const activitySchema = new Schema<Activity>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    name: { type: String, required: true },
    date: { type: String, required: true },
    minGrade: Number,
    maxGrade: Number,
    course: String,
    fee: Number,
    seats: Number,
  },
  { timestamps: true },
);
activitySchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
activitySchema.index({ merchantId: 1, date: 1 });
export const activityModel = (conn: Connection) => conn.model<Activity>('Activity', activitySchema, 'activities');
export type ActivityModel = ReturnType<typeof activityModel>;
