import { AUDIT_ACTOR_KINDS } from '@xiaoer/common/schemas/operator';
import { Schema, type Connection, type Types } from 'mongoose';

/** Who did something: an operator, a member of the merchant's staff, a command-line user, or the system. */
export interface AuditActor {
  kind: (typeof AUDIT_ACTOR_KINDS)[number];
  id: string;
}

/**
 * One entry of a merchant's audit list: who did what to the merchant's setup or credentials, and to which record
 * (a setup link's id, a staff id). Never a secret, a token or a password.
 */
export interface MerchantAuditEntry {
  merchantId: Types.ObjectId;
  at: Date;
  actor: AuditActor;
  /** what happened, dotted: `merchant.created`, `setup_link.issued`, `setup_link.redeemed` … */
  action: string;
  /** the id of the record acted on, when there is one */
  target?: string;
}

const auditSchema = new Schema<MerchantAuditEntry>({
  merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
  at: { type: Date, required: true },
  actor: {
    type: new Schema({ kind: { type: String, enum: AUDIT_ACTOR_KINDS, required: true }, id: String }, { _id: false }),
    required: true,
  },
  action: { type: String, required: true, maxlength: 64 },
  target: { type: String, maxlength: 64 },
});

// The merchant's audit list, newest first.
auditSchema.index({ merchantId: 1, at: -1 });

export const merchantAuditModel = (conn: Connection) =>
  conn.model<MerchantAuditEntry>('MerchantAudit', auditSchema, 'merchant_audit');
export type MerchantAuditModel = ReturnType<typeof merchantAuditModel>;
