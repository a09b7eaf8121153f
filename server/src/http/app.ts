import { Router } from '@koa/router';
import Koa from 'koa';
import type { Container } from '../app/container.js';
import { authenticate, type AuthedState } from '../auth/auth.middleware.js';
import { healthRoutes } from '../modules/health/health.routes.js';
import { pingMongo } from '../db/mongo.js';
import { jsonBody } from './middleware/body.js';
import { fileURLToPath } from 'node:url';
import { clientPage } from './client-page.js';
import { checkContractResponses } from './contract-route.js';
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
  const { config, logger } = container;
  const app = new Koa();
  app.proxy = config.http.trustProxyHops > 0;
  // Only the last N X-Forwarded-For entries were written by our N proxies; what is left of them, the client wrote.
  app.maxIpsCount = config.http.trustProxyHops;
  app.silent = true; // errors are logged by our own middleware, once, with context

  app.use(requestContext(logger));
  app.use(errorHandler(logger));
  const routes = container.routes.map((routesOf) => routesOf({ publicUrl: lifecycle.publicUrl }));
  // Machine-to-machine endpoints (WeCom's callbacks, the signed intake webhook) skip browser concerns (security
  // headers, CORS) and the JSON body parser, and read their own size-limited body: they verify the exact bytes.
  for (const router of routes.flatMap((r) => r.machine ?? [])) app.use(router.routes());
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

  const api = new Router<AuthedState>({ prefix: '/api' });
  api.use(authenticate(container.sessions, container.revocations));
  for (const router of routes.flatMap((r) => r.api ?? [])) api.use(router.routes(), router.allowedMethods());

  for (const router of [health, ...routes.flatMap((r) => r.public ?? [])])
    app.use(router.routes()).use(router.allowedMethods());
  app.use(api.routes()).use(api.allowedMethods());
  return app;
}
