import type { KnowledgeChangeDto } from '@xiaoer/common/schemas/knowledge-item';
import type { KnowledgeChangeRecord } from './knowledge-change.repository.js';

/** One change of the history: ids as strings; the item before and after as the editor showed it then. */
export const presentKnowledgeChange = (r: KnowledgeChangeRecord): KnowledgeChangeDto => ({
  entity: r.entity,
  entityId: r.entityId.toHexString(),
  action: r.action,
  staffId: r.staffId.toHexString(),
  ...(r.before ? { before: r.before } : {}),
  ...(r.after ? { after: r.after } : {}),
  at: r.at.toISOString(),
});
