import type { Database } from '../../db/database.js';
import { alertModel } from './alert.model.js';
import { AlertRepository } from './alert.repository.js';

/** The alerts module's repositories, opened on the process's database. */
export const openAlertsRepositories = (db: Database) => ({ alerts: new AlertRepository(alertModel(db)) });
