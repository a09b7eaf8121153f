// Wiring: builds every repository and service from the process's handles. Passing these in (instead of
// importing module singletons) is what lets tests boot the real app against their own Redis and MongoDB.
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { SessionSigner } from '../auth/session.js';
import { SecretBox } from '../crypto/secret-box.js';
import { AuthService } from '../modules/auth/auth.service.js';
import { openInviteRepository } from '../modules/auth/invite.repository.js';
import type { Config } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { productModel } from '../modules/catalog/product.model.js';
import { ProductRepository } from '../modules/catalog/product.repository.js';
import { orderModel } from '../modules/orders/order.model.js';
import { OrderRepository } from '../modules/orders/order.repository.js';
import { customerModel } from '../modules/customers/customer.model.js';
import { CustomerRepository, type OptedOutHook } from '../modules/customers/customer.repository.js';
import { CustomerService } from '../modules/customers/customer.service.js';
import { CustomerProfileService } from '../modules/customers/customer-profile.service.js';
import { merchantModel } from '../modules/merchants/merchant.model.js';
import { MerchantRepository, type SettingsChangedHook } from '../modules/merchants/merchant.repository.js';
import { MerchantService } from '../modules/merchants/merchant.service.js';
import { shopModel } from '../modules/shops/shop.model.js';
import { ShopRepository } from '../modules/shops/shop.repository.js';
import { ShopService } from '../modules/shops/shop.service.js';
import { staffModel } from '../modules/staff/staff.model.js';
import { StaffRepository } from '../modules/staff/staff.repository.js';
import { FixedWindowRateLimiter } from '../redis/rate-limiter.js';
import { OutboundGuard } from '../net/outbound-guard.js';
import { LoginLimits } from '../modules/auth/login-limits.js';
import { RedisLock } from '../redis/lock.js';
import { JobRuntime } from '../jobs/job-runtime.js';
import { PUSH_CUSTOMER_TAGS } from '../modules/tags/push-customer-tags.job.js';
import { hostname } from 'node:os';
import { buildWecom } from '../modules/wecom/wecom.container.js';
import { buildAi } from '../modules/ai/ai.container.js';
import { AutoTagService } from '../modules/tags/auto-tag.service.js';
import { tagRuleModel } from '../modules/tags/tag-rule.model.js';
import { TagRuleRepository } from '../modules/tags/tag-rule.repository.js';
import { TagRuleService } from '../modules/tags/tag-rule.service.js';
import { corpTagModel } from '../modules/tags/corp-tag.model.js';
import { CorpTagRepository } from '../modules/tags/corp-tag.repository.js';
import { groupSendModel } from '../modules/campaigns/group-send.model.js';
import { GroupSendRepository } from '../modules/campaigns/group-send.repository.js';
import { channelCodeModel } from '../modules/channels/channel-code.model.js';
import { ChannelCodeRepository } from '../modules/channels/channel-code.repository.js';
import { ReportService } from '../modules/reports/report.service.js';
import { ReportSendService } from '../modules/reports/report-send.service.js';
import { reportSendModel } from '../modules/reports/report-send.model.js';
import { ReportSendRepository } from '../modules/reports/report-send.repository.js';
import { DraftService } from '../modules/outreach/draft.service.js';
import { ScenarioScanService } from '../modules/outreach/scenario-scan.service.js';
import { buildScenarios } from '../modules/outreach/scenarios.js';
import { draftModel, scenarioRunModel, suppressionModel } from '../modules/outreach/outreach.model.js';
import { DraftRepository } from '../modules/outreach/draft.repository.js';
import { ScenarioRunRepository } from '../modules/outreach/scenario-run.repository.js';
import { SuppressionRepository } from '../modules/outreach/suppression.repository.js';
import { IntakeService } from '../modules/intake/intake.service.js';
import { IntakeWebhookService } from '../modules/intake/intake-webhook.service.js';
import { buildIntakeKinds } from '../modules/intake/kinds/index.js';
import { buildShopData } from '../modules/shop-data/shop-data.js';
import { alertModel } from '../modules/alerts/alert.model.js';
import { AlertRepository } from '../modules/alerts/alert.repository.js';
import { AlertService } from '../modules/alerts/alert.service.js';
import { OwnerAlertsService } from '../modules/alerts/owner-alerts.service.js';
import { buildDetectors } from '../modules/alerts/detectors/index.js';
import { OwnerNotifier } from '../modules/wecom/owner-notifier.js';
import { GroupPostService } from '../modules/groups/group-post.service.js';
import { GroupCalendarService } from '../modules/groups/group-calendar.service.js';
import { QWeatherClient } from '../modules/weather/qweather.client.js';
import { WeatherService } from '../modules/weather/weather.service.js';
import { groupPostModel } from '../modules/groups/group-post.model.js';
import { GroupPostRepository } from '../modules/groups/group-post.repository.js';
import { groupChatModel } from '../modules/groups/group.model.js';
import { GroupChatRepository } from '../modules/groups/group.repository.js';
import { GroupInteractionService } from '../modules/groups/group-interaction.service.js';
import { GroupEntryService } from '../modules/groups/group-entry.service.js';
import { groupEntryModel } from '../modules/groups/group-entry.model.js';
import { GroupEntryRepository } from '../modules/groups/group-entry.repository.js';
import { groupInteractionModel } from '../modules/groups/interaction.model.js';
import { GroupInteractionRepository } from '../modules/groups/interaction.repository.js';
import { intakeRequestModel, webhookEndpointModel } from '../modules/intake/webhook-endpoint.model.js';
import { IntakeRequestRepository } from '../modules/intake/intake-request.repository.js';
import { WebhookEndpointRepository } from '../modules/intake/webhook-endpoint.repository.js';

