// The owner's alerts: one detector per kind, raised once per key, told in WeCom with retries.
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { Logger } from '../../logging/logger.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import { alertRoutes } from './alert.routes.js';
import { AlertService } from './alert.service.js';
import { alertsJob } from './alerts.job.js';
import { openAlertsRepositories } from './alerts.repositories.js';
import { buildDetectors, type DetectorDeps } from './detectors/index.js';
import { OwnerAlertsService } from './owner-alerts.service.js';

export interface AlertsModuleDeps extends DetectorDeps {
  fanOut: MerchantFanOut;
  logger: Logger;
  db: Database;
  notifier: OwnerNotifier;
  knowledge: Pick<KnowledgeBaseService, 'get'>;
}

export function build(d: AlertsModuleDeps) {
  const { alerts } = openAlertsRepositories(d.db);
  const service = new AlertService({ alerts, notifier: d.notifier, logger: d.logger });
  const owner = new OwnerAlertsService({ alerts: service, knowledge: d.knowledge, detectors: buildDetectors(d) });
  const routes: RoutesOf = () => ({ api: [alertRoutes(service)] });
  const jobs = [alertsJob({ ...d.fanOut, alerts: owner })];
  return { service, owner, repository: alerts, routes, jobs };
}
