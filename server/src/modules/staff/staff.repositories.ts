import type { Database } from '../../db/database.js';
import { staffSyncModel } from './staff-sync.model.js';
import { StaffSyncRepository } from './staff-sync.repository.js';
import { staffModel } from './staff.model.js';
import { StaffRepository } from './staff.repository.js';

/** The staff module's repositories, opened on the process's database. */
export const openStaffRepositories = (db: Database) => ({ staff: new StaffRepository(staffModel(db)) });

/** The staff syncs' progress, only the staff module reads it (opened in its build). */
export const openStaffSyncRepository = (db: Database) => new StaffSyncRepository(staffSyncModel(db));
