import { DRAFT_STATUSES, type DraftStatus } from '@xiaoer/common/constants/outreach';
import { Schema, type Connection, type Types } from 'mongoose';

/** A proactive message the AI drafted for the owner to approve, with who did what to it. */
export interface Draft {
  merchantId: Types.ObjectId;
  scenario: string;
  customerId: Types.ObjectId;
  /** the merchant-local day the scenario ran: with scenario and customer, at most one draft */
  day: string;
  text: string;
  reason: string;
  citedIds: string[];
  /** the scenario's grounded template, or the merchant's LLM rewriting it (which passed the guardrails) */
  writtenBy?: 'llm' | 'template';
  /** a notice tied to a moment (a class, a booking): from then on it is expired, never approved or sent */
  expiresAt?: Date;
  /** why it expired, as the owner reads it (notice-expiry.ts) */
  expiryNote?: string;
  status: DraftStatus;
  /** when it was approved (by the owner, or auto-send): an interrupted send is not made up for a day later */
  approvedAt?: Date;
  /** the worker sending an approved draft owns it until then; after that another takes it over (the first died) */
  leaseUntil?: Date;
  /** which sender holds the lease (each claim and take-over draws a new one): only the holder may send */
  leaseHolder?: string | null;
  /** approved in the merchant's quiet hours: it waits, unleased, until then, and the resume job sends it */
  sendAfter?: Date;
  /** set just before WeCom is asked for the group-send task: a retry then looks for that task, never asks again */
  groupSendAt?: Date;
  /**
   * the key of the group-send task this draft shares with others (drafts of one scenario, text and staff member
   * approved together); absent for a task of its own (`draft-<id>`)
   */
  groupSendKey?: string;
  groupSendId?: Types.ObjectId;
  error?: string;
  audit: { at: Date; by: string; action: string; note?: string }[];
  createdAt: Date;
  updatedAt: Date;
}

const draftSchema = new Schema<Draft>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    scenario: { type: String, required: true },
    customerId: { type: Schema.Types.ObjectId, required: true },
    day: { type: String, required: true },
    text: { type: String, required: true, maxlength: 1000 },
    reason: { type: String, required: true },
    citedIds: { type: [String], default: [] },
    writtenBy: { type: String, enum: ['llm', 'template'] },
    expiresAt: Date,
    expiryNote: String,
    status: { type: String, enum: DRAFT_STATUSES, default: 'pending' },
    approvedAt: Date,
    leaseUntil: Date,
    leaseHolder: String,
    sendAfter: Date,
    groupSendAt: Date,
    groupSendKey: String,
    groupSendId: { type: Schema.Types.ObjectId },
    error: String,
    audit: { type: [new Schema({ at: Date, by: String, action: String, note: String }, { _id: false })], default: [] },
  },
  { timestamps: true },
);
// Idempotency of scans: two workers, or a rerun after a crash, cannot draft twice for a customer, scenario and day.
draftSchema.index({ merchantId: 1, scenario: 1, customerId: 1, day: 1 }, { unique: true });
// The owner's inbox: a merchant's drafts by status, newest first.
draftSchema.index({ merchantId: 1, status: 1, createdAt: -1 });
// Resuming interrupted sends: approved drafts whose lease ran out, across merchants (approved is a passing state).
draftSchema.index({ leaseUntil: 1 }, { partialFilterExpression: { status: 'approved' } });
// Contact policy: a customer's recent proactive messages (and cancelling their pending drafts on opt-out).
draftSchema.index({ merchantId: 1, customerId: 1, createdAt: -1 });

export const draftModel = (conn: Connection) => conn.model<Draft>('OutreachDraft', draftSchema, 'outreach_drafts');
export type DraftModel = ReturnType<typeof draftModel>;

/** A customer a scenario would have messaged, and why it did not. */
export interface Suppression {
  merchantId: Types.ObjectId;
  scenario: string;
  customerId: Types.ObjectId;
  day: string;
  reason: string;
  at: Date;
}
const suppressionSchema = new Schema<Suppression>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  scenario: { type: String, required: true },
  customerId: { type: Schema.Types.ObjectId, required: true },
  day: { type: String, required: true },
  reason: { type: String, required: true },
  at: { type: Date, required: true },
});
// One record per customer, scenario and day, however often the scan reruns.
suppressionSchema.index({ merchantId: 1, scenario: 1, customerId: 1, day: 1 }, { unique: true });
export const suppressionModel = (conn: Connection) =>
  conn.model<Suppression>('OutreachSuppression', suppressionSchema, 'outreach_suppressions');
export type SuppressionModel = ReturnType<typeof suppressionModel>;

/** A finished scenario run for a merchant and day: the scan's "already done". */
export interface ScenarioRun {
  merchantId: Types.ObjectId;
  scenario: string;
  day: string;
  drafted: number;
  suppressed: number;
  at: Date;
}
const runSchema = new Schema<ScenarioRun>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  scenario: { type: String, required: true },
  day: { type: String, required: true },
  drafted: Number,
  suppressed: Number,
  at: Date,
});
// A scenario acts at most once per merchant and day.
runSchema.index({ merchantId: 1, scenario: 1, day: 1 }, { unique: true });
export const scenarioRunModel = (conn: Connection) =>
  conn.model<ScenarioRun>('ScenarioRun', runSchema, 'scenario_runs');
export type ScenarioRunModel = ReturnType<typeof scenarioRunModel>;
