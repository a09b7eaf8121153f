// The no-configuration run: use MONGO_URI / REDIS_URL when they are set, otherwise start private local ones.
// Secrets are generated once and kept in .data/ so sessions and encrypted fields survive a restart.
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RunningService } from '@xiaoer/dev-services/child-process';
import { startMongo } from '@xiaoer/dev-services/mongo';
import { startRedis } from '@xiaoer/dev-services/redis';

export interface LocalEnvironment {
  env: Record<string, string | undefined>;
  services: RunningService[];
  descriptions: { mongo: string; redis: string };
}

function devSecrets(dataDir: string): { SESSION_SECRET: string; MASTER_KEY: string } {
  const file = join(dataDir, 'dev-secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8'));
  mkdirSync(dataDir, { recursive: true });
  const secrets = { SESSION_SECRET: randomBytes(32).toString('hex'), MASTER_KEY: randomBytes(32).toString('hex') };
  writeFileSync(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export async function prepareLocalEnvironment(
  source: Record<string, string | undefined>,
  dataDir: string,
): Promise<LocalEnvironment> {
  const services: RunningService[] = [];
  const mongo = await startMongo(source.MONGO_URI);
  services.push(mongo);
  const redis = source.REDIS_URL
    ? { url: source.REDIS_URL, description: 'configured REDIS_URL', stop: async () => {} }
    : await startRedis();
  services.push(redis);
  const secrets = devSecrets(dataDir);
  return {
    services,
    descriptions: { mongo: mongo.description, redis: redis.description },
    env: {
      DEMO_MODE: 'true',
      // the stand-ins (an LLM, script images) run on this machine; merchant URLs may reach it in the demo only
      OUTBOUND_ALLOW_PRIVATE: '127.0.0.0/8,::1',
      LOG_PRETTY: 'true',
      CORS_ORIGINS: 'http://localhost:5173,http://127.0.0.1:5173,http://localhost:10086,http://127.0.0.1:10086',
      ...secrets,
      ...source,
      MONGO_URI: mongo.url,
      REDIS_URL: redis.url,
    },
  };
}
