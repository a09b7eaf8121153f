// Proactive outreach: the customer scenarios, the contact policy and the owner's drafts inbox.
import type { RoutesOf } from '../../http/module-routes.js';
import type { CampaignsSince } from './send-policy.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { Logger } from '../../logging/logger.js';
import type { RedisLock } from '../../redis/lock.js';
import type { LlmSettingsService } from '../ai/llm-settings.service.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { ShopDataRepositories } from '../shop-data/shop-data.js';
import type { DraftSenderDeps } from './draft-sender.js';
import { DraftService } from './draft.service.js';
import { draftResumeJob, outreachScanJob } from './outreach-scan.job.js';
import { outreachRoutes } from './outreach.routes.js';
import type { ScenarioRunRepository } from './scenario-run.repository.js';
import { ScenarioScanService } from './scenario-scan.service.js';
import { buildScenarios } from './scenarios.js';
import { VisitReader } from '../customers/visit-reader.js';
import type { SuppressionRepository } from './suppression.repository.js';
import type { WeatherService } from '../weather/weather.service.js';
import { weatherOfferScenario } from './weather-offer-scenario.js';

export interface OutreachModuleDeps extends Omit<DraftSenderDeps, 'knowledge'> {
  fanOut: MerchantFanOut;
  logger: Logger;
  locks: RedisLock;
  knowledge: KnowledgeBaseService;
  llm: Pick<LlmSettingsService, 'engineFor'>;
  merchants: MerchantRepository;
  orders: OrderRepository;
  shopData: ShopDataRepositories;
  suppressions: SuppressionRepository;
  scenarioRuns: ScenarioRunRepository;
  /** the group sends that named a customer lately: the weekly cap counts them with drafts */
  campaignsSince: CampaignsSince;
  /** tomorrow's forecast (天气优惠推荐); absent without a weather source */
  weather?: Pick<WeatherService, 'tomorrowOrThrow'>;
  /** whether the shop has gone live (the golive module, built later): customer scenarios wait for 开始营业 */
  live?: (merchantId: MerchantId) => Promise<boolean>;
}

export function build(d: OutreachModuleDeps) {
  const drafts = new DraftService({
    campaignsSince: d.campaignsSince,
    drafts: d.drafts,
    customers: d.customers,
    staff: d.staff,
    groupSends: d.groupSends,
    knowledge: d.knowledge,
    kf: d.kf,
    logger: d.logger,
  });
  const visits = new VisitReader(d.orders, d.shopData);
  const scan = new ScenarioScanService({
    scenarios: [
      ...buildScenarios({ orders: d.orders, customers: d.customers, shopData: d.shopData }),
      weatherOfferScenario({ customers: d.customers, visits, weather: d.weather }),
    ],
    knowledge: d.knowledge,
    visits,
    drafts: d.drafts,
    suppressions: d.suppressions,
    runs: d.scenarioRuns,
    locks: d.locks,
    logger: d.logger,
    sender: drafts,
    engineFor: (merchantId, kb) => d.llm.engineFor(merchantId, kb),
    live: d.live,
  });
  const routes: RoutesOf = () => ({ api: [outreachRoutes(drafts, d.merchants)] });
  const jobs = [outreachScanJob({ ...d.fanOut, scan, drafts }), draftResumeJob({ drafts })];
  return { drafts, scan, routes, jobs };
}
