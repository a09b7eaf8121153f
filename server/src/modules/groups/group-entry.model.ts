import type { GroupLayer } from '@xiaoer/common/constants/groups';
import { Schema, type Connection, type Types } from 'mongoose';

/** How customers get into a layer's groups: its 加入群聊 QR code and the welcome for new members. */
export interface GroupEntry {
  merchantId: Types.ObjectId;
  layer: GroupLayer;
  /** WeCom's join way behind the QR code */
  configId?: string;
  qrCode?: string;
  /** the groups behind the code (up to five) */
  chatIds: string[];
  welcomeTemplateId?: string;
  welcomeText?: string;
  updatedAt?: Date;
}

const entrySchema = new Schema<GroupEntry>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  layer: { type: String, required: true },
  configId: String,
  qrCode: String,
  chatIds: [String],
  welcomeTemplateId: String,
  welcomeText: String,
  updatedAt: Date,
});
// One entry per layer: a new code or welcome replaces the last.
entrySchema.index({ merchantId: 1, layer: 1 }, { unique: true });

export const groupEntryModel = (conn: Connection) => conn.model<GroupEntry>('GroupEntry', entrySchema, 'group_entries');
export type GroupEntryModel = ReturnType<typeof groupEntryModel>;