export function buildContainer(config: Config, logger: Logger, mongo: Connection, redis: Redis) {
  // every opt-out cancels the customer's pending drafts (late-bound: the drafts inbox is built below)
  const cancelDrafts: OptedOutHook = (merchantId, customerId) => drafts.cancelPendingFor(merchantId, customerId);
  // saved settings bump the knowledge version (late-bound: the knowledge base is built with the AI below)
  const settingsChanged: SettingsChangedHook = (merchantId) => ai.knowledge.changed(merchantId);
  const repositories = {
    merchants: new MerchantRepository(merchantModel(mongo), { settingsChanged }),
    shops: new ShopRepository(shopModel(mongo)),
    staff: new StaffRepository(staffModel(mongo)),
    customers: new CustomerRepository(customerModel(mongo), { optedOut: cancelDrafts }),
    products: new ProductRepository(productModel(mongo), { menuChanged: settingsChanged }),
    orders: new OrderRepository(orderModel(mongo)),
    drafts: new DraftRepository(draftModel(mongo)),
    suppressions: new SuppressionRepository(suppressionModel(mongo)),
    scenarioRuns: new ScenarioRunRepository(scenarioRunModel(mongo)),
    reportSends: new ReportSendRepository(reportSendModel(mongo)),
    groupChats: new GroupChatRepository(groupChatModel(mongo)),
    groupPosts: new GroupPostRepository(groupPostModel(mongo)),
    groupInteractions: new GroupInteractionRepository(groupInteractionModel(mongo)),
    groupEntries: new GroupEntryRepository(groupEntryModel(mongo)),
    groupSends: new GroupSendRepository(groupSendModel(mongo)),
    channelCodes: new ChannelCodeRepository(channelCodeModel(mongo)),
    corpTags: new CorpTagRepository(corpTagModel(mongo)),
    tagRules: new TagRuleRepository(tagRuleModel(mongo)),
  };
  const sessions = new SessionSigner(config.session.secret, config.session.ttlSeconds);
  const secrets = new SecretBox(config.masterKey);
  const locks = new RedisLock(redis);
  const rateLimiter = new FixedWindowRateLimiter(redis);
  const outbound = new OutboundGuard(config.outbound); // URLs a merchant supplies: no private addresses, pinned
  const jobs = new JobRuntime(mongo, logger, { pollMs: config.jobs.pollMs, name: `${hostname()}-${process.pid}` });
  const wecom = buildWecom({
    jobs,
    config,
    logger,
    mongo,
    redis,
    locks,
    rateLimiter,
    secrets,
    customers: repositories.customers,
    staff: repositories.staff,
    merchants: repositories.merchants,
    groupChats: repositories.groupChats,
    groupSends: repositories.groupSends,
    channelCodes: repositories.channelCodes,
    corpTags: repositories.corpTags,
    outbound,
    // late-bound: the owner alerts are built below, and only called once events flow
    onCustomerLeft: (merchantId, customer, staffName) => alerts.owner.customerLeft(merchantId, customer, staffName),
  });
  const ai = buildAi({
    mongo,
    redis,
    logger,
    wecom,
    merchants: repositories.merchants,
    shops: repositories.shops,
    products: repositories.products,
    customers: repositories.customers,
    orders: repositories.orders,
    staff: repositories.staff,
    secrets,
    llmTimeoutMs: config.llm.timeoutMs,
    outbound,
    // late-bound: the notifier is built below, and the morning summary only runs once jobs start
    notifier: { send: (merchantId, card) => notifier.send(merchantId, card) },
  });
  const shopData = buildShopData(mongo);
  const notifier = new OwnerNotifier({
    apps: wecom.apps,
    staff: repositories.staff,
    contacts: wecom.contactsApi,
    consoleUrl: `${config.http.publicUrl ?? 'https://work.weixin.qq.com'}/console`,
  });
  const weather = new WeatherService({
    client: config.weather && new QWeatherClient(config.weather),
    redis,
    merchants: repositories.merchants,
    logger,
  });
  const alertService = new AlertService({ alerts: new AlertRepository(alertModel(mongo)), notifier, logger });
  const alerts = {
    service: alertService,
    owner: new OwnerAlertsService({
      alerts: alertService,
      knowledge: ai.knowledge,
      detectors: buildDetectors({
        orders: repositories.orders,
        stock: shopData.stock,
        movements: shopData.movements,
        reviews: shopData.reviews,
        customers: repositories.customers,
        kf: wecom.kfRepository,
        weather,
      }),
    }),
  };
  const intakeService = new IntakeService({
    kinds: buildIntakeKinds({ orders: repositories.orders, shopData }),
    customers: repositories.customers,
    logger,
    onEvents: (merchantId, events, now) => alerts.owner.onIntake(merchantId, events, now),
  });
  const intake = {
    service: intakeService,
    webhook: new IntakeWebhookService(
      new WebhookEndpointRepository(webhookEndpointModel(mongo)),
      new IntakeRequestRepository(intakeRequestModel(mongo)),
      secrets,
      intakeService,
    ),
  };
  const drafts = new DraftService({
    drafts: repositories.drafts,
    customers: repositories.customers,
    staff: repositories.staff,
    groupSends: wecom.groupSends,
    knowledge: ai.knowledge,
    kf: { sessions: wecom.kfRepository, service: wecom.kf, apps: wecom.apps },
    logger,
  });
  const outreach = {
    drafts,
    scan: new ScenarioScanService({
      scenarios: buildScenarios({ orders: repositories.orders, customers: repositories.customers, shopData }),
      knowledge: ai.knowledge,
      orders: repositories.orders,
      drafts: repositories.drafts,
      suppressions: repositories.suppressions,
      runs: repositories.scenarioRuns,
      locks,
      logger,
      sender: drafts,
      engineFor: (merchantId, kb) => ai.llm.engineFor(merchantId, kb),
    }),
  };
  const reportService = new ReportService({
    orders: repositories.orders,
    customers: repositories.customers,
    decisions: ai.decisions,
    drafts: repositories.drafts,
    knowledge: ai.knowledge,
    kf: wecom.kfRepository,
    alerts: alertService,
  });
  const reports = {
    service: reportService,
    sender: new ReportSendService({
      reports: reportService,
      sends: repositories.reportSends,
      notifier,
      logger,
    }),
  };
  const groupPosts = new GroupPostService({
    posts: repositories.groupPosts,
    groups: repositories.groupChats,
    customers: repositories.customers,
    knowledge: ai.knowledge,
    groupSends: wecom.groupSends,
    attendance: { packages: shopData.packages, attendance: shopData.attendance },
    engineFor: (merchantId, kb) => ai.llm.engineFor(merchantId, kb),
  });
  const groupCalendars = new GroupCalendarService({ merchants: repositories.merchants, knowledge: ai.knowledge });
  const groupEntries = new GroupEntryService({
    entries: repositories.groupEntries,
    groups: repositories.groupChats,
    apps: wecom.apps,
    client: wecom.client,
    knowledge: ai.knowledge,
  });
  const groupInteractions = new GroupInteractionService({
    posts: repositories.groupPosts,
    groups: repositories.groupChats,
    interactions: repositories.groupInteractions,
    groupSends: wecom.groupSends,
    customers: repositories.customers,
    orders: repositories.orders,
    knowledge: ai.knowledge,
  });
  // "接龙+…" / "预约+…" written to 微信客服 count for the groups' posts; a failure here must not hold up the bot
  wecom.kf.onCustomerMessage((app, message) =>
    groupInteractions.fromKf(app, message).catch((err) => logger.error({ err }, 'group interaction not recorded')),
  );
  const tagRules = new TagRuleService(repositories.tagRules);
  const autoTags = new AutoTagService({
    rules: repositories.tagRules,
    customers: repositories.customers,
    orders: repositories.orders,
    merchants: repositories.merchants,
    kf: wecom.kfRepository,
    onTagsChanged: (merchantId, customerId) => jobs.enqueue(PUSH_CUSTOMER_TAGS, { merchantId, customerId }),
  });
  return {
    config,
    tagRules,
    autoTags,
    intake,
    groupPosts,
    groupCalendars,
    groupInteractions,
    weather,
    groupEntries,
    shopData,
    alerts,
    outreach,
    reports,
    logger,
    mongo,
    redis,
    repositories,
    locks,
    rateLimiter,
    sessions,
    secrets,
    wecom,
    ai,
    jobs,
    services: {
      auth: new AuthService(
        config,
        sessions,
        repositories.merchants,
        repositories.staff,
        wecom.apps,
        wecom.identity,
        openInviteRepository(mongo),
        new LoginLimits(rateLimiter, logger),
      ),
      merchants: new MerchantService(repositories.merchants, repositories.shops),
      shops: new ShopService(repositories.shops),
      customerProfiles: new CustomerProfileService(repositories.customers, repositories.orders, repositories.merchants),
      customers: new CustomerService(repositories.customers, rateLimiter, (merchantId, customerId) =>
        jobs.enqueue(PUSH_CUSTOMER_TAGS, { merchantId, customerId }),
      ),
    },
  };
}

export type Container = ReturnType<typeof buildContainer>;
