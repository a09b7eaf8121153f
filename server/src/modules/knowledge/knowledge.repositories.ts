import type { Database } from '../../db/database.js';
import { faqModel, policyModel } from './faq.model.js';
import { FaqRepository } from './faq.repository.js';
import { knowledgeChangeModel } from './knowledge-change.model.js';
import { KnowledgeChangeRepository } from './knowledge-change.repository.js';
import type { KnowledgeVersion } from './knowledge-version.js';
import { PolicyRepository } from './policy.repository.js';
import { scriptModel } from './script.model.js';
import { ScriptRepository } from './script.repository.js';

/** The shop knowledge's repositories, opened on the process's database; FAQ and policy writes bump `version`. */
export const openKnowledgeRepositories = (db: Database, version: KnowledgeVersion) => ({
  faqs: new FaqRepository(faqModel(db), version),
  policies: new PolicyRepository(policyModel(db), version),
  scripts: new ScriptRepository(scriptModel(db)),
  changes: new KnowledgeChangeRepository(knowledgeChangeModel(db)),
});
