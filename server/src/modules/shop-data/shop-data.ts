// The shop's records beyond orders (stock, movements, appointments, course packages, attendance, member cards,
// reviews): built with `buildShopData(connection)`, used through their repositories.
export { buildShopData, type ShopDataRepositories } from './shop-data.repository.js';
