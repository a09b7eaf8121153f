import type { Database } from '../../db/database.js';
import { merchantModel } from './merchant.model.js';
import { MerchantRepository } from './merchant.repository.js';

/** The merchants module's repositories, opened on the process's database. */
export const openMerchantsRepositories = (
  db: Database,
  hooks: ConstructorParameters<typeof MerchantRepository>[1],
) => ({
  merchants: new MerchantRepository(merchantModel(db), hooks),
});
