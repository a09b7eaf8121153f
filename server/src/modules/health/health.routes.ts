import { Router } from '@koa/router';
import type { Redis } from 'ioredis';

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
 * connection by the caller), so the routes never hold the connection itself.
 */
export function healthRoutes(deps: {
  pingMongo: () => Promise<boolean>;
  redis: Redis;
  isDraining: () => boolean;
}): Router {
  const router = new Router();
  router.get('/healthz', (ctx) => {
    ctx.body = { status: 'ok' };
  });
  router.get('/readyz', async (ctx) => {
    const [mongo, redis] = await Promise.all([
      withTimeout(deps.pingMongo(), 2000, false),
      withTimeout(pingRedis(deps.redis), 2000, false),
    ]);
    const draining = deps.isDraining();
    const ready = mongo && redis && !draining;
    ctx.status = ready ? 200 : 503;
    ctx.body = {
      status: ready ? 'ok' : draining ? 'draining' : 'unavailable',
      checks: { mongo: mongo ? 'ok' : 'down', redis: redis ? 'ok' : 'down' },
    };
  });
  return router;
}
