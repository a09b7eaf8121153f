import type { Database } from '../../db/database.js';
import { shopModel } from './shop.model.js';
import { ShopRepository } from './shop.repository.js';

/** The shops module's repositories, opened on the process's database. */
export const openShopsRepositories = (db: Database, hooks: ConstructorParameters<typeof ShopRepository>[1]) => ({
  shops: new ShopRepository(shopModel(db), hooks),
});
