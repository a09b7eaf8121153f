import { Router } from '@koa/router';
import type { Redis } from 'ioredis';
import { isReady, presentLiveness, presentReadiness } from './health.presenter.js';

const withTimeout = <T>(p: Promise<T>, ms: number, fallback: T) =>
  Promise.race([p, new Promise<T>((r) => setTimeout(() => r(fallback), ms).unref())]);

async function pingRedis(redis: Redis): Promise<boolean> {
  try {
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  }
}

/**
 * /healthz: the process is up (for restarts). /readyz: this process can serve (for load balancers): Mongo and Redis
 * answer, and it is not shutting down. Mongo is asked through `pingMongo` (db/mongo.ts, bound to the process's
 * connection by the caller), so the routes never hold the connection itself. Load balancers, not the clients, read
 * them: no contract.
 */
export function healthRoutes(deps: {
  pingMongo: () => Promise<boolean>;
  redis: Redis;
  isDraining: () => boolean;
}): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = presentLiveness();
  });
  router.get('/readyz', async (ctx) => {
    const [mongo, redis] = await Promise.all([
      withTimeout(deps.pingMongo(), 2000, false),
      withTimeout(pingRedis(deps.redis), 2000, false),
    ]);
    const readiness = { mongo, redis, draining: deps.isDraining() };
    ctx.status = isReady(readiness) ? 200 : 503;
    ctx.body = presentReadiness(readiness);
  });
  return router;
}
