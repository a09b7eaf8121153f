import type { TagRuleInput } from '@xiaoer/common/schemas/tag-rule';
import { Schema, type Connection, type Types } from 'mongoose';

/** A merchant's own auto-tag rule (the conditions as entered; see common/schemas/tag-rule.ts). */
export type TagRule = TagRuleInput & {
  merchantId: Types.ObjectId;
  /** rules stored before amounts were fen: TagRuleRepository converts them to minSpendFen when it first reads them */
  minSpendYuan?: number;
  createdAt: Date;
  updatedAt: Date;
};

const tagRuleSchema = new Schema<TagRule>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    tag: { type: String, required: true },
    enabled: { type: Boolean, default: true },
    minSpendFen: Number,
    minSpendYuan: Number, // legacy, see TagRule
    minVisits: Number,
    minIdleDays: Number,
    maxIdleDays: Number,
    boughtItem: String,
    keyword: String,
  },
  { timestamps: true },
);
// One rule per tag name and merchant.
tagRuleSchema.index({ merchantId: 1, tag: 1 }, { unique: true });

export const tagRuleModel = (conn: Connection) => conn.model<TagRule>('TagRule', tagRuleSchema, 'tag_rules');
export type TagRuleModel = ReturnType<typeof tagRuleModel>;
