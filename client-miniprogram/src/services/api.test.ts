import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalApi, type Answer } from '../../test/local-api';
import { resetTaro } from '../../test/taro-standin';
import { api, ApiError, setApiBase, setSignedOutHandler } from './api';
import { sessionStore } from './session';

const answerRef: { current: Answer } = { current: () => ({ status: 200, body: {} }) };
let local: Awaited<ReturnType<typeof startLocalApi>>;
let seen: Awaited<ReturnType<typeof startLocalApi>>['seen'];
const session = (hoursLeft: number, token = 'tok-1') => ({
  token,
  expiresAt: new Date(Date.now() + hoursLeft * 3600_000).toISOString(),
  staff: { id: 's1', name: '陈老板', role: 'owner' as const, merchantId: 'm1' },
});
const setAnswer = (a: (url: string) => ReturnType<Answer>) => (answerRef.current = (req) => a(req.url));

beforeAll(async () => {
  local = await startLocalApi(answerRef);
  seen = local.seen;
});
afterAll(() => local.close());
beforeEach(() => {
  resetTaro();
  seen.length = 0;
});

describe('the API client', () => {
  it('sends the session token and the JSON body, and returns the answer', async () => {
    sessionStore.set(session(200));
    setAnswer(() => ({ status: 200, body: { status: 'sent' } }));
    expect(await api('/outreach/drafts/1/approve', { body: { text: '你好' } })).toEqual({ status: 'sent' });
    expect(seen[0]).toMatchObject({
      method: 'POST',
      url: '/api/outreach/drafts/1/approve',
      auth: 'Bearer tok-1',
      body: '{"text":"你好"}',
    });
  });

  it('turns a refusal into the server’s own words, a bad field first', async () => {
    sessionStore.set(session(200));
    setAnswer(() => ({ status: 409, body: { error: 'conflict', message: '这条草稿已经处理过了' } }));
    await expect(api('/x', { body: {} })).rejects.toMatchObject({
      message: '这条草稿已经处理过了',
      status: 409,
      code: 'conflict',
    });
    setAnswer(() => ({
      status: 400,
      body: {
        error: 'validation_failed',
        message: '填写的内容有误，请检查后重试',
        fields: { inviteCode: '邀请码太短' },
      },
    }));
    await expect(api('/x', { body: {} })).rejects.toMatchObject({
      message: '邀请码太短',
      fields: { inviteCode: '邀请码太短' },
    });
  });

  it('signs the owner out when the server no longer accepts the session', async () => {
    sessionStore.set(session(200));
    let signedOut = 0;
    setSignedOutHandler(() => signedOut++);
    setAnswer(() => ({ status: 401, body: { error: 'unauthenticated', message: '登录已过期，请重新登录' } }));
    await expect(api('/alerts')).rejects.toBeInstanceOf(ApiError);
    expect(signedOut).toBe(1);
    expect(sessionStore.get()).toBeNull();
  });

  it('renews a session close to expiry once, for all the calls made at that moment', async () => {
    sessionStore.set(session(2, 'old'), Date.now() - 10 * 3600_000); // a 12-hour session, 10 hours old
    setAnswer((url) =>
      url === '/api/auth/refresh'
        ? { status: 200, body: session(720, 'new'), delayMs: 30 }
        : { status: 200, body: { ok: true } },
    );
    await Promise.all([api('/reports'), api('/alerts'), api('/outreach/drafts')]);
    expect(seen.filter((s) => s.url === '/api/auth/refresh')).toHaveLength(1);
    expect(seen.filter((s) => s.url !== '/api/auth/refresh').map((s) => s.auth)).toEqual([
      'Bearer new',
      'Bearer new',
      'Bearer new',
    ]);
    expect(sessionStore.get()?.token).toBe('new');
  });

  it('uses a short session just received as it is, without renewing it per call', async () => {
    sessionStore.set(session(1, 'short'));
    setAnswer(() => ({ status: 200, body: { ok: true } }));
    await api('/reports');
    await api('/alerts');
    expect(seen.map((s) => s.url)).toEqual(['/api/reports', '/api/alerts']);
    expect(seen.map((s) => s.auth)).toEqual(['Bearer short', 'Bearer short']);
  });

  it('says the network failed, in Chinese, when the server cannot be reached', async () => {
    setApiBase('http://127.0.0.1:9'); // nothing listens on the discard port
    await expect(api('/alerts', { anonymous: true })).rejects.toMatchObject({
      message: '网络连接失败，请检查网络后重试',
      status: 0,
    });
    setApiBase(local.url);
  });
});
