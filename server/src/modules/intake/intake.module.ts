// Shop records from outside: the signed webhook, the API and spreadsheet import, one definition per kind.
import type { SecretBox } from '../../crypto/secret-box.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { Logger } from '../../logging/logger.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ProductRepository } from '../catalog/product.repository.js';
import { ProductStockSync } from '../catalog/product-stock-sync.js';
import type { ShopStockRepository } from '../catalog/shop-stock.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import { IntakeWebhookService } from './intake-webhook.service.js';
import { intakeRoutes } from './intake.routes.js';
import { openIntakeRepositories } from './intake.repositories.js';
import { IntakeService, type IntakeListener } from './intake.service.js';
import { buildIntakeKinds } from './kinds/index.js';
import { pendingEffectsJob } from './pending-effects.job.js';
import { PlatformPushService } from './platforms/platform-push.service.js';
import { platformPushRoutes } from './platforms/platform-push.routes.js';
import { intakeWebhookRoutes } from './webhook.routes.js';

export interface IntakeModuleDeps {
  logger: Logger;
  secrets: SecretBox;
  orders: OrderRepository;
  customers: CustomerRepository;
  shopData: ShopDataRepositories;
  /** the menu a stock report updates, and each shop's count behind a product's stock */
  products: ProductRepository;
  shopStock: ShopStockRepository;
  shops: ShopRepository;
  /** a 店长's shops: what they may report stock for */
  staff: Pick<StaffRepository, 'findById'>;
  db: Database;
  /** what arrived, for the owner alerts that react to it */
  onEvents: IntakeListener;
}

export function build(d: IntakeModuleDeps) {
  const service = new IntakeService({
    kinds: buildIntakeKinds({
      orders: d.orders,
      customers: d.customers,
      shopData: d.shopData,
      productStock: new ProductStockSync({ products: d.products, shopStock: d.shopStock }),
    }),
    customers: d.customers,
    shops: d.shops,
    staff: d.staff,
    logger: d.logger,
    onEvents: d.onEvents,
  });
  const { endpoints, requests, deliveries } = openIntakeRepositories(d.db);
  const webhook = new IntakeWebhookService(endpoints, requests, d.secrets, service, deliveries, d.logger);
  const pushes = new PlatformPushService({ endpoints, secrets: d.secrets, intake: service });
  const routes: RoutesOf = (http) => ({
    // the signed webhook is machine-to-machine and verifies the exact bytes it was sent
    machine: [intakeWebhookRoutes(webhook), platformPushRoutes(pushes, webhook)],
    api: [intakeRoutes(service, webhook, http.publicUrl)],
  });
  const jobs = [pendingEffectsJob({ shopData: d.shopData, logger: d.logger })];
  return { service, webhook, routes, jobs };
}
