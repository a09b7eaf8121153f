import { Schema, type Connection, type Types } from 'mongoose';

/** One sync of the members in the WeCom app's visible range: its progress, and WeCom's reason when it failed. */
export interface StaffSyncRun {
  merchantId: Types.ObjectId;
  status: 'running' | 'done' | 'failed';
  total: number;
  synced: number;
  namesWithheld: number;
  deactivated: number;
  error?: { errcode?: number; message: string; fix: string };
  /** who started it: a member's staff id, or `wecom` when the WeCom step's connection started it */
  startedBy: string;
  startedAt: Date;
  finishedAt?: Date;
}

const schema = new Schema<StaffSyncRun>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: ['running', 'done', 'failed'], required: true },
  total: { type: Number, default: 0 },
  synced: { type: Number, default: 0 },
  namesWithheld: { type: Number, default: 0 },
  deactivated: { type: Number, default: 0 },
  error: { type: new Schema({ errcode: Number, message: String, fix: String }, { _id: false }) },
  startedBy: { type: String, required: true },
  startedAt: { type: Date, required: true },
  finishedAt: Date,
});

// At most one running sync per merchant (two taps on "sync" join one run); the latest by start time.
schema.index({ merchantId: 1, status: 1 }, { unique: true, partialFilterExpression: { status: 'running' } });
schema.index({ merchantId: 1, startedAt: -1 });

export const staffSyncModel = (conn: Connection) => conn.model<StaffSyncRun>('StaffSyncRun', schema, 'staff_sync_runs');
export type StaffSyncModel = ReturnType<typeof staffSyncModel>;
