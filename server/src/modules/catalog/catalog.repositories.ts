import type { Database } from '../../db/database.js';
import { productPhotoModel } from './product-photo.model.js';
import { ProductPhotoRepository } from './product-photo.repository.js';
import { productModel } from './product.model.js';
import { ProductRepository } from './product.repository.js';
import { shopStockModel } from './shop-stock.model.js';
import { ShopStockRepository } from './shop-stock.repository.js';

/** The catalog's repositories, opened on the process's database. */
export const openCatalogRepositories = (db: Database, hooks: ConstructorParameters<typeof ProductRepository>[1]) => ({
  products: new ProductRepository(productModel(db), hooks),
  shopStock: new ShopStockRepository(shopStockModel(db)),
  productPhotos: new ProductPhotoRepository(productPhotoModel(db)),
});
