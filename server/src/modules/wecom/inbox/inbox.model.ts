import { Schema, type Connection, type Types } from 'mongoose';

export const INBOX_STATUSES = ['pending', 'processing', 'done', 'failed'] as const;
export type InboxStatus = (typeof INBOX_STATUSES)[number];

/**
 * One event WeCom delivered, stored before we answer "success". The unique (merchantId, dedupeKey) index is the
 * dedupe: a retried or concurrent duplicate delivery fails to insert and is acknowledged without a second copy.
 */
export interface InboxEvent {
  merchantId: Types.ObjectId;
  corpId: string;
  dedupeKey: string;
  kind: string;
  /** the event's lane: events of one key (a customer, a chat, a 微信客服 account) are handled one at a time, in order */
  orderingKey: string;
  priority: number;
  /** the decrypted event fields, as WeCom sent them */
  payload: Record<string, string>;
  status: InboxStatus;
  /**
   * The lane's head: the one unfinished event of its orderingKey that workers may claim (the rest of the lane waits
   * behind it, head unset). Set when the event is stored into an empty lane or when the event before it finishes.
   */
  head?: boolean;
  /** a head's place in the claim order (fair-turns.ts: merchants take turns; priority is a bounded head start) */
  turn?: Date;
  /** on a head: events wait behind it, so finishing it promotes the next (inbox-lanes.repository.ts) */
  behind?: boolean;
  /** the handling that covers this waiting event (a sync covers the notices queued before it started) */
  coveredBy?: Types.ObjectId;
  /** stored by intake and not yet placed in its lane: a worker admits it (promotes or flags its lane's head) */
  fresh?: boolean;
  attempts: number;
  nextAttemptAt: Date;
  /** while processing: the worker's lease; a crashed worker's lease runs out and the event is taken over */
  leaseUntil?: Date;
  leaseOwner?: string;
  lastError?: string;
  /** what handling did (and which steps are already done, so a retry skips them) */
  result?: Record<string, unknown>;
  receivedAt: Date;
  doneAt?: Date;
}

const inboxSchema = new Schema<InboxEvent>({
  merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
  corpId: { type: String, required: true },
  dedupeKey: { type: String, required: true },
  kind: { type: String, required: true },
  orderingKey: { type: String, required: true },
  priority: { type: Number, required: true },
  payload: { type: Schema.Types.Mixed, required: true },
  status: { type: String, enum: INBOX_STATUSES, required: true, default: 'pending' },
  head: Boolean,
  turn: Date,
  behind: Boolean,
  coveredBy: Schema.Types.ObjectId,
  fresh: Boolean,
  attempts: { type: Number, default: 0 },
  nextAttemptAt: { type: Date, required: true },
  leaseUntil: Date,
  leaseOwner: String,
  lastError: String,
  result: Schema.Types.Mixed,
  receivedAt: { type: Date, required: true },
  doneAt: Date,
});

// Intake dedupe: the same event delivered again (WeCom retry, concurrent delivery) cannot be stored twice.
inboxSchema.index({ merchantId: 1, dedupeKey: 1 }, { unique: true });
// At most one head per lane: the atomic rule behind per-customer order. Storing a head into a lane that has one, or
// promoting a second, fails with E11000 instead of letting two events of one customer run at once.
export const ONE_HEAD_PER_LANE = 'one_head_per_lane';
inboxSchema.index(
  { merchantId: 1, orderingKey: 1 },
  { unique: true, partialFilterExpression: { head: true }, name: ONE_HEAD_PER_LANE },
);
// The worker's claim: due heads (and heads whose worker died) by turn (priority is folded into it).
inboxSchema.index({ head: 1, status: 1, turn: 1 });
// The repair sweep: queued events by arrival (lanes left without a head after a crash between two steps).
inboxSchema.index({ status: 1, priority: 1, receivedAt: 1 });
// Admission: events intake stored, oldest first, for a worker to place in their lanes.
inboxSchema.index({ fresh: 1, receivedAt: 1 });
// A lane in arrival order: the next event to promote, the notices a sync covers.
inboxSchema.index({ orderingKey: 1, status: 1, receivedAt: 1 });
// A merchant's events by arrival: the operator's "last callback received", and the support reads of one merchant.
inboxSchema.index({ merchantId: 1, receivedAt: -1 });
// Handled events are kept 30 days for support, then expire.
inboxSchema.index({ doneAt: 1 }, { expireAfterSeconds: 30 * 86_400 });

export const inboxModel = (conn: Connection) => conn.model<InboxEvent>('InboxEvent', inboxSchema, 'wecom_inbox');
export type InboxModel = ReturnType<typeof inboxModel>;
