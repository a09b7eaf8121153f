import { Schema, type Connection, type Types } from 'mongoose';
import type { AuditActor } from '../merchants/merchant-audit.model.js';

export const SETUP_LINK_STATES = ['open', 'used', 'revoked'] as const;

/**
 * A one-time link for a merchant's owner to sign in for the first time. Only the SHA-256 of its random token is
 * stored: a database dump opens no shop. Kept after use, expiry or revocation, so the owner is told which it was.
 */
export interface SetupLink {
  merchantId: Types.ObjectId;
  tokenHash: string;
  /** open until used or revoked; an open link past expiresAt is expired */
  state: (typeof SETUP_LINK_STATES)[number];
  expiresAt: Date;
  createdBy: AuditActor;
  usedAt?: Date;
  /** the owner's staff id the link signed in */
  usedBy?: string;
  revokedAt?: Date;
  revokedBy?: AuditActor;
  createdAt: Date;
}

const actor = new Schema({ kind: { type: String, required: true }, id: String }, { _id: false });

const setupLinkSchema = new Schema<SetupLink>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    tokenHash: { type: String, required: true },
    state: { type: String, enum: SETUP_LINK_STATES, required: true, default: 'open' },
    expiresAt: { type: Date, required: true },
    createdBy: { type: actor, required: true },
    usedAt: Date,
    usedBy: String,
    revokedAt: Date,
    revokedBy: actor,
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// Redeeming: the token's hash finds its link (and so its merchant); unique so two links never share a token.
setupLinkSchema.index({ tokenHash: 1 }, { unique: true });
// At most one open link per merchant: issuing a new one revokes the old first, and two concurrent issues cannot
// both leave theirs open.
setupLinkSchema.index({ merchantId: 1 }, { unique: true, partialFilterExpression: { state: 'open' } });
// The operator's list: each merchant's latest link.
setupLinkSchema.index({ merchantId: 1, createdAt: -1 });

export const setupLinkModel = (conn: Connection) => conn.model<SetupLink>('SetupLink', setupLinkSchema, 'setup_links');
export type SetupLinkModel = ReturnType<typeof setupLinkModel>;
