import { Schema, type Connection, type Types } from 'mongoose';

/** One merchant's morning summary of one local day: claimed by the worker sending it, done once it was sent. */
export interface MorningSummary {
  merchantId: Types.ObjectId;
  day: string;
  /** the day's summary is done (sent, or a quiet night with nothing to tell); absent while it is still owed */
  sentAt?: Date;
  /** the worker sending it owns it until then */
  leaseUntil?: Date;
  counts: Record<string, number>;
}

const schema = new Schema<MorningSummary>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  day: { type: String, required: true },
  sentAt: Date,
  leaseUntil: Date,
  counts: { type: Schema.Types.Mixed },
});
// Once per merchant per day, across workers and retries.
schema.index({ merchantId: 1, day: 1 }, { unique: true });

export const morningSummaryModel = (conn: Connection) =>
  conn.model<MorningSummary>('MorningSummary', schema, 'morning_summaries');
export type MorningSummaryModel = ReturnType<typeof morningSummaryModel>;
