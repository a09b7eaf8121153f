import { GROUP_LAYERS, type GroupLayer } from '@xiaoer/common/constants/groups';
import { Schema, type Connection, type Types } from 'mongoose';

/** A customer group (客户群) as synced from WeCom, with the merchant's layer and its activity. */
export interface GroupChat {
  merchantId: Types.ObjectId;
  chatId: string;
  name: string;
  ownerUserId: string;
  ownerStaffId?: Types.ObjectId;
  notice?: string;
  layer: GroupLayer;
  memberCount: number;
  /** our customers among the members */
  customerIds: Types.ObjectId[];
  /** members who joined / left since we started watching (change_external_chat counts) */
  joined: number;
  left: number;
  dismissed: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const groupSchema = new Schema<GroupChat>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    chatId: { type: String, required: true },
    name: { type: String, default: '' },
    ownerUserId: { type: String, required: true },
    ownerStaffId: Schema.Types.ObjectId,
    notice: String,
    layer: { type: String, enum: Object.keys(GROUP_LAYERS), default: 'unset' },
    memberCount: { type: Number, default: 0 },
    customerIds: { type: [Schema.Types.ObjectId], default: [] },
    joined: { type: Number, default: 0 },
    left: { type: Number, default: 0 },
    dismissed: { type: Boolean, default: false },
  },
  { timestamps: true },
);
// One record per group; a sync or an event upserts it.
groupSchema.index({ merchantId: 1, chatId: 1 }, { unique: true });
// Which groups a customer is in (interaction replies are counted against their groups' posts).
groupSchema.index({ merchantId: 1, customerIds: 1 });
// The calendar: a merchant's live groups by layer.
groupSchema.index({ merchantId: 1, layer: 1, dismissed: 1 });

export const groupChatModel = (conn: Connection) => conn.model<GroupChat>('GroupChat', groupSchema, 'group_chats');
export type GroupChatModel = ReturnType<typeof groupChatModel>;
