import { KF_MEDIA_KINDS, type KfMediaKind } from '@xiaoer/common/schemas/conversation';
import { Schema, type Connection, type Types } from 'mongoose';

/**
 * A picture, voice note, video or file a customer sent to 微信客服, fetched from WeCom (media/get) once, so staff
 * see it after WeCom's three days and without WeCom's token. One per message.
 */
export interface KfMedia {
  merchantId: Types.ObjectId;
  messageId: Types.ObjectId;
  externalUserId: string;
  kind: KfMediaKind;
  mediaId: string;
  status: 'stored' | 'failed';
  /** why it was not stored: wecom:<errcode> (40007: WeCom no longer has it), too_large, unexpected_type, error:… */
  reason?: string;
  /** what the bytes are (sniffed for pictures and voice notes, never only what WeCom declared) */
  contentType?: string;
  size?: number;
  data?: Buffer;
  /** a voice note decoded to WAV, which browsers play (AMR they do not) */
  playable?: Buffer;
  playableSize?: number;
  fetchedAt: Date;
}

const schema = new Schema<KfMedia>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  messageId: { type: Schema.Types.ObjectId, required: true },
  externalUserId: { type: String, required: true },
  kind: { type: String, enum: KF_MEDIA_KINDS, required: true },
  mediaId: { type: String, required: true },
  status: { type: String, enum: ['stored', 'failed'], required: true },
  reason: String,
  contentType: String,
  size: Number,
  data: Buffer,
  playable: Buffer,
  playableSize: Number,
  fetchedAt: { type: Date, required: true },
});
// One fetch per message: a redelivered or retried message finds it stored.
schema.index({ merchantId: 1, messageId: 1 }, { unique: true });

export const kfMediaModel = (conn: Connection) => conn.model<KfMedia>('KfMedia', schema, 'kf_media');
export type KfMediaModel = ReturnType<typeof kfMediaModel>;
