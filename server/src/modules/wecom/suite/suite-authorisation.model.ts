import { Schema, type Connection, type Types } from 'mongoose';

export const SUITE_AUTHORISATION_STATUSES = ['pending', 'claimed', 'connected', 'failed', 'superseded'] as const;
export type SuiteAuthorisationStatus = (typeof SUITE_AUTHORISATION_STATUSES)[number];

/**
 * One authorisation link an owner asked for (way 2): the link's State is a single-use nonce bound to the merchant,
 * stored only as its SHA-256. WeCom's create_auth names it; a State matching no pending link is ignored.
 */
export interface SuiteAuthorisation {
  merchantId: Types.ObjectId;
  stateHash: string;
  status: SuiteAuthorisationStatus;
  /** the owner who asked for the link: the connection is audited as theirs */
  requestedBy: { kind: string; id: string };
  /** the pre_auth_code's lifetime (20 minutes) */
  expiresAt: Date;
  /** the instruction (create_auth) that claimed it: its retries may claim it again */
  claimedBy?: string;
  /** the corp that authorised, once connected (or refused) */
  corpId?: string;
  /** why it did not connect, in Chinese, for the owner */
  failure?: string;
  usedAt?: Date;
  createdAt: Date;
}

const suiteAuthorisationSchema = new Schema<SuiteAuthorisation>(
  {
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant', required: true },
    stateHash: { type: String, required: true },
    status: { type: String, enum: SUITE_AUTHORISATION_STATUSES, required: true, default: 'pending' },
    requestedBy: { type: new Schema({ kind: String, id: String }, { _id: false }), required: true },
    expiresAt: { type: Date, required: true },
    claimedBy: String,
    corpId: String,
    failure: String,
    usedAt: Date,
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// create_auth's State finds its link (and so its merchant); unique so two links never share a nonce.
suiteAuthorisationSchema.index({ stateHash: 1 }, { unique: true });
// The setup page: the merchant's latest link and how it ended.
suiteAuthorisationSchema.index({ merchantId: 1, createdAt: -1 });

export const suiteAuthorisationModel = (conn: Connection) =>
  conn.model<SuiteAuthorisation>('WecomSuiteAuthorisation', suiteAuthorisationSchema, 'wecom_suite_authorisations');
export type SuiteAuthorisationModel = ReturnType<typeof suiteAuthorisationModel>;
