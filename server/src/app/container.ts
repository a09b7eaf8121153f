// Composition: opens the repositories from the process's handles, then builds each module (`<module>.module.ts`) in
// dependency order from what the modules before it provide. Passing these in (instead of importing module singletons)
// is what lets tests boot the real app against their own Redis and MongoDB. Hooks that point at a module built later
// are late-bound arrow functions, called only once requests or jobs flow.
import type { Redis } from 'ioredis';
import { SessionSigner } from '../auth/session.js';
import { SessionRevocations } from '../auth/session-revocations.js';
import { SecretBox } from '../crypto/secret-box.js';
import type { Config } from '../config/env.js';
import type { Database } from '../db/database.js';
import type { Logger } from '../logging/logger.js';
import { FixedWindowRateLimiter } from '../redis/rate-limiter.js';
import { OutboundGuard } from '../net/outbound-guard.js';
import { RedisLock } from '../redis/lock.js';
import { JobRuntime } from '../jobs/job-runtime.js';
import type { MerchantFanOut } from '../jobs/per-merchant-job.js';
import type { MerchantId } from '../tenancy/merchant-id.js';
import { hostname } from 'node:os';
import { buildShopData } from '../modules/shop-data/shop-data.js';
import { PUSH_CUSTOMER_TAGS } from '../modules/tags/push-customer-tags.job.js';
import * as aiModule from '../modules/ai/ai.module.js';
import * as alertsModule from '../modules/alerts/alerts.module.js';
import * as authModule from '../modules/auth/auth.module.js';
import * as campaignsModule from '../modules/campaigns/campaigns.module.js';
import * as channelsModule from '../modules/channels/channels.module.js';
import * as conversationsModule from '../modules/conversations/conversations.module.js';
import * as customersModule from '../modules/customers/customers.module.js';
import * as goLiveModule from '../modules/golive/golive.module.js';
import * as groupsModule from '../modules/groups/groups.module.js';
import * as intakeModule from '../modules/intake/intake.module.js';
import * as knowledgeModule from '../modules/knowledge/knowledge.module.js';
import * as learningModule from '../modules/learning/learning.module.js';
import * as merchantsModule from '../modules/merchants/merchants.module.js';
import * as operatorModule from '../modules/operator/operator.module.js';
import { campaignsSinceFrom } from '../modules/outreach/send-policy.js';
import * as outreachModule from '../modules/outreach/outreach.module.js';
import * as reportsModule from '../modules/reports/reports.module.js';
import * as shopsModule from '../modules/shops/shops.module.js';
import * as sidebarModule from '../modules/sidebar/sidebar.module.js';
import * as staffModule from '../modules/staff/staff.module.js';
import * as tagsModule from '../modules/tags/tags.module.js';
import * as templatesModule from '../modules/templates/templates.module.js';
import * as weatherModule from '../modules/weather/weather.module.js';
import * as wecomModule from '../modules/wecom/wecom.module.js';
import { WECOM_AUDIT } from '../modules/wecom/setup/setup-audit.js';
import type { ModuleParts } from './module-parts.js';
import { openSharedRepositories, type RepositoryHooks } from './repositories.js';

