import type { Database } from '../../db/database.js';
import { DraftRepository } from './draft.repository.js';
import { draftModel, scenarioRunModel, suppressionModel } from './outreach.model.js';
import { ScenarioRunRepository } from './scenario-run.repository.js';
import { SuppressionRepository } from './suppression.repository.js';

/** The outreach module's repositories, opened on the process's database. */
export const openOutreachRepositories = (db: Database) => ({
  drafts: new DraftRepository(draftModel(db)),
  suppressions: new SuppressionRepository(suppressionModel(db)),
  scenarioRuns: new ScenarioRunRepository(scenarioRunModel(db)),
});
