import { Schema, type Connection, type Types } from 'mongoose';

/** A WeCom corp tag (企业客户标签) and its group, mirrored so our tag names map to WeCom tag ids. */
export interface CorpTag {
  merchantId: Types.ObjectId;
  wecomTagId: string;
  name: string;
  groupId: string;
  groupName: string;
}

const corpTagSchema = new Schema<CorpTag>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  wecomTagId: { type: String, required: true },
  name: { type: String, required: true },
  groupId: { type: String, required: true },
  groupName: { type: String, required: true },
});

// Mirror upserts by WeCom's id.
corpTagSchema.index({ merchantId: 1, wecomTagId: 1 }, { unique: true });
// Our tag name → WeCom id when pushing a customer's tags.
corpTagSchema.index({ merchantId: 1, name: 1 });

export const corpTagModel = (conn: Connection) => conn.model<CorpTag>('CorpTag', corpTagSchema, 'corp_tags');
export type CorpTagModel = ReturnType<typeof corpTagModel>;
