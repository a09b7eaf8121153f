// The public login endpoints against a hostile caller: a forged X-Forwarded-For does not escape the per-address
// limit behind a proxy, a mini-program bind ticket allows only a few invite-code guesses, and a Redis outage closes
// login (503) instead of silently switching the limit off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { awayFromWindowEdge } from '../support/rate-window.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

describe('behind one trusted proxy (TRUST_PROXY=1)', () => {
  let w: WecomTestApp;
  beforeAll(async () => {
    w = await startWecomTestApp({ env: { TRUST_PROXY: '1' } });
  });
  afterAll(() => w.close());

  /** What our proxy forwards: whatever the client claimed, then the address the proxy saw. */
  const viaProxy = (claimed: string, client: string) => ({ 'x-forwarded-for': `${claimed}, ${client}` });

  it('limits login attempts per client address, whatever the client puts first in X-Forwarded-For', async () => {
    await awayFromWindowEdge(60_000, 10_000);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await w.app.request('/api/auth/demo-login', {
        body: {},
        headers: viaProxy(`198.51.100.${i}`, '203.0.113.7'),
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s !== 429)).toBe(true);
    expect(statuses[30]).toBe(429);
    // another client behind the same proxy is not held up
    expect(
      (await w.app.request('/api/auth/demo-login', { body: {}, headers: viaProxy('198.51.100.1', '203.0.113.8') }))
        .status,
    ).not.toBe(429);
  });

  describe('mini-program bind tickets', () => {
    const wxCode = (openid: string) => {
      const code = `js-${Math.random().toString(36).slice(2)}`;
      w.standin.state.miniProgramCodes.set(code, { openid, expiresAt: Date.now() + 300_000, used: false });
      return code;
    };
    const ticketFor = async (openid: string) =>
      (await w.app.request('/api/auth/miniprogram/login', { body: { code: wxCode(openid) } })).body
        .bindTicket as string;
    const bind = (bindTicket: string, inviteCode: string) =>
      w.app.request('/api/auth/miniprogram/bind', { body: { bindTicket, inviteCode } });

    it('allow five invite-code guesses, then none — not even the right code — for that WeChat user', async () => {
      const invite = await w.app.request('/api/invites', {
        token: w.tenant.tokens.owner,
        body: { staffId: String(w.tenant.people.manager._id) },
      });
      const ticket = await ticketFor('o-guesser');
      await awayFromWindowEdge(10 * 60_000, 10_000);
      for (let i = 0; i < 5; i++) expect((await bind(ticket, `WRONG${i}AB`)).status).toBe(400);
      const blocked = await bind(ticket, invite.body.code);
      expect(blocked.status).toBe(429);
      expect(blocked.body).toEqual({ error: 'rate_limited', message: '邀请码试错次数太多，请 10 分钟后再试' });
      // a fresh ticket for the same WeChat user does not reset the count
      expect((await bind(await ticketFor('o-guesser'), invite.body.code)).status).toBe(429);
      // the invite was not used up: its rightful owner still binds with it
      const bound = await bind(await ticketFor('o-manager'), invite.body.code);
      expect(bound.status).toBe(200);
      expect(bound.body.staff.role).toBe('manager');
    });
  });
});

describe('with Redis down', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await startTestApp({ role: 'api', env: { DEMO_MODE: 'true' } });
  });
  afterAll(() => app.close());

  it('refuses logins with a clear 503 instead of letting every attempt through unlimited', async () => {
    await app.container.redis.call('shutdown', 'nosave').catch(() => {}); // the server exits; the connection drops
    const res = await app.request('/api/auth/demo-login', { body: { role: 'owner' } });
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ error: 'service_unavailable', message: '登录暂时不可用，请稍后再试' });
  });
});
