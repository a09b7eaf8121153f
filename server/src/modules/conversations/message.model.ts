import { Schema, type Connection, type Types } from 'mongoose';

export const MESSAGE_DIRECTIONS = ['in', 'out', 'event'] as const;
export const OUT_STATUSES = ['sending', 'sent', 'failed', 'not_attempted'] as const;
export type OutStatus = (typeof OUT_STATUSES)[number];

/** A message in a customer conversation (微信客服 for now): what the customer wrote, what we sent, and events. */
export interface ConversationMessage {
  merchantId: Types.ObjectId;
  channel: 'kf';
  openKfId: string;
  externalUserId: string;
  direction: (typeof MESSAGE_DIRECTIONS)[number];
  /** WeCom's msgid for synced messages */
  wecomMsgId?: string;
  /** our own msgid for sends: WeCom rejects a reused one (95011), which makes a retried send idempotent */
  ourMsgId?: string;
  msgtype: string;
  text?: string;
  /** the raw message or event as WeCom sent it */
  raw?: Record<string, unknown>;
  sentAt: Date;
  status?: OutStatus;
  /** why a send failed or was not attempted (window_expired, budget_exhausted, human_serving, wecom:<errcode> ...) */
  reason?: string;
  /** set once the pipeline has acted on an incoming message or event (welcome sent, reply queued ...) */
  handledAt?: Date;
}

const messageSchema = new Schema<ConversationMessage>({
  merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
  channel: { type: String, enum: ['kf'], required: true },
  openKfId: { type: String, required: true },
  externalUserId: { type: String, required: true },
  direction: { type: String, enum: MESSAGE_DIRECTIONS, required: true },
  wecomMsgId: String,
  ourMsgId: String,
  msgtype: { type: String, required: true },
  text: String,
  raw: Schema.Types.Mixed,
  sentAt: { type: Date, required: true },
  status: { type: String, enum: OUT_STATUSES },
  reason: String,
  handledAt: Date,
});

// sync_msg dedupe: a message fetched twice (overlapping syncs, retries) is stored once.
messageSchema.index(
  { merchantId: 1, wecomMsgId: 1 },
  { unique: true, partialFilterExpression: { wecomMsgId: { $type: 'string' } } },
);
// Send idempotency: one outgoing message per our msgid.
messageSchema.index(
  { merchantId: 1, ourMsgId: 1 },
  { unique: true, partialFilterExpression: { ourMsgId: { $type: 'string' } } },
);
// A conversation's history, newest last.
messageSchema.index({ merchantId: 1, externalUserId: 1, sentAt: 1 });
// Reports: a period's messages.
messageSchema.index({ merchantId: 1, sentAt: 1 });
// The pipeline's to-do list: synced messages not yet acted on.
messageSchema.index({ merchantId: 1, openKfId: 1, handledAt: 1, sentAt: 1 });

export const messageModel = (conn: Connection) =>
  conn.model<ConversationMessage>('ConversationMessage', messageSchema, 'messages');
export type MessageModel = ReturnType<typeof messageModel>;
