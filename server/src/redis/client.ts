import { Redis } from 'ioredis';
import type { Logger } from '../logging/logger.js';

/**
 * A reconnecting client. Commands issued while disconnected queue up to a bound and then fail, so a Redis outage
 * turns into errors (and /readyz going red) instead of requests hanging forever.
 */
export function createRedis(url: string, logger: Logger, name = 'main'): Redis {
  const redis = new Redis(url, {
    connectionName: `xiaoer-${name}`,
    maxRetriesPerRequest: 3,
    enableOfflineQueue: true,
    retryStrategy: (attempt) => Math.min(attempt * 200, 5000),
    reconnectOnError: (err) => err.message.startsWith('READONLY'), // a failover promoted another node
  });
  redis.on('error', (err) => logger.warn({ err: err.message, client: name }, 'redis error'));
  redis.on('reconnecting', () => logger.info({ client: name }, 'redis reconnecting'));
  return redis;
}
