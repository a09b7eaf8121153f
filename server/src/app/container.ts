// Composition: opens the repositories from the process's handles, then builds each module (`<module>.module.ts`) in
// dependency order from what the modules before it provide. Passing these in (instead of importing module singletons)
// is what lets tests boot the real app against their own Redis and MongoDB. Hooks that point at a module built later
// are late-bound arrow functions, called only once requests or jobs flow.
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import { SessionSigner } from '../auth/session.js';
import { SecretBox } from '../crypto/secret-box.js';
import { openInviteRepository } from '../modules/auth/invite.repository.js';
import type { Config } from '../config/env.js';
import type { Logger } from '../logging/logger.js';
import { productModel } from '../modules/catalog/product.model.js';
import { ProductRepository } from '../modules/catalog/product.repository.js';
import { orderModel } from '../modules/orders/order.model.js';
import { OrderRepository } from '../modules/orders/order.repository.js';
import { customerModel } from '../modules/customers/customer.model.js';
import { CustomerRepository, type OptedOutHook } from '../modules/customers/customer.repository.js';
import { merchantModel } from '../modules/merchants/merchant.model.js';
import { MerchantRepository, type SettingsChangedHook } from '../modules/merchants/merchant.repository.js';
import { shopModel } from '../modules/shops/shop.model.js';
import { ShopRepository } from '../modules/shops/shop.repository.js';
import { staffModel } from '../modules/staff/staff.model.js';
import { StaffRepository } from '../modules/staff/staff.repository.js';
import { FixedWindowRateLimiter } from '../redis/rate-limiter.js';
import { OutboundGuard } from '../net/outbound-guard.js';
import { RedisLock } from '../redis/lock.js';
import { JobRuntime } from '../jobs/job-runtime.js';
import type { MerchantFanOut } from '../jobs/per-merchant-job.js';
import type { MerchantId } from '../tenancy/merchant-id.js';
import { PUSH_CUSTOMER_TAGS } from '../modules/tags/push-customer-tags.job.js';
import { hostname } from 'node:os';
import { tagRuleModel } from '../modules/tags/tag-rule.model.js';
import { TagRuleRepository } from '../modules/tags/tag-rule.repository.js';
import { corpTagModel } from '../modules/tags/corp-tag.model.js';
import { CorpTagRepository } from '../modules/tags/corp-tag.repository.js';
import { groupSendModel } from '../modules/campaigns/group-send.model.js';
import { GroupSendRepository } from '../modules/campaigns/group-send.repository.js';
import { channelCodeModel } from '../modules/channels/channel-code.model.js';
import { ChannelCodeRepository } from '../modules/channels/channel-code.repository.js';
import { reportSendModel } from '../modules/reports/report-send.model.js';
import { ReportSendRepository } from '../modules/reports/report-send.repository.js';
import { draftModel, scenarioRunModel, suppressionModel } from '../modules/outreach/outreach.model.js';
import { DraftRepository } from '../modules/outreach/draft.repository.js';
import { ScenarioRunRepository } from '../modules/outreach/scenario-run.repository.js';
import { SuppressionRepository } from '../modules/outreach/suppression.repository.js';
import { buildShopData } from '../modules/shop-data/shop-data.js';
import { alertModel } from '../modules/alerts/alert.model.js';
import { AlertRepository } from '../modules/alerts/alert.repository.js';
import { OwnerNotifier } from '../modules/wecom/owner-notifier.js';
import { groupPostModel } from '../modules/groups/group-post.model.js';
import { GroupPostRepository } from '../modules/groups/group-post.repository.js';
import { groupChatModel } from '../modules/groups/group.model.js';
import { GroupChatRepository } from '../modules/groups/group.repository.js';
import { groupEntryModel } from '../modules/groups/group-entry.model.js';
import { GroupEntryRepository } from '../modules/groups/group-entry.repository.js';
import { groupInteractionModel } from '../modules/groups/interaction.model.js';
import { GroupInteractionRepository } from '../modules/groups/interaction.repository.js';
import { intakeRequestModel, webhookEndpointModel } from '../modules/intake/webhook-endpoint.model.js';
import { IntakeRequestRepository } from '../modules/intake/intake-request.repository.js';
import { WebhookEndpointRepository } from '../modules/intake/webhook-endpoint.repository.js';
import * as aiModule from '../modules/ai/ai.module.js';
import * as alertsModule from '../modules/alerts/alerts.module.js';
import * as authModule from '../modules/auth/auth.module.js';
import * as campaignsModule from '../modules/campaigns/campaigns.module.js';
import * as channelsModule from '../modules/channels/channels.module.js';
import * as customersModule from '../modules/customers/customers.module.js';
import * as groupsModule from '../modules/groups/groups.module.js';
import * as intakeModule from '../modules/intake/intake.module.js';
import * as merchantsModule from '../modules/merchants/merchants.module.js';
import * as outreachModule from '../modules/outreach/outreach.module.js';
import * as reportsModule from '../modules/reports/reports.module.js';
import * as shopsModule from '../modules/shops/shops.module.js';
import * as sidebarModule from '../modules/sidebar/sidebar.module.js';
import * as staffModule from '../modules/staff/staff.module.js';
import * as tagsModule from '../modules/tags/tags.module.js';
import * as weatherModule from '../modules/weather/weather.module.js';
import * as wecomModule from '../modules/wecom/wecom.module.js';
import type { ModuleParts } from './module-parts.js';

