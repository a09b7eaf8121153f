import type { Database } from '../../db/database.js';
import { merchantAuditModel } from '../merchants/merchant-audit.model.js';
import { MerchantAuditRepository } from '../merchants/merchant-audit.repository.js';
import { operatorModel } from './operator.model.js';
import { PlatformOperatorRepository } from './platform-operator.repository.js';
import { setupLinkModel } from './setup-link.model.js';
import { SetupLinkRepository } from './setup-link.repository.js';

/**
 * The operator module's repositories, opened on the process's database: the platform's operators, the owners' setup
 * links, and the merchants' audit list (a merchants collection the operator writes first; others may write it too).
 */
export const openOperatorRepositories = (db: Database) => ({
  operators: new PlatformOperatorRepository(operatorModel(db)),
  setupLinks: new SetupLinkRepository(setupLinkModel(db)),
  merchantAudit: new MerchantAuditRepository(merchantAuditModel(db)),
});
