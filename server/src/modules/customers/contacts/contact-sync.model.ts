import { Schema, type Connection, type Types } from 'mongoose';

/** Progress of an onboarding sync of every customer, saved after each page so a crash resumes where it stopped. */
export interface ContactSyncRun {
  merchantId: Types.ObjectId;
  status: 'running' | 'done';
  /** which batch of up to 100 member userids is being read, and WeCom's cursor within it */
  batchIndex: number;
  cursor: string;
  synced: number;
  startedAt: Date;
  finishedAt?: Date;
}

const schema = new Schema<ContactSyncRun>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: ['running', 'done'], required: true },
  batchIndex: { type: Number, default: 0 },
  cursor: { type: String, default: '' },
  synced: { type: Number, default: 0 },
  startedAt: { type: Date, required: true },
  finishedAt: Date,
});

// At most one running sync per merchant (the backstop if two workers start one at once); history by start time.
schema.index({ merchantId: 1, status: 1 }, { unique: true, partialFilterExpression: { status: 'running' } });
schema.index({ merchantId: 1, startedAt: -1 });

export const contactSyncModel = (conn: Connection) =>
  conn.model<ContactSyncRun>('ContactSyncRun', schema, 'contact_sync_runs');
export type ContactSyncModel = ReturnType<typeof contactSyncModel>;
