import { SOURCE_CHANNELS, type SourceChannel } from '@xiaoer/common/constants/customer';
import { Schema, type Connection, type Types } from 'mongoose';

/** One customer added through a 联系我 code: the state WeCom reported and the week it happened in. */
export interface ChannelAdd {
  merchantId: Types.ObjectId;
  /** the add's state as WeCom reported it ("<channel>:<code>"), which names the channel */
  state: string;
  channel: SourceChannel;
  externalUserId: string;
  /** the Monday (YYYY-MM-DD, Shanghai) of the add's week: the console counts by it without date arithmetic */
  week: string;
  addedAt: Date;
}

const channelAddSchema = new Schema<ChannelAdd>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    state: { type: String, required: true, maxlength: 30 },
    channel: { type: String, enum: SOURCE_CHANNELS, required: true },
    externalUserId: { type: String, required: true },
    week: { type: String, required: true },
    addedAt: { type: Date, required: true },
  },
  { versionKey: false },
);

// A customer counts once per code: the same add event delivered again (or a re-add) is not a second customer.
channelAddSchema.index({ merchantId: 1, state: 1, externalUserId: 1 }, { unique: true });
// The weekly chart: the merchant's adds of the last weeks, grouped by state.
channelAddSchema.index({ merchantId: 1, week: 1 });

export const channelAddModel = (conn: Connection) =>
  conn.model<ChannelAdd>('ChannelAdd', channelAddSchema, 'channel_adds');
export type ChannelAddModel = ReturnType<typeof channelAddModel>;
