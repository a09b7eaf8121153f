import { Schema, type Connection, type Types } from 'mongoose';

/** A one-time code that binds a mini-program (WeChat openid) to a staff account. Only its hash is stored. */
export interface Invite {
  merchantId: Types.ObjectId;
  staffId: Types.ObjectId;
  codeHash: string;
  expiresAt: Date;
  usedAt?: Date;
  createdBy: Types.ObjectId;
}

const inviteSchema = new Schema<Invite>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  staffId: { type: Schema.Types.ObjectId, required: true },
  codeHash: { type: String, required: true },
  expiresAt: { type: Date, required: true },
  usedAt: Date,
  createdBy: { type: Schema.Types.ObjectId, required: true },
});

// Redeeming a code: look it up by hash; unique so two invites can never share a code.
inviteSchema.index({ codeHash: 1 }, { unique: true });
// Expired invites are removed a day after expiry.
inviteSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 86_400 });

export const inviteModel = (conn: Connection) => conn.model<Invite>('Invite', inviteSchema, 'invites');
export type InviteModel = ReturnType<typeof inviteModel>;
