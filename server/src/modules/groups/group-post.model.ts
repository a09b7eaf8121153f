import type { GroupPostKind, GroupPostTopic } from '@xiaoer/common/constants/groups';
import { Schema, type Connection, type Types } from 'mongoose';

/** A post the calendar drafted for a customer group, for the owner to approve; then the group owner's WeCom task. */
export interface GroupPost {
  merchantId: Types.ObjectId;
  chatId: string;
  /** the calendar slot: its date and time (merchant-local) */
  date: string;
  at: string;
  kind: GroupPostKind;
  topic: GroupPostTopic;
  title: string;
  text: string;
  citedIds: string[];
  /** the customers the text names (birthdays, a study report's families), re-checked for consent at approval;
   * absent on posts drafted before it was recorded */
  namedCustomerIds?: Types.ObjectId[];
  status: 'pending' | 'sent' | 'rejected' | 'failed';
  groupSendId?: Types.ObjectId;
  error?: string;
  audit: { at: Date; by: string; action: string; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

const postSchema = new Schema<GroupPost>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    chatId: { type: String, required: true },
    date: { type: String, required: true },
    at: { type: String, required: true },
    kind: { type: String, required: true },
    topic: { type: String, required: true },
    title: { type: String, required: true },
    text: { type: String, required: true, maxlength: 1000 },
    citedIds: { type: [String], default: [] },
    namedCustomerIds: { type: [Schema.Types.ObjectId], default: undefined },
    status: { type: String, default: 'pending' },
    groupSendId: Schema.Types.ObjectId,
    error: String,
    audit: { type: [new Schema({ at: Date, by: String, action: String, note: String }, { _id: false })], default: [] },
  },
  { timestamps: true },
);
// A slot is drafted once per group, however often the week is planned (the topic too: the morning's weather care
// may share its time with a slot the owner put on the calendar).
postSchema.index({ merchantId: 1, chatId: 1, date: 1, at: 1, topic: 1 }, { unique: true });
// The owner's list by status and date.
postSchema.index({ merchantId: 1, status: 1, date: 1 });

export const groupPostModel = (conn: Connection) => conn.model<GroupPost>('GroupPost', postSchema, 'group_posts');
export type GroupPostModel = ReturnType<typeof groupPostModel>;
