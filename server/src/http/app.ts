import { Router } from '@koa/router';
import Koa from 'koa';
import type { Container } from '../app/container.js';
import { authenticate, type AuthedState } from '../auth/auth.middleware.js';
import { publicAuthRoutes, sessionRoutes } from '../modules/auth/auth.routes.js';
import { customerRoutes } from '../modules/customers/customer.routes.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { pingMongo } from '../db/mongo.js';
import { merchantRoutes } from '../modules/merchants/merchant.routes.js';
import { staffRoutes } from '../modules/staff/staff.routes.js';
import { wecomCallbackRoutes } from '../modules/wecom/callback/callback.routes.js';
import { wecomRoutes } from '../modules/wecom/wecom.routes.js';
import { channelCodeRoutes } from '../modules/channels/channel-code.routes.js';
import { groupSendRoutes } from '../modules/campaigns/group-send.routes.js';
import { aiRoutes } from '../modules/ai/ai.routes.js';
import { tagRoutes } from '../modules/tags/tag.routes.js';
import { groupRoutes } from '../modules/groups/group.routes.js';
import { groupOperationsRoutes } from '../modules/groups/group-post.routes.js';
import { tagRuleRoutes } from '../modules/tags/tag-rule.routes.js';
import { reportRoutes } from '../modules/reports/report.routes.js';
import { outreachRoutes } from '../modules/outreach/outreach.routes.js';
import { intakeRoutes } from '../modules/intake/intake.routes.js';
import { intakeWebhookRoutes } from '../modules/intake/webhook.routes.js';
import { weatherRoutes } from '../modules/weather/weather.routes.js';
import { groupCalendarRoutes } from '../modules/groups/group-calendar.routes.js';
import { alertRoutes } from '../modules/alerts/alert.routes.js';
import { knowledgeRoutes } from '../modules/knowledge/knowledge.routes.js';
import { jsonBody } from './middleware/body.js';
import { fileURLToPath } from 'node:url';
import { clientPage } from './client-page.js';
import { checkContractResponses } from './contract-route.js';
import { devBridgeRoutes } from '../modules/sidebar/dev-bridge.routes.js';
import { errorHandler } from './middleware/error-handler.js';
import { requestContext } from './middleware/request-context.js';
import { corsForClients, securityHeaders } from './middleware/security.js';
import { requestTimeout } from './middleware/timeout.js';

/** The built sidebar, from the client-sidebar workspace (`npm run build -w client-sidebar`). */
const SIDEBAR_DIST = fileURLToPath(new URL('../../../client-sidebar/dist', import.meta.url));
const CONSOLE_DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5', import.meta.url));

/**
 * The HTTP application: cross-cutting middleware, then public routes, then the authenticated /api. `publicUrl` is
 * where this server is reached (PUBLIC_URL, or the bound address outside production): URLs we build or show are
 * made from it, never from a request's Host header.
 */
export function createApp(
  container: Container,
  lifecycle: { isDraining: () => boolean; publicUrl: () => string },
): Koa {
  const { config, logger, services, repositories } = container;
  const app = new Koa();
  app.proxy = config.http.trustProxyHops > 0;
  // Only the last N X-Forwarded-For entries were written by our N proxies; what is left of them, the client wrote.
  app.maxIpsCount = config.http.trustProxyHops;
  app.silent = true; // errors are logged by our own middleware, once, with context

  app.use(requestContext(logger));
  app.use(errorHandler(logger));
  // WeCom's callbacks are machine-to-machine and the hottest path: they skip browser concerns (security headers,
  // CORS) and the JSON body parser, and read their own size-limited XML body.
  const callbacks = wecomCallbackRoutes(container.wecom.intake);
  app.use(callbacks.routes());
  // The signed intake webhook is machine-to-machine too, and verifies the exact bytes it was sent.
  app.use(intakeWebhookRoutes(container.intake.webhook).routes());
  // The clients' H5 pages: static files with their own page CSP (the API's is "nothing at all").
  const standIn = config.wecom.apiBase !== 'https://qyapi.weixin.qq.com' ? [new URL(config.wecom.apiBase).origin] : [];
  app.use(
    clientPage(
      {
        prefix: '/sidebar',
        distDir: SIDEBAR_DIST,
        hashedDirs: ['assets'],
        notBuilt: '侧边栏页面还没有构建，请先运行 npm run build -w client-sidebar',
      },
      standIn,
    ),
  );
  // The owner console's H5 build: WeCom text cards open it, and browsers can use it too.
  app.use(
    clientPage(
      {
        prefix: '/console',
        distDir: CONSOLE_DIST,
        hashedDirs: ['js', 'css', 'static'],
        notBuilt: '老板助手页面还没有构建，请先运行 npm run build:h5 -w client-miniprogram',
      },
      standIn,
    ),
  );
  app.use(securityHeaders());
  app.use(corsForClients(config.http.corsOrigins));
  app.use(requestTimeout(config.http.requestTimeoutMs));
  app.use(jsonBody(config.http.bodyLimit));
  // Outside production every answer of a route built from a contract is checked against the contract.
  if (config.env !== 'production') app.use(checkContractResponses());

  const health = healthRoutes({
    pingMongo: () => pingMongo(container.mongo),
    redis: container.redis,
    isDraining: lifecycle.isDraining,
  });
  const auth = publicAuthRoutes(services.auth, services.auth.limits);

  const api = new Router<AuthedState>({ prefix: '/api' });
  api.use(authenticate(container.sessions));
  for (const module of [
    sessionRoutes(services.auth, repositories.staff),
    wecomRoutes(container.wecom.jssdk, container.jobs, container.wecom.configCheck, lifecycle.publicUrl),
    channelCodeRoutes(container.wecom.channelCodes),
    groupSendRoutes(container.wecom.groupSends),
    aiRoutes(
      container.ai.llm,
      repositories.merchants,
      container.ai.knowledge,
      container.ai.suggestions,
      container.ai.customerSummary,
    ),
    knowledgeRoutes(
      container.ai.knowledgeAdmin,
      container.ai.scriptUse,
      container.ai.scriptLibrary,
      container.ai.knowledgeImport,
    ),
    merchantRoutes(services.merchants, services.shops, container.ai.knowledge),
    customerRoutes(services.customers, services.customerProfiles),
    tagRoutes(container.wecom.tags),
    groupRoutes(container.wecom.groupChats),
    groupOperationsRoutes(
      container.wecom.groupSync,
      container.groupPosts,
      container.groupInteractions,
      container.groupEntries,
      container.wecom.apps,
    ),
    staffRoutes(repositories.staff),
    reportRoutes(container.reports.service),
    tagRuleRoutes(container.tagRules, container.autoTags),
    outreachRoutes(container.outreach.drafts, repositories.merchants),
    intakeRoutes(container.intake.service, container.intake.webhook, lifecycle.publicUrl),
    alertRoutes(container.alerts.service),
    weatherRoutes(container.weather),
    groupCalendarRoutes(container.groupCalendars),
  ]) {
    api.use(module.routes(), module.allowedMethods());
  }

  for (const router of [health, auth]) app.use(router.routes()).use(router.allowedMethods());
  // The demo's sidebar in an ordinary browser gets the stand-in's JS bridge.
  if (config.demoMode && standIn.length)
    app.use(devBridgeRoutes(config.wecom.apiBase, container.wecom.apps, repositories.customers).routes());
  app.use(api.routes()).use(api.allowedMethods());
  return app;
}
