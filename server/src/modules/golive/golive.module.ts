// Test and go live (开始营业): the owner's last setup step, and the gate the bot asks before answering a customer
// (a shop created through setup answers only the owner's test conversation until it goes live).
import type { Config } from '../../config/env.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { MerchantAuditRepository } from '../merchants/merchant-audit.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { KfApi } from '../wecom/api/kf-api.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import { openLaunchRepository } from './golive.repository.js';
import { goLiveRoutes } from './golive.routes.js';
import { GoLiveService } from './golive.service.js';
import { standInCustomer } from './stand-in-customer.js';

export interface GoLiveModuleDeps {
  config: Config;
  db: Database;
  merchants: MerchantRepository;
  audit: MerchantAuditRepository;
  apps: WecomAppRepository;
  kfApi: Pick<KfApi, 'contactUrl'>;
  kf: KfRepository;
  staff: StaffRepository;
}

export function build(d: GoLiveModuleDeps) {
  const launches = openLaunchRepository(d.db);
  const service = new GoLiveService({
    launches,
    merchants: d.merchants,
    audit: d.audit,
    apps: d.apps,
    kf: d.kf,
    staff: d.staff,
    kfContactUrl: (app, openKfId) => d.kfApi.contactUrl(app, openKfId),
    standIn: standInCustomer(d.config),
  });
  const routes: RoutesOf = () => ({ api: [goLiveRoutes(service)] });
  return { service, launches, routes };
}

export type GoLive = ReturnType<typeof build>;
