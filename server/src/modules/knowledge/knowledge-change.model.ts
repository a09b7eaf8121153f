import { KNOWLEDGE_ENTITIES, type KnowledgeEntity, type KnowledgeItemDto } from '@xiaoer/common/schemas/knowledge-item';
import { Schema, type Connection, type Types } from 'mongoose';

/**
 * The change history of the shop's knowledge: who changed which item, and what it was before and after (as the
 * editor showed it, KnowledgeItemDto).
 */
export interface KnowledgeChange {
  merchantId: Types.ObjectId;
  entity: KnowledgeEntity;
  entityId: Types.ObjectId;
  action: 'create' | 'update' | 'delete';
  staffId: Types.ObjectId;
  before?: KnowledgeItemDto;
  after?: KnowledgeItemDto;
  /** the change this one undid */
  undoOf?: Types.ObjectId;
  at: Date;
}

const schema = new Schema<KnowledgeChange>({
  merchantId: { type: Schema.Types.ObjectId, required: true },
  entity: { type: String, enum: KNOWLEDGE_ENTITIES, required: true },
  entityId: { type: Schema.Types.ObjectId, required: true },
  action: { type: String, enum: ['create', 'update', 'delete'], required: true },
  staffId: { type: Schema.Types.ObjectId, required: true },
  before: Schema.Types.Mixed,
  after: Schema.Types.Mixed,
  undoOf: Schema.Types.ObjectId,
  at: { type: Date, required: true },
});

// The history page: a merchant's latest changes.
schema.index({ merchantId: 1, at: -1 });
// An undo: the item's latest change.
schema.index({ merchantId: 1, entityId: 1, at: -1 });

export const knowledgeChangeModel = (conn: Connection) =>
  conn.model<KnowledgeChange>('KnowledgeChange', schema, 'knowledge_changes');
export type KnowledgeChangeModel = ReturnType<typeof knowledgeChangeModel>;
