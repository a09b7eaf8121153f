import { KnowledgeItemRepository, type Stored } from './knowledge-item.repository.js';
import type { KnowledgeVersion } from './knowledge-version.js';
import type { Policy, PolicyModel } from './faq.model.js';

export type PolicyRecord = Stored<Policy>;

/** The shop's policies (refunds, delivery, booking ...); a write bumps the knowledge version. */
export class PolicyRepository extends KnowledgeItemRepository<Policy> {
  constructor(model: PolicyModel, version: KnowledgeVersion) {
    super(model, version);
  }
}
