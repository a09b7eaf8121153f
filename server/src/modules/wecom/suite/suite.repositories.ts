import type { Database } from '../../../db/database.js';
import { suiteAuthorisationModel } from './suite-authorisation.model.js';
import { SuiteAuthorisationRepository } from './suite-authorisation.repository.js';
import { suiteInstructionModel } from './suite-instruction.model.js';
import { SuiteInstructionRepository } from './suite-instruction.repository.js';

/** Way 2's repositories, opened on the process's database. */
export const openSuiteRepositories = (db: Database) => ({
  instructions: new SuiteInstructionRepository(suiteInstructionModel(db)),
  authorisations: new SuiteAuthorisationRepository(suiteAuthorisationModel(db)),
});
