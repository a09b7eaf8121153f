// The shop's records beyond orders (stock, movements, appointments, course packages, attendance, member cards,
// reviews): built with `buildShopData(connection)`, used through their repositories.
export { buildShopData, type ShopDataRepositories } from './shop-data.repository.js';

/**
 * @deprecated The raw models, only for the owner alerts until they read through the repositories above (issue 14:
 * the alerts are being split into detectors). Nothing new may use it.
 */
export type { ShopDataModels as ShopData } from './shop-data.model.js';
