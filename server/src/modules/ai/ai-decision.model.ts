import { Schema, type Connection, type Types } from 'mongoose';

/** One decision of the bot about one customer message: what it would say, what the guardrails found, what it did. */
export interface AiDecision {
  merchantId: Types.ObjectId;
  channel: 'kf' | 'sidebar';
  externalUserId: string;
  question: string;
  engine: 'offline' | 'llm';
  intent: string;
  reply?: string;
  confidence?: number;
  citedIds: string[];
  violations: { kind: string; detail: string }[];
  action: 'sent' | 'handoff' | 'opted_out' | 'skipped';
  reason: string;
  /** what the customer actually received (the reply, or the safe fallback), when anything */
  sentText?: string;
  at: Date;
  /** a handed-over question the shop has since learned: an FAQ now answers it, or the owner chose not to */
  learned?: DecisionLearned;
}

export interface DecisionLearned {
  at: Date;
  how: 'faq' | 'dismissed';
  faqId?: string;
  staffId: string;
}

const schema = new Schema<AiDecision>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  channel: { type: String, enum: ['kf', 'sidebar'], required: true },
  externalUserId: { type: String, required: true },
  question: { type: String, required: true },
  engine: { type: String, enum: ['offline', 'llm'], required: true },
  intent: { type: String, required: true },
  reply: String,
  confidence: Number,
  citedIds: { type: [String], default: [] },
  violations: { type: [new Schema({ kind: String, detail: String }, { _id: false })], default: [] },
  action: { type: String, enum: ['sent', 'handoff', 'opted_out', 'skipped'], required: true },
  reason: { type: String, required: true },
  sentText: String,
  at: { type: Date, required: true },
  learned: new Schema(
    { at: Date, how: { type: String, enum: ['faq', 'dismissed'] }, faqId: String, staffId: String },
    { _id: false },
  ),
});

// The morning summary and quality stats: a merchant's decisions over a time range.
schema.index({ merchantId: 1, at: -1 });
// A customer's conversation view.
schema.index({ merchantId: 1, externalUserId: 1, at: -1 });

export const aiDecisionModel = (conn: Connection) => conn.model<AiDecision>('AiDecision', schema, 'ai_decisions');
export type AiDecisionModel = ReturnType<typeof aiDecisionModel>;
