import { buildContainer, type Container } from '../app/container.js';
import type { Config } from '../config/env.js';
import { connectMongo, ensureIndexes } from '../db/mongo.js';
import type { Logger } from '../logging/logger.js';
import { createRedis } from '../redis/client.js';

/** Connects MongoDB and Redis (failing with a one-line reason), ensures indexes, and wires the container. */
export async function openContainer(config: Config, logger: Logger): Promise<Container> {
  const mongo = await connectMongo(config.mongoUri, logger).catch((e: Error) => {
    throw new Error(`MongoDB at MONGO_URI is unreachable: ${e.message}`);
  });
  const redis = createRedis(config.redisUrl, logger);
  await redis.ping().catch((e: Error) => {
    redis.disconnect();
    void mongo.close();
    throw new Error(`Redis at REDIS_URL is unreachable: ${e.message}`);
  });
  const container = buildContainer(config, logger, mongo, redis);
  await ensureIndexes(mongo, logger);
  return container;
}
