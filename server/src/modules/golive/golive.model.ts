import { AUTO_REPLY_MODES, type AutoReplyMode } from '@xiaoer/common/schemas/ai';
import { Schema, type Connection, type Types } from 'mongoose';

/** A conversation the bot answers before the shop goes live: the owner's own test. */
export interface LaunchTester {
  externalUserId: string;
  at: Date;
  /** window: the first new conversation after the owner opened the test; standin: the demo's stand-in played it */
  via: 'window' | 'standin';
}

/** Whether a merchant is still being set up or open for business (开始营业), and its test conversations. */
export interface Launch {
  merchantId: Types.ObjectId;
  status: 'setup' | 'live';
  testers: LaunchTester[];
  testUntil?: Date | null;
  liveAt?: Date;
  /** the staff id of the member who pressed 开始营业 */
  liveBy?: string;
  liveMode?: AutoReplyMode;
  /** the 微信客服 accounts' contact links (kf/add_contact_way), read once; when they were last asked for */
  kfLinks?: { openKfId: string; url: string }[];
  kfLinksTriedAt?: Date | null;
}

const schema = new Schema<Launch>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  status: { type: String, enum: ['setup', 'live'], required: true },
  testers: {
    type: [new Schema({ externalUserId: String, at: Date, via: String }, { _id: false })],
    default: [],
  },
  testUntil: { type: Date, default: null },
  liveAt: Date,
  liveBy: String,
  liveMode: { type: String, enum: AUTO_REPLY_MODES },
  kfLinks: { type: [new Schema({ openKfId: String, url: String }, { _id: false })], default: [] },
  kfLinksTriedAt: { type: Date, default: null },
});

// One launch record per merchant.
schema.index({ merchantId: 1 }, { unique: true });

export const launchModel = (conn: Connection) => conn.model<Launch>('Launch', schema, 'merchant_launches');
export type LaunchModel = ReturnType<typeof launchModel>;
