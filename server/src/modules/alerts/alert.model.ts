import { ALERT_LEVELS, ALERT_STATUSES, type AlertLevel } from '@xiaoer/common/schemas/alert';
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { Schema, type Connection, type Types } from 'mongoose';

export type NotifyState = 'pending' | 'sent' | 'failed' | 'nobody';

/** An alert for the owner, raised once per (merchant, kind, key) and told in WeCom with retries. */
export interface Alert {
  merchantId: Types.ObjectId;
  kind: ScenarioKey;
  /** what makes it the same alert: "杨枝甘露:2:2026-11-23" for low stock, the review id for a bad review ... */
  key: string;
  level: AlertLevel;
  title: string;
  body: string;
  data: Record<string, unknown>;
  status: (typeof ALERT_STATUSES)[number];
  notify: NotifyState;
  notifyAttempts: number;
  /** a worker telling the owner holds the alert until then */
  notifyLeaseUntil?: Date;
  notifiedAt?: Date;
  resolvedAt?: Date;
  resolvedBy?: string;
  createdAt: Date;
  updatedAt: Date;
}

const alertSchema = new Schema<Alert>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true },
    key: { type: String, required: true },
    level: { type: String, enum: ALERT_LEVELS, required: true },
    title: { type: String, required: true },
    body: { type: String, required: true },
    data: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, enum: ALERT_STATUSES, default: 'open' },
    notify: { type: String, default: 'pending' },
    notifyAttempts: { type: Number, default: 0 },
    notifyLeaseUntil: Date,
    notifiedAt: Date,
    resolvedAt: Date,
    resolvedBy: String,
  },
  { timestamps: true },
);
// Raised once: two workers, a rerun or a resent webhook cannot raise the same alert twice.
alertSchema.index({ merchantId: 1, kind: 1, key: 1 }, { unique: true });
// The owner's list, newest first.
alertSchema.index({ merchantId: 1, status: 1, createdAt: -1 });
// Alerts still to be told.
alertSchema.index({ merchantId: 1, notify: 1 });

export const alertModel = (conn: Connection) => conn.model<Alert>('Alert', alertSchema, 'alerts');
export type AlertModel = ReturnType<typeof alertModel>;
