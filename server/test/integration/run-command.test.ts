// The README's run command, as a user runs it: no MONGO_URI or REDIS_URL, so it starts its own MongoDB-wire server and
// redis-server, seeds the demo merchant, serves /readyz = ok, and cleans up on SIGTERM.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { freePort } from '@xiaoer/dev-services/free-port';
import { describe, expect, it } from 'vitest';

const START = fileURLToPath(new URL('../../src/dev/start.ts', import.meta.url));

/** The run command as a process with no MONGO_URI or REDIS_URL, its output collected until it says it runs. */
async function runCommand(args: string[] = []) {
  const port = await freePort();
  const { MONGO_URI: _m, REDIS_URL: _r, ...env } = process.env;
  const child = spawn(process.execPath, ['--import', 'tsx', START, ...args], {
    env: { ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', LOG_PRETTY: 'false' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const run = { child, port, out: '', exited: new Promise<number | null>((resolve) => child.once('exit', resolve)) };
  child.stdout.on('data', (d) => (run.out += d));
  child.stderr.on('data', (d) => (run.out += d));
  // seeding the demo compiles and runs the whole server through tsx: minutes on a loaded 2-core machine
  const deadline = Date.now() + 150_000;
  while (!run.out.includes('Xiaoer is running') && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return run;
}

describe('npm start (the demo run)', () => {
  it('starts with no configuration, serves the demo merchant and stops cleanly', async () => {
    const { child, port, out, exited } = await runCommand();
    try {
      expect(out).toContain(`http://127.0.0.1:${port}/readyz`);
      expect(out).toContain('茶语时光');
      expect(out).toContain('Data is NOT kept');

      const ready = await (await fetch(`http://127.0.0.1:${port}/readyz`)).json();
      expect(ready).toEqual({ status: 'ok', checks: { mongo: 'ok', redis: 'ok' } });
      const login = (await (
        await fetch(`http://127.0.0.1:${port}/api/auth/demo-login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ role: 'manager' }),
        })
      ).json()) as { token: string; staff: { name: string } };
      expect(login.staff.name).toBe('林店长');
      const merchant = (await (
        await fetch(`http://127.0.0.1:${port}/api/merchant`, { headers: { authorization: `Bearer ${login.token}` } })
      ).json()) as {
        name: string;
        shops: unknown[];
      };
      expect(merchant).toMatchObject({ name: '茶语时光' });
      expect(merchant.shops).toHaveLength(2);

      // 美团's and 抖音's verification pushes came from their stand-in, signed their way, to push addresses of the shop
      expect(out).toContain('Platform push');
      const auth = { authorization: `Bearer ${login.token}` };
      const endpoints = (await (
        await fetch(`http://127.0.0.1:${port}/api/intake/endpoints`, { headers: auth })
      ).json()) as {
        items: { id: string; name: string }[];
      };
      const douyin = endpoints.items.find((e) => e.name === '抖音来客');
      expect(endpoints.items.map((e) => e.name)).toContain('美团验券');
      const log = (await (
        await fetch(`http://127.0.0.1:${port}/api/intake/endpoints/${douyin!.id}/deliveries`, { headers: auth })
      ).json()) as { items: unknown[] };
      expect(log.items).toEqual([expect.objectContaining({ kind: 'push/douyin', status: 200, received: 1 })]);

      // the stand-in knows every seeded customer with a WeCom id, so tag pushes and sends for them do not fail
      const standinUrl = /WeCom {10}stand-in at (http:\/\/\S+)/.exec(out)?.[1];
      const standin = (await (await fetch(`${standinUrl}/__standin/state`)).json()) as { contacts: number };
      expect(standin.contacts).toBeGreaterThanOrEqual(150);
      expect(out).not.toContain('invalid external userid');

      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);

  it('with --empty seeds nothing and prints the operator sign-in that creates the first merchant', async () => {
    const { child, port, out, exited } = await runCommand(['--empty']);
    try {
      expect(out).not.toContain('茶语时光');
      const [, login, password] = /login (\S+), password (\S+)\)/.exec(out) ?? [];
      expect(login).toBe('operator');
      const api = (path: string, body: unknown, token?: string) =>
        fetch(`http://127.0.0.1:${port}/api${path}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          body: JSON.stringify(body),
        });
      const demo = await api('/auth/demo-login', { role: 'owner' });
      expect(demo.status).not.toBe(200);
      const session = (await (await api('/operator/login', { login, password })).json()) as { token: string };
      const created = await api('/operator/merchants', { name: '我的小店', industry: '餐饮' }, session.token);
      expect(created.status).toBe(201);
      expect(JSON.stringify(await created.json())).toContain('/setup');
      // the stand-in plays a fresh corp whose credentials the WeCom step takes
      expect(out).toMatch(/corp ID ww[0-9a-f]{16}, AgentId \d+, Secret \S{43}/);
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});
