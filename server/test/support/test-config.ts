import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config/env.js';

/** Points a mongodb URI at another database, keeping hosts and options (works for replica-set URIs too). */
export function withDatabase(uri: string, dbName: string): string {
  const match = /^(mongodb(?:\+srv)?:\/\/[^/?]+)\/?[^?]*(\?.*)?$/.exec(uri);
  if (!match) throw new Error(`cannot parse MONGO_URI ${uri}`);
  return `${match[1]}/${dbName}${match[2] ?? ''}`;
}

/** A valid configuration for a test process, through the same validation as production. */
export function testConfig(env: { mongoUrl: string; redisUrl: string; overrides?: Record<string, string> }): Config {
  return loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    MONGO_URI: env.mongoUrl,
    REDIS_URL: env.redisUrl,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    MASTER_KEY: randomBytes(32).toString('hex'),
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
    JOBS_POLL_MS: '200',
    SHUTDOWN_TIMEOUT_MS: '2000',
    // the LLM stand-in and test image servers run on this machine (production never allows this)
    OUTBOUND_ALLOW_PRIVATE: '127.0.0.0/8,::1',
    ...env.overrides,
  });
}
