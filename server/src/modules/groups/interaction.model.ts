import { Schema, type Connection, type Types } from 'mongoose';
import type { InteractionKind } from './interaction-parser.js';

/** A customer taking part in a group post's interaction: a sign-up, a booking, a guess. */
export interface GroupInteraction {
  merchantId: Types.ObjectId;
  /** 'kf:<message id>' or 'staff:<id>': what makes it one record */
  source: string;
  chatId?: string;
  postId?: Types.ObjectId;
  customerId?: Types.ObjectId;
  customerName?: string;
  kind: InteractionKind;
  detail: string;
  day?: string;
  time?: string;
  at: Date;
}
const interactionSchema = new Schema<GroupInteraction>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  source: { type: String, required: true },
  chatId: String,
  postId: Schema.Types.ObjectId,
  customerId: Schema.Types.ObjectId,
  customerName: String,
  kind: { type: String, required: true },
  detail: { type: String, required: true },
  day: String,
  time: String,
  at: { type: Date, required: true },
});
// A message is counted once, however often it is synced or handled.
interactionSchema.index({ merchantId: 1, source: 1 }, { unique: true });
// A group's outcomes.
interactionSchema.index({ merchantId: 1, chatId: 1, at: -1 });
export const groupInteractionModel = (conn: Connection) =>
  conn.model<GroupInteraction>('GroupInteraction', interactionSchema, 'group_interactions');
export type GroupInteractionModel = ReturnType<typeof groupInteractionModel>;
