import type { Database } from '../../db/database.js';
import { corpTagModel } from './corp-tag.model.js';
import { CorpTagRepository } from './corp-tag.repository.js';
import { tagRuleModel } from './tag-rule.model.js';
import { TagRuleRepository } from './tag-rule.repository.js';

/** The tags module's repositories, opened on the process's database. */
export const openTagsRepositories = (db: Database) => ({
  corpTags: new CorpTagRepository(corpTagModel(db)),
  tagRules: new TagRuleRepository(tagRuleModel(db)),
});