export function buildContainer(config: Config, logger: Logger, mongo: Database, redis: Redis) {
  const hooks: RepositoryHooks = {
    // every opt-out cancels the customer's pending drafts (late-bound: the drafts inbox is built below)
    optedOut: (merchantId, customerId) => outreach.drafts.cancelPendingFor(merchantId, customerId),
    // saved settings and menu changes renew the knowledge snapshot (late-bound: the knowledge module is built below)
    settingsChanged: (merchantId) => knowledge.base.changed(merchantId),
  };
  const repositories = openSharedRepositories(mongo, hooks);
  const sessions = new SessionSigner(config.session.secret, config.session.ttlSeconds);
  // a removed member's (or a member whose role changed) sessions end at once, not when their token runs out
  const revocations = new SessionRevocations(redis, config.session.ttlSeconds, logger);
  const secrets = new SecretBox(config.masterKey);
  const locks = new RedisLock(redis);
  const rateLimiter = new FixedWindowRateLimiter(redis);
  const outbound = new OutboundGuard(config.outbound); // URLs a merchant supplies: no private addresses, pinned
  const jobs = new JobRuntime(mongo, logger, { pollMs: config.jobs.pollMs, name: `${hostname()}-${process.pid}` });
  const tagsChanged = (merchantId: MerchantId, customerId: string) =>
    jobs.enqueue(PUSH_CUSTOMER_TAGS, { merchantId, customerId });
  // the integration first: every domain module below builds on its client and registers its inbox handlers with it
  const wecom = wecomModule.build({
    config,
    logger,
    db: mongo,
    redis,
    locks,
    rateLimiter,
    secrets,
    staff: repositories.staff,
    outbound,
    jobs,
    // late-bound: the staff module is built below; way 1's first staff sync WeCom refused for 企业可信IP runs again
    // once the live checks find it set (never failing the checks: the staff step can start it again)
    trustedIpPassed: async (merchantId) => {
      await staff.sync
        .startIfRefusedBefore(merchantId)
        .catch((err: unknown) => logger.error({ err, merchantId }, 'starting the staff sync failed'));
    },
    // late-bound: the audit list is opened with the operator module, built below; a connected app starts the
    // staff sync (the staff step then finds the team already there)
    audit: {
      record: async (merchantId, entry, at) => {
        await operator.audit.record(merchantId, entry, at);
        // way 1's first save, or way 2's authorisation (the admin scanned)
        // (the connection stands whatever happens to the sync: the staff step can start it again)
        if (entry.action === WECOM_AUDIT.connected || entry.action === WECOM_AUDIT.agencyAuthorised)
          await staff.sync
            .start(merchantId, entry.actor)
            .catch((err: unknown) => logger.error({ err, merchantId }, 'starting the staff sync failed'));
      },
    },
  });
  const { notifier } = wecom;
  // the recurring per-merchant jobs visit every merchant connected to WeCom
  const fanOut: MerchantFanOut = { merchantIds: () => wecom.apps.merchantIds(), logger };
  const conversations = conversationsModule.build({
    db: mongo,
    redis,
    locks,
    logger,
    merchants: repositories.merchants,
    wecom,
    mediaLinkSecret: config.session.secret,
    // late-bound: the golive module is built below (a shop in setup does not greet on 微信客服)
    live: async (merchantId) => (await goLive.service.launch(merchantId)).status === 'live',
  });
  const channels = channelsModule.build({
    channelCodes: repositories.channelCodes,
    channelAdds: repositories.channelAdds,
    staff: repositories.staff,
    wecom,
  });
  const campaigns = campaignsModule.build({
    groupSends: repositories.groupSends,
    campaigns: repositories.campaigns,
    messages: conversations.repository,
    customers: repositories.customers,
    staff: repositories.staff,
    wecom,
    fanOut,
    locks,
    audience: {
      groupChats: repositories.groupChats,
      orders: repositories.orders,
      drafts: repositories.drafts,
      merchants: repositories.merchants,
      // late-bound: the shop data is opened below
      shopData: () => shopData,
    },
    // late-bound: the alerts module is built below
    onCampaignFailed: (merchantId, failed) => alerts.owner.campaignFailed(merchantId, failed),
  });
  const knowledge = knowledgeModule.build({
    db: mongo,
    redis,
    merchants: repositories.merchants,
    shops: repositories.shops,
    products: repositories.products,
    productPhotos: repositories.productPhotos,
    customers: repositories.customers,
    orders: repositories.orders,
    staff: repositories.staff,
    wecom,
    photoLinkSecret: config.session.secret,
  });
  const ai = aiModule.build({
    fanOut,
    db: mongo,
    redis,
    logger,
    wecom,
    knowledge: knowledge.base,
    knowledgeVersion: knowledge.version,
    kf: conversations.kf,
    kfRepository: conversations.repository,
    kfMedia: conversations.media,
    merchants: repositories.merchants,
    customers: repositories.customers,
    orders: repositories.orders,
    staff: repositories.staff,
    secrets,
    llmTimeoutMs: config.llm.timeoutMs,
    outbound,
    notifier,
    // late-bound: the golive module is built below (a shop in setup answers only the owner's test conversation)
    botGate: (merchantId, externalUserId) => goLive.service.gate(merchantId, externalUserId),
    // late-bound: the learning module is built below
    unansweredDigest: (merchantId, from, to) => learning.unanswered.digest(merchantId, from, to),
  });
  // the shop learns: unanswered questions become FAQ through the knowledge editor; 问问小二 asks the bot's engine
  const learning = learningModule.build({
    decisions: ai.decisions,
    customers: repositories.customers,
    knowledge: knowledge.base,
    knowledgeAdmin: knowledge.admin,
    engineFor: (merchantId, kb) => ai.llm.engineFor(merchantId, kb),
  });
  const shopData = buildShopData(mongo);
  const weather = weatherModule.build({ config, redis, logger, merchants: repositories.merchants });
  const alerts = alertsModule.build({
    fanOut,
    logger,
    db: mongo,
    notifier,
    knowledge: knowledge.base,
    orders: repositories.orders,
    stock: shopData.stock,
    movements: shopData.movements,
    reviews: shopData.reviews,
    customers: repositories.customers,
    kf: conversations.repository,
    weather: weather.service,
    shipments: shopData.shipments,
    temperatures: shopData.temperatures,
    rota: shopData.rota,
    leaves: shopData.leaves,
    redemptions: shopData.redemptions,
  });
  // the weekly cap spans drafts and group sends alike: the sender and 为什么没联系他 count both the same way
  const campaignsSince = campaignsSinceFrom(repositories.customers, repositories.groupSends);
  const customers = customersModule.build({
    campaignsSince,
    config,
    db: mongo,
    logger,
    locks,
    jobs,
    rateLimiter,
    customers: repositories.customers,
    orders: repositories.orders,
    shopData,
    kf: conversations.repository,
    drafts: repositories.drafts,
    knowledge: knowledge.base,
    // the audit list is opened by the operator module, built below
    audit: { record: (merchantId, entry) => operator.audit.record(merchantId, entry) },
    merchants: repositories.merchants,
    staff: repositories.staff,
    wecom,
    channelCodes: channels.service,
    tagsChanged,
    onCustomerLeft: (merchantId, customer, staffName) => alerts.owner.customerLeft(merchantId, customer, staffName),
  });
  const intake = intakeModule.build({
    logger,
    secrets,
    db: mongo,
    orders: repositories.orders,
    customers: repositories.customers,
    shopData,
    products: repositories.products,
    shopStock: repositories.shopStock,
    shops: repositories.shops,
    staff: repositories.staff,
    onEvents: (merchantId, events, now) => alerts.owner.onIntake(merchantId, events, now),
  });
  const outreach = outreachModule.build({
    campaignsSince,
    fanOut,
    logger,
    locks,
    knowledge: knowledge.base,
    llm: ai.llm,
    merchants: repositories.merchants,
    orders: repositories.orders,
    shopData,
    drafts: repositories.drafts,
    suppressions: repositories.suppressions,
    scenarioRuns: repositories.scenarioRuns,
    customers: repositories.customers,
    staff: repositories.staff,
    groupSends: campaigns.service,
    kf: { sessions: conversations.repository, service: conversations.kf, apps: wecom.apps },
    weather: weather.service,
    // late-bound: the golive module is built below (customer scenarios wait for 开始营业)
    live: async (merchantId) => (await goLive.service.launch(merchantId)).status === 'live',
  });
  const reports = reportsModule.build({
    fanOut,
    logger,
    notifier,
    merchants: repositories.merchants,
    reportSends: repositories.reportSends,
    staff: repositories.staff,
    orders: repositories.orders,
    shopData,
    customers: repositories.customers,
    decisions: ai.decisions,
    drafts: repositories.drafts,
    knowledge: knowledge.base,
    kf: conversations.repository,
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
    staff: repositories.staff,
    orders: repositories.orders,
    merchants: repositories.merchants,
    shopData,
    knowledge: knowledge.base,
    llm: ai.llm,
    weather: weather.service,
    wecom,
    groupSends: campaigns.service,
    kf: conversations.kf,
  });
  const tags = tagsModule.build({
    fanOut,
    tagRules: repositories.tagRules,
    corpTags: repositories.corpTags,
    customers: repositories.customers,
    orders: repositories.orders,
    shopData,
    merchants: repositories.merchants,
    kf: conversations.repository,
    wecom,
    tagsChanged,
  });
  const shops = shopsModule.build({ shops: repositories.shops });
  const merchants = merchantsModule.build({
    merchants: repositories.merchants,
    shopService: shops.service,
    staff: repositories.staff,
    // the audit list is opened by the operator module, built below
    audit: { record: (merchantId, entry) => operator.audit.record(merchantId, entry) },
  });
  const auth = authModule.build({
    config,
    logger,
    sessions,
    rateLimiter,
    db: mongo,
    merchants: repositories.merchants,
    staff: repositories.staff,
    apps: wecom.apps,
    identity: wecom.identity,
  });
  // the provider's operators: merchants, owners' setup links, every merchant's setup and health
  const operator = operatorModule.build({
    config,
    db: mongo,
    merchants: repositories.merchants,
    staff: repositories.staff,
    limits: auth.service.limits,
    issueSession: (staff) => auth.service.issueFor(staff),
    health: { inbox: wecom.inbox, decisions: ai.decisions, llmUsage: ai.llmUsage },
    connectedMerchantIds: () => wecom.apps.merchantIds(),
    // late-bound: the golive module is built below
    startSetup: (merchantId) => goLive.service.startSetup(merchantId),
  });
  // the industry template applied in the owner's knowledge step, through the knowledge editor and the WeCom app
  const templates = templatesModule.build({
    db: mongo,
    locks,
    admin: knowledge.admin,
    merchants: repositories.merchants,
    shops: repositories.shops,
    welcomes: wecom.apps,
    audit: operator.audit,
  });
  // the team: synced from the WeCom app's visible range and its change_contact events; roles, shops, the owner's claim
  const staff = staffModule.build({
    db: mongo,
    logger,
    locks,
    jobs,
    staff: repositories.staff,
    shops: repositories.shops,
    wecom,
    audit: operator.audit,
    issueSession: (member) => auth.service.issueFor(member),
    createInvite: (session, staffId) => auth.service.createInvite(session, staffId),
    endSessions: (merchantId, staffId) => revocations.endAll(merchantId, staffId),
  });
  // test and go live (开始营业): the owner's last setup step, and the gate the bot asks before answering
  const goLive = goLiveModule.build({
    config,
    db: mongo,
    merchants: repositories.merchants,
    audit: operator.audit,
    apps: wecom.apps,
    kfApi: wecom.kfApi,
    kf: conversations.repository,
    staff: repositories.staff,
  });
  const modules: ModuleParts[] = [
    auth,
    operator,
    wecom,
    conversations,
    channels,
    campaigns,
    knowledge,
    ai,
    learning,
    merchants,
    customers,
    tags,
    groups,
    staff,
    reports,
    outreach,
    intake,
    alerts,
    weather,
    templates,
    goLive,
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
    revocations,
    secrets,
    jobs,
    wecom,
    kf: conversations.kf,
    kfRepository: conversations.repository,
    channelCodes: channels.service,
    groupSends: campaigns.service,
    campaigns: { service: campaigns.campaigns, results: campaigns.results },
    contactSync: customers.contactSync,
    staffSync: staff.sync,
    knowledge,
    ai,
    learning,
    templates,
    goLive,
    shopData,
    alerts,
    intake,
    outreach,
    reports,
    operator,
    weather: weather.service,
    tagSync: tags.sync,
    tagRules: tags.rules,
    autoTags: tags.autoTags,
    groupSync: groups.sync,
    groupChats: groups.chats,
    groupPosts: groups.posts,
    groupCalendars: groups.calendars,
    groupInteractions: groups.interactions,
    groupEntries: groups.entries,
    services: {
      auth: auth.service,
      merchants: merchants.service,
      shops: shops.service,
      staff: staff.service,
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
