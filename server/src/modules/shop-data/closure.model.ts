import { Schema, type Connection, type Types } from 'mongoose';

/** A closure (停课) of the whole school or one course, with the holiday homework to tell the parents. */
export interface Closure {
  merchantId: Types.ObjectId;
  externalId: string;
  reason: string;
  /** merchant-local dates, YYYY-MM-DD */
  startOn: string;
  endOn: string;
  course?: string;
  homework?: string;
  createdAt: Date;
  updatedAt: Date;
}

const closureSchema = new Schema<Closure>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    externalId: { type: String, required: true },
    reason: { type: String, required: true },
    startOn: { type: String, required: true },
    endOn: { type: String, required: true },
    course: String,
    homework: String,
  },
  { timestamps: true },
);
closureSchema.index({ merchantId: 1, externalId: 1 }, { unique: true });
closureSchema.index({ merchantId: 1, startOn: 1 });
export const closureModel = (conn: Connection) => conn.model<Closure>('Closure', closureSchema, 'closures');
export type ClosureModel = ReturnType<typeof closureModel>;
