import type { KnowledgeChangeDto } from '@xiaoer/common/schemas/knowledge-item';
import type { KnowledgeChangeRecord } from './knowledge-change.repository.js';

/**
 * One change of the history: ids as strings, who made it by name (when the shop still has them); the item before and
 * after as the editor showed it then.
 */
export const presentKnowledgeChange = (r: KnowledgeChangeRecord, staffName?: string): KnowledgeChangeDto => ({
  id: r._id.toHexString(),
  entity: r.entity,
  entityId: r.entityId.toHexString(),
  action: r.action,
  staffId: r.staffId.toHexString(),
  ...(staffName ? { staffName } : {}),
  ...(r.undoOf ? { undoOf: r.undoOf.toHexString() } : {}),
  ...(r.before ? { before: r.before } : {}),
  ...(r.after ? { after: r.after } : {}),
  at: r.at.toISOString(),
});
