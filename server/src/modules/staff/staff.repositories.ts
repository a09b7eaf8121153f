import type { Database } from '../../db/database.js';
import { staffModel } from './staff.model.js';
import { StaffRepository } from './staff.repository.js';

/** The staff module's repositories, opened on the process's database. */
export const openStaffRepositories = (db: Database) => ({ staff: new StaffRepository(staffModel(db)) });
