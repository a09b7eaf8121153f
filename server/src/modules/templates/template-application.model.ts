import { INDUSTRIES } from '@xiaoer/common/constants/industries';
import { Schema, type Connection, type Types } from 'mongoose';

/**
 * Which of the industry template's starters a merchant has been given (one document per merchant). A starter is
 * given once: applying again never brings back what the owner edited or deleted.
 */
export interface TemplateApplication {
  merchantId: Types.ObjectId;
  industry: (typeof INDUSTRIES)[number];
  /** starter keys (`faq:payment`, `welcome:table_card`, `scenarios` …) */
  appliedKeys: string[];
  appliedAt: Date;
  createdAt: Date;
  updatedAt: Date;
}

const templateApplicationSchema = new Schema<TemplateApplication>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    industry: { type: String, enum: INDUSTRIES, required: true },
    appliedKeys: { type: [String], default: [] },
    appliedAt: { type: Date, required: true },
  },
  { timestamps: true },
);

// One record per merchant.
templateApplicationSchema.index({ merchantId: 1 }, { unique: true });

export const templateApplicationModel = (conn: Connection) =>
  conn.model<TemplateApplication>('TemplateApplication', templateApplicationSchema, 'template_applications');
export type TemplateApplicationModel = ReturnType<typeof templateApplicationModel>;
