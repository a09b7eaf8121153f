import { Schema, type Connection, type Types } from 'mongoose';

/** What staff did with a drafted reply in the sidebar: sent it as it was, edited it first, or rejected it. */
export interface DraftFeedback {
  merchantId: Types.ObjectId;
  staffId: Types.ObjectId;
  customerId: Types.ObjectId;
  draft: string;
  outcome: 'used' | 'edited' | 'rejected';
  sentText?: string;
  at: Date;
}

const schema = new Schema<DraftFeedback>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  staffId: { type: Schema.Types.ObjectId, required: true },
  customerId: { type: Schema.Types.ObjectId, required: true },
  draft: { type: String, required: true },
  outcome: { type: String, enum: ['used', 'edited', 'rejected'], required: true },
  sentText: String,
  at: { type: Date, required: true },
});
// Quality stats: a merchant's feedback over time.
schema.index({ merchantId: 1, at: -1 });

export const draftFeedbackModel = (conn: Connection) =>
  conn.model<DraftFeedback>('DraftFeedback', schema, 'draft_feedback');
export type DraftFeedbackModel = ReturnType<typeof draftFeedbackModel>;
