// What every benchmark needs: MongoDB (MONGO_URI when set, for production-like figures), a private Redis, and a
// valid configuration for a throwaway database.
import { randomBytes } from 'node:crypto';
import { startMongo } from '@xiaoer/dev-services/mongo';
import { startRedis } from '@xiaoer/dev-services/redis';
import { loadConfig } from '../src/config/env.js';

/** `monitorCommands`: the driver emits an event per database command (benches count them). */
export async function benchServices(env: Record<string, string> = {}, options: { monitorCommands?: boolean } = {}) {
  const mongo = await startMongo(process.env.MONGO_URI);
  const redis = await startRedis();
  const config = loadConfig({
    MONGO_URI: mongo.url.replace(
      /\/xiaoer$/,
      `/bench_${randomBytes(4).toString('hex')}${options.monitorCommands ? '?monitorCommands=true' : ''}`,
    ),
    REDIS_URL: redis.url,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    MASTER_KEY: randomBytes(32).toString('hex'),
    HOST: '127.0.0.1',
    PORT: '0',
    LOG_LEVEL: 'warn',
    OUTBOUND_ALLOW_PRIVATE: '127.0.0.0/8,::1', // the LLM stand-in runs on this machine
    ...env,
  });
  return {
    mongo,
    redis,
    config,
    stop: async () => {
      await redis.stop();
      await mongo.stop();
    },
  };
}
