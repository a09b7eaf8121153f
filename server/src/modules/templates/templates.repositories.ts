import type { Database } from '../../db/database.js';
import { templateApplicationModel } from './template-application.model.js';
import { TemplateApplicationRepository } from './template-application.repository.js';

/** The templates module's own repository, opened on the process's database. */
export const openTemplateRepositories = (db: Database) => ({
  applications: new TemplateApplicationRepository(templateApplicationModel(db)),
});
