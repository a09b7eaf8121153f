// The production entry point as a real child process: fail-fast configuration, one-line reasons, graceful SIGTERM.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { startRedis } from '@xiaoer/dev-services/redis';
import { freePort } from '@xiaoer/dev-services/free-port';
import { describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../support/test-config.js';

const MAIN = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

const baseEnv = () => ({
  PATH: process.env.PATH!,
  MONGO_URI: withDatabase(inject('mongoUrl'), `t_${randomBytes(6).toString('hex')}`),
  REDIS_URL: 'redis://127.0.0.1:1',
  SESSION_SECRET: randomBytes(24).toString('hex'),
  MASTER_KEY: randomBytes(32).toString('hex'),
  HOST: '127.0.0.1',
  LOG_LEVEL: 'info',
});

function run(env: Record<string, string>, args: string[] = []) {
  const child = spawn(process.execPath, ['--import', 'tsx', MAIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

describe('boot failures', () => {
  it('exits 1 with a one-line reason naming a missing secret', async () => {
    const { SESSION_SECRET: _, ...env } = baseEnv();
    const p = run(env);
    expect(await p.exited).toBe(1);
    expect(p.err().trim()).toMatch(/^xiaoer: invalid configuration: SESSION_SECRET is required[^\n]*$/);
  });

  it('exits 1 naming an invalid MONGO_URI', async () => {
    const p = run({ ...baseEnv(), MONGO_URI: 'mysql://localhost/x' });
    expect(await p.exited).toBe(1);
    expect(p.err().trim()).toMatch(
      /^xiaoer: invalid configuration: MONGO_URI must be a mongodb:\/\/ or mongodb\+srv:\/\/ URI$/,
    );
  });

  it('exits 1 with a one-line reason when MongoDB cannot be reached', async () => {
    const p = run({ ...baseEnv(), MONGO_URI: `mongodb://127.0.0.1:${await freePort()}/x` });
    expect(await p.exited).toBe(1);
    expect(p.err().trim()).toMatch(/^xiaoer: cannot start: MongoDB at MONGO_URI is unreachable: [^\n]+$/);
  });

  it('exits 1 when Redis cannot be reached', async () => {
    const p = run({ ...baseEnv(), REDIS_URL: `redis://127.0.0.1:${await freePort()}` });
    expect(await p.exited).toBe(1);
    expect(p.err().trim()).toMatch(/^xiaoer: cannot start: Redis at REDIS_URL is unreachable/);
  });

  it('rejects an unknown --role', async () => {
    const p = run(baseEnv(), ['--role', 'web']);
    expect(await p.exited).toBe(1);
    expect(p.err()).toContain('--role must be one of api, worker, all');
  });
});

describe('graceful shutdown', () => {
  it('finishes on SIGTERM with exit 0 after draining HTTP and closing Mongo and Redis', async () => {
    const redis = await startRedis();
    const port = await freePort();
    const p = run({ ...baseEnv(), REDIS_URL: redis.url, PORT: String(port) }, ['--role', 'all']);
    try {
      const deadline = Date.now() + 20_000;
      while (!p.out().includes('process started') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
      expect(ready.status).toBe(200);
      p.child.kill('SIGTERM');
      expect(await p.exited).toBe(0);
      expect(p.out()).toContain('shut down cleanly');
      await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    } finally {
      p.child.kill('SIGKILL');
      await redis.stop();
    }
  });
});
