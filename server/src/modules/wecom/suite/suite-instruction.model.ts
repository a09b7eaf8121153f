import { Schema, type Connection, type Types } from 'mongoose';

export const SUITE_INSTRUCTION_STATUSES = ['pending', 'done', 'ignored', 'failed'] as const;
export type SuiteInstructionStatus = (typeof SUITE_INSTRUCTION_STATUSES)[number];

/**
 * An instruction WeCom pushed to the 代开发 template's 指令回调URL (create_auth, change_auth, cancel_auth,
 * reset_permanent_code): stored before "success" is answered, handled after. Platform-level: the merchant is known
 * only once the instruction is handled (from create_auth's State, or the corp of the others).
 */
export interface SuiteInstruction {
  /** one instruction across WeCom's retries (they repeat the body exactly) */
  dedupeKey: string;
  infoType: string;
  /** the temporary auth code (create_auth, reset_permanent_code), sealed: it is exchanged for the app's Secret */
  authCodeSealed?: string;
  /** create_auth's State: the nonce of the merchant's authorisation link */
  state?: string;
  /** change_auth / cancel_auth: the authorising corp */
  authCorpId?: string;
  /** WeCom's TimeStamp (seconds) */
  sentAt?: Date;
  status: SuiteInstructionStatus;
  attempts: number;
  /** a worker holds it until then (a crashed worker's claim runs out) */
  leaseUntil?: Date;
  /** the merchant it concerned, once known */
  merchantId?: Types.ObjectId;
  /** why it was ignored or failed (never a secret) */
  note?: string;
  doneAt?: Date;
  createdAt: Date;
}

const suiteInstructionSchema = new Schema<SuiteInstruction>(
  {
    dedupeKey: { type: String, required: true },
    infoType: { type: String, required: true },
    authCodeSealed: String,
    state: String,
    authCorpId: String,
    sentAt: Date,
    status: { type: String, enum: SUITE_INSTRUCTION_STATUSES, required: true, default: 'pending' },
    attempts: { type: Number, required: true, default: 0 },
    leaseUntil: Date,
    merchantId: { type: Schema.Types.ObjectId, ref: 'Merchant' },
    note: String,
    doneAt: Date,
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

// Storing an instruction once whatever WeCom's retries (E11000 = already stored).
suiteInstructionSchema.index({ dedupeKey: 1 }, { unique: true });
// The sweep: pending instructions whose lease ran out (a worker crashed, or the job was lost), oldest first.
suiteInstructionSchema.index({ status: 1, leaseUntil: 1, createdAt: 1 });

export const suiteInstructionModel = (conn: Connection) =>
  conn.model<SuiteInstruction>('WecomSuiteInstruction', suiteInstructionSchema, 'wecom_suite_instructions');
export type SuiteInstructionModel = ReturnType<typeof suiteInstructionModel>;
