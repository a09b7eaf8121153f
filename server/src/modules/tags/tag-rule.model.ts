import type { TagRuleInput } from '@xiaoer/common/schemas/tag-rule';
import { Schema, type Connection, type Types } from 'mongoose';

/** A merchant's own auto-tag rule (the conditions as entered; see common/schemas/tag-rule.ts). */
export type TagRule = TagRuleInput & { merchantId: Types.ObjectId; createdAt: Date; updatedAt: Date };

const tagRuleSchema = new Schema<TagRule>(
  {
    merchantId: { type: Schema.Types.ObjectId, required: true },
    tag: { type: String, required: true },
    enabled: { type: Boolean, default: true },
    minSpendYuan: Number,
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
