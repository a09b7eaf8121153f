import type { Database } from '../../db/database.js';
import { reportSendModel } from './report-send.model.js';
import { ReportSendRepository } from './report-send.repository.js';

/** The reports module's repositories, opened on the process's database. */
export const openReportsRepositories = (db: Database) => ({
  reportSends: new ReportSendRepository(reportSendModel(db)),
});
