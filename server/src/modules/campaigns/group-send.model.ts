import { Schema, type Connection, type Types } from 'mongoose';

/**
 * A group-send task (群发) created in WeCom with add_msg_template. WeCom only delivers after the sender confirms it
 * in the WeCom app; results come back through get_groupmsg_task / get_groupmsg_send_result.
 */
export interface GroupSendTask {
  merchantId: Types.ObjectId;
  senderStaffId: Types.ObjectId;
  senderUserId: string;
  text: string;
  /** WeCom's msgid for the task */
  msgid: string;
  /** the caller's idempotency key (`draft-<id>`): a retried send finds its task instead of making another */
  key?: string;
  externalUserIds: string[];
  /** a post to customer groups (chat_type group): the groups it goes to */
  chatIds?: string[];
  skipped: { customerId: Types.ObjectId; reason: string }[];
  status: 'created' | 'confirmed' | 'failed';
  /** per-customer result from get_groupmsg_send_result: 0 not sent, 1 sent, 2 not a friend, 3 over the customer's limit */
  results: { externalUserId: string; status: number }[];
  checkedAt?: Date;
  /** stopped in WeCom (cancel_groupmsg_send) before the sender confirmed it: its customer opted out */
  cancelledAt?: Date;
  /** an opt-out is stopping it to make it again without the customer: no other opt-out stops it meanwhile */
  withdrawingAt?: Date;
  /** an opt-out could not stop it (WeCom refused): the retry job tries again */
  withdrawRetryAt?: Date;
  /** made again without a customer who opted out (WeCom cannot drop one recipient from a task): the new task */
  replacedBy?: Types.ObjectId;
  createdAt: Date;
}

const groupSendSchema = new Schema<GroupSendTask>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    senderStaffId: { type: Schema.Types.ObjectId, required: true },
    senderUserId: { type: String, required: true },
    text: { type: String, required: true },
    msgid: { type: String, required: true },
    key: { type: String },
    externalUserIds: { type: [String], default: [] },
    chatIds: { type: [String], default: undefined },
    skipped: { type: [new Schema({ customerId: Schema.Types.ObjectId, reason: String }, { _id: false })], default: [] },
    status: { type: String, enum: ['created', 'confirmed', 'failed'], default: 'created' },
    results: { type: [new Schema({ externalUserId: String, status: Number }, { _id: false })], default: [] },
    checkedAt: Date,
    cancelledAt: Date,
    withdrawingAt: Date,
    withdrawRetryAt: Date,
    replacedBy: { type: Schema.Types.ObjectId },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// The local cap check: this merchant's recent tasks that include a given customer (multikey).
groupSendSchema.index({ merchantId: 1, externalUserIds: 1, createdAt: -1 });
// A retried draft finds the task it already made (and a second one for the same key cannot be stored).
groupSendSchema.index(
  { merchantId: 1, key: 1 },
  { unique: true, partialFilterExpression: { key: { $type: 'string' } } },
);
// One task per WeCom msgid.
groupSendSchema.index({ merchantId: 1, msgid: 1 }, { unique: true });

export const groupSendModel = (conn: Connection) =>
  conn.model<GroupSendTask>('GroupSendTask', groupSendSchema, 'group_sends');
export type GroupSendModel = ReturnType<typeof groupSendModel>;
