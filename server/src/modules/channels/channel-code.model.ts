import { SOURCE_CHANNELS, type SourceChannel } from '@xiaoer/common/constants/customer';
import { Schema, type Connection, type Types } from 'mongoose';

/** A 联系我 QR code made for one source (a table card, the receipt, a flyer ...), and how many customers it brought. */
export interface ChannelCode {
  merchantId: Types.ObjectId;
  channel: SourceChannel;
  label: string;
  /** what WeCom returns on add_external_contact: "<channel>:<code>" (30 characters at most) */
  state: string;
  configId: string;
  qrCode: string;
  staffIds: Types.ObjectId[];
  adds: number;
  createdAt: Date;
  updatedAt: Date;
}

const channelCodeSchema = new Schema<ChannelCode>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    channel: { type: String, enum: SOURCE_CHANNELS, required: true },
    label: { type: String, required: true, maxlength: 30 },
    state: { type: String, required: true, maxlength: 30 },
    configId: { type: String, required: true },
    qrCode: { type: String, required: true },
    staffIds: { type: [Schema.Types.ObjectId], default: [] },
    adds: { type: Number, default: 0 },
  },
  { timestamps: true },
);

// Attribution on add_external_contact: state → code (and its counter); unique so a state names one code.
channelCodeSchema.index({ merchantId: 1, state: 1 }, { unique: true });
// The merchant's code list by channel.
channelCodeSchema.index({ merchantId: 1, channel: 1, createdAt: -1 });

export const channelCodeModel = (conn: Connection) =>
  conn.model<ChannelCode>('ChannelCode', channelCodeSchema, 'channel_codes');
export type ChannelCodeModel = ReturnType<typeof channelCodeModel>;
