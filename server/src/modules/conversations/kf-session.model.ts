import { Schema, type Connection, type Types } from 'mongoose';
import { KF_STATES, type KfState } from './kf-state.js';

/**
 * One customer's session with one 微信客服 account. It carries what decides whether we may still write to them:
 * WeCom allows API replies only in state new/bot, within 48 h of the customer's last message, and at most 5 replies
 * per customer message.
 */
export interface KfSession {
  merchantId: Types.ObjectId;
  openKfId: string;
  externalUserId: string;
  state: KfState;
  servicerUserId?: string;
  lastCustomerMessageAt: Date;
  sentSinceCustomerMessage: number;
  createdAt: Date;
  updatedAt: Date;
}

const kfSessionSchema = new Schema<KfSession>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    openKfId: { type: String, required: true },
    externalUserId: { type: String, required: true },
    state: { type: String, enum: KF_STATES, required: true, default: 'new' },
    servicerUserId: String,
    lastCustomerMessageAt: { type: Date, required: true },
    sentSinceCustomerMessage: { type: Number, required: true, default: 0 },
  },
  { timestamps: true },
);

// One session per customer per account; sync and send both upsert/reserve against it.
kfSessionSchema.index({ merchantId: 1, openKfId: 1, externalUserId: 1 }, { unique: true });
// Staff views and the morning summary: sessions waiting for a person.
kfSessionSchema.index({ merchantId: 1, state: 1, lastCustomerMessageAt: -1 });

export const kfSessionModel = (conn: Connection) => conn.model<KfSession>('KfSession', kfSessionSchema, 'kf_sessions');
export type KfSessionModel = ReturnType<typeof kfSessionModel>;

/** The sync_msg cursor per account: where the next sync continues, so no message is fetched twice or skipped. */
export interface KfCursor {
  merchantId: Types.ObjectId;
  openKfId: string;
  cursor: string;
}
const kfCursorSchema = new Schema<KfCursor>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  openKfId: { type: String, required: true },
  cursor: { type: String, default: '' },
});
// One cursor per account.
kfCursorSchema.index({ merchantId: 1, openKfId: 1 }, { unique: true });
export const kfCursorModel = (conn: Connection) => conn.model<KfCursor>('KfCursor', kfCursorSchema, 'kf_cursors');
