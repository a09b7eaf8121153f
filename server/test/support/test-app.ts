// Boots the real process (HTTP + jobs) against the run's MongoDB and a private redis-server, on a free port.
import { randomBytes } from 'node:crypto';
import { startRedis } from '@xiaoer/dev-services/redis';
import { inject } from 'vitest';
import type { ProcessRole } from '../../src/config/env.js';
import type { JobDefinition } from '../../src/jobs/job-definition.js';
import { createLogger } from '../../src/logging/logger.js';
import { startProcess, type RunningProcess } from '../../src/process/start-process.js';
import { testConfig, withDatabase } from './test-config.js';

export interface TestApp extends RunningProcess {
  url: string;
  redisUrl: string;
  mongoUrl: string;
  /** fetch against the app, JSON in and out */
  request(
    path: string,
    init?: { method?: string; token?: string; body?: unknown; rawBody?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: any; headers: Headers }>;
  close(): Promise<void>;
}

export async function startTestApp(
  options: { role?: ProcessRole; env?: Record<string, string>; jobs?: JobDefinition[] } = {},
): Promise<TestApp> {
  const redis = await startRedis();
  const mongoUrl = withDatabase(inject('mongoUrl'), `t_${randomBytes(6).toString('hex')}`);
  const config = testConfig({ mongoUrl, redisUrl: redis.url, overrides: options.env });
  const logger = createLogger(config.log);
  const running = await startProcess(config, options.role ?? 'all', logger, { extraJobs: options.jobs });
  const url = running.url ?? '';

  return {
    ...running,
    url,
    redisUrl: redis.url,
    mongoUrl,
    async request(path, init = {}) {
      const headers: Record<string, string> = { ...init.headers };
      if (init.token) headers.authorization = `Bearer ${init.token}`;
      let body: string | undefined = init.rawBody;
      if (init.body !== undefined) {
        body = JSON.stringify(init.body);
        headers['content-type'] ??= 'application/json';
      }
      if (init.rawBody !== undefined) headers['content-type'] ??= 'application/json';
      const res = await fetch(url + path, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // not JSON: keep the text
      }
      return { status: res.status, body: parsed, headers: res.headers };
    },
    async close() {
      await running.container.mongo.dropDatabase().catch(() => {});
      await running.stop();
      await redis.stop();
    },
  };
}