export function buildContainer(config: Config, logger: Logger, mongo: Connection, redis: Redis) {
  // every opt-out cancels the customer's pending drafts (late-bound: the drafts inbox is built below)
  const cancelDrafts: OptedOutHook = (merchantId, customerId) =>
    outreach.drafts.cancelPendingFor(merchantId, customerId);
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
  const tagsChanged = (merchantId: MerchantId, customerId: string) =>
    jobs.enqueue(PUSH_CUSTOMER_TAGS, { merchantId, customerId });
  const wecom = wecomModule.build({
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
  // the recurring per-merchant jobs visit every merchant connected to WeCom
  const fanOut: MerchantFanOut = { merchantIds: () => wecom.apps.merchantIds(), logger };
  const ai = aiModule.build({
    fanOut,
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
  const weather = weatherModule.build({ config, redis, logger, merchants: repositories.merchants });
  const alerts = alertsModule.build({
    fanOut,
    logger,
    alerts: new AlertRepository(alertModel(mongo)),
    notifier,
    knowledge: ai.knowledge,
    orders: repositories.orders,
    stock: shopData.stock,
    movements: shopData.movements,
    reviews: shopData.reviews,
    customers: repositories.customers,
    kf: wecom.kfRepository,
    weather: weather.service,
  });
  const intake = intakeModule.build({
    logger,
    secrets,
    orders: repositories.orders,
    customers: repositories.customers,
    shopData,
    endpoints: new WebhookEndpointRepository(webhookEndpointModel(mongo)),
    requests: new IntakeRequestRepository(intakeRequestModel(mongo)),
    onEvents: (merchantId, events, now) => alerts.owner.onIntake(merchantId, events, now),
  });
  const outreach = outreachModule.build({
    fanOut,
    logger,
    locks,
    knowledge: ai.knowledge,
    llm: ai.llm,
    merchants: repositories.merchants,
    orders: repositories.orders,
    shopData,
    drafts: repositories.drafts,
    suppressions: repositories.suppressions,
    scenarioRuns: repositories.scenarioRuns,
    customers: repositories.customers,
    staff: repositories.staff,
    groupSends: wecom.groupSends,
    kf: { sessions: wecom.kfRepository, service: wecom.kf, apps: wecom.apps },
  });
  const reports = reportsModule.build({
    fanOut,
    logger,
    notifier,
    merchants: repositories.merchants,
    reportSends: repositories.reportSends,
    orders: repositories.orders,
    customers: repositories.customers,
    decisions: ai.decisions,
    drafts: repositories.drafts,
    knowledge: ai.knowledge,
    kf: wecom.kfRepository,
    alerts: alerts.service,
  });
  const groups = groupsModule.build({
    fanOut,
    logger,
    groupChats: repositories.groupChats,
    groupPosts: repositories.groupPosts,
    groupInteractions: repositories.groupInteractions,
    groupEntries: repositories.groupEntries,
    customers: repositories.customers,
    orders: repositories.orders,
    merchants: repositories.merchants,
    shopData,
    knowledge: ai.knowledge,
    llm: ai.llm,
    weather: weather.service,
    apps: wecom.apps,
    client: wecom.client,
    groupSends: wecom.groupSends,
    groupSync: wecom.groupSync,
    groupChatService: wecom.groupChats,
    kf: wecom.kf,
  });
  const tags = tagsModule.build({
    fanOut,
    tagRules: repositories.tagRules,
    customers: repositories.customers,
    orders: repositories.orders,
    merchants: repositories.merchants,
    kf: wecom.kfRepository,
    apps: wecom.apps,
    tagSync: wecom.tags,
    tagsChanged,
  });
  const shops = shopsModule.build({ shops: repositories.shops });
  const merchants = merchantsModule.build({
    merchants: repositories.merchants,
    shops: repositories.shops,
    shopService: shops.service,
    knowledge: ai.knowledge,
  });
  const customers = customersModule.build({
    customers: repositories.customers,
    orders: repositories.orders,
    merchants: repositories.merchants,
    rateLimiter,
    tagsChanged,
  });
  const auth = authModule.build({
    config,
    logger,
    sessions,
    rateLimiter,
    merchants: repositories.merchants,
    staff: repositories.staff,
    invites: openInviteRepository(mongo),
    apps: wecom.apps,
    identity: wecom.identity,
  });
  const modules: ModuleParts[] = [
    auth,
    wecom,
    channelsModule.build({ channelCodes: wecom.channelCodes }),
    campaignsModule.build({ groupSends: wecom.groupSends }),
    ai,
    merchants,
    customers,
    tags,
    groups,
    staffModule.build({ staff: repositories.staff }),
    reports,
    outreach,
    intake,
    alerts,
    weather,
    sidebarModule.build({ config, apps: wecom.apps, customers: repositories.customers }),
  ];
  return {
    config,
    logger,
    mongo,
    redis,
    repositories,
    locks,
    rateLimiter,
    sessions,
    secrets,
    jobs,
    wecom,
    ai,
    shopData,
    alerts,
    intake,
    outreach,
    reports,
    weather: weather.service,
    tagRules: tags.rules,
    autoTags: tags.autoTags,
    groupPosts: groups.posts,
    groupCalendars: groups.calendars,
    groupInteractions: groups.interactions,
    groupEntries: groups.entries,
    services: {
      auth: auth.service,
      merchants: merchants.service,
      shops: shops.service,
      customerProfiles: customers.profiles,
      customers: customers.service,
    },
    /** every module's routes, mounted by http/app.ts */
    routes: modules.flatMap((m) => (m.routes ? [m.routes] : [])),
    /** every job kind the worker role runs */
    jobDefinitions: modules.flatMap((m) => m.jobs ?? []),
  };
}

export type Container = ReturnType<typeof buildContainer>;
