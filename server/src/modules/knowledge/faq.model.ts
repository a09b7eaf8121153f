import { POLICY_KINDS } from '@xiaoer/common/schemas/knowledge';
import { Schema, type Connection, type Types } from 'mongoose';

/** A question the shop is often asked, in the ways customers ask it, and the shop's own answer. */
export interface Faq {
  merchantId: Types.ObjectId;
  questions: string[];
  answer: string;
  createdAt: Date;
  updatedAt: Date;
}

const faqSchema = new Schema<Faq>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    questions: { type: [String], required: true, validate: (v: string[]) => v.length > 0 && v.length <= 20 },
    answer: { type: String, required: true, maxlength: 1000 },
  },
  { timestamps: true },
);

// Building a merchant's knowledge index: all its FAQ.
faqSchema.index({ merchantId: 1, updatedAt: -1 });

export const faqModel = (conn: Connection) => conn.model<Faq>('Faq', faqSchema, 'faqs');
export type FaqModel = ReturnType<typeof faqModel>;

/** A shop rule customers ask about: refunds, delivery, booking, membership, current promotions. */
export interface Policy {
  merchantId: Types.ObjectId;
  kind: (typeof POLICY_KINDS)[number];
  title: string;
  content: string;
  createdAt: Date;
  updatedAt: Date;
}

const policySchema = new Schema<Policy>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, enum: POLICY_KINDS, required: true },
    title: { type: String, required: true, maxlength: 50 },
    content: { type: String, required: true, maxlength: 2000 },
  },
  { timestamps: true },
);

// Building a merchant's knowledge index: all its policies.
policySchema.index({ merchantId: 1, kind: 1 });

export const policyModel = (conn: Connection) => conn.model<Policy>('Policy', policySchema, 'policies');
export type PolicyModel = ReturnType<typeof policyModel>;
