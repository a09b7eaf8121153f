import { Schema, type Connection, type Types } from 'mongoose';

/** Progress of an onboarding sync of every customer, saved after each page so a crash resumes where it stopped. */
export interface ContactSyncRun {
  merchantId: Types.ObjectId;
  status: 'running' | 'done';
  /** which batch of up to 100 member userids is being read, and WeCom's cursor within it */
  batchIndex: number;
  cursor: string;
  synced: number;
  /** the customers WeCom lists for the staff (counted before the first page), for the progress shown to the owner */
  total?: number | null;
  /** why the last attempt stopped, in the owner's words (cleared when a page goes through again) */
  error?: { message: string; fix: string } | null;
  startedAt: Date;
  finishedAt?: Date;
}

const schema = new Schema<ContactSyncRun>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: ['running', 'done'], required: true },
  batchIndex: { type: Number, default: 0 },
  cursor: { type: String, default: '' },
  synced: { type: Number, default: 0 },
  total: { type: Number, default: null },
  error: { type: new Schema({ message: String, fix: String }, { _id: false }), default: null },
  startedAt: { type: Date, required: true },
  finishedAt: Date,
});

// At most one running sync per merchant (the backstop if two workers start one at once); history by start time.
schema.index({ merchantId: 1, status: 1 }, { unique: true, partialFilterExpression: { status: 'running' } });
schema.index({ merchantId: 1, startedAt: -1 });

export const contactSyncModel = (conn: Connection) =>
  conn.model<ContactSyncRun>('ContactSyncRun', schema, 'contact_sync_runs');
export type ContactSyncModel = ReturnType<typeof contactSyncModel>;
