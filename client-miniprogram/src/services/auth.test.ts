import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalApi } from '../../test/local-api';
import { resetTaro } from '../../test/taro-standin';
import { bindWithInvite, signIn } from './auth';
import { sessionStore } from './session';

let bound = false;
const session = {
  token: 't',
  expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  staff: { id: 's', name: '陈老板', role: 'owner', merchantId: 'm' },
};
// the API's sign-in endpoints (there is no demo bridge here)
const answer = {
  current: (req: { url: string }) =>
    !req.url.startsWith('/api/auth/')
      ? { status: 404 }
      : {
          status: 200,
          body:
            req.url === '/api/auth/miniprogram/login'
              ? bound
                ? { status: 'ok', session }
                : { status: 'needs_binding', bindTicket: 'ticket-1' }
              : session,
        },
};
let local: Awaited<ReturnType<typeof startLocalApi>>;
const bodies = () =>
  local.seen.map((r) => ({ url: r.url, body: JSON.parse(r.body || '{}') as Record<string, string> }));

beforeAll(async () => {
  local = await startLocalApi(answer);
});
afterAll(() => local.close());
beforeEach(() => {
  resetTaro();
  local.seen.length = 0;
  (globalThis as { wx?: unknown }).wx = {
    login: ({ success }: { success: (r: { code: string }) => void }) => success({ code: 'code-from-wechat' }),
  };
});

describe('signing in', () => {
  it('asks for the invite code the first time, and binds with it', async () => {
    expect(await signIn()).toEqual({ status: 'needs_binding', bindTicket: 'ticket-1' });
    expect(bodies()[0]).toEqual({ url: '/api/auth/miniprogram/login', body: { code: 'code-from-wechat' } });
    expect(sessionStore.get()).toBeNull();
    await bindWithInvite('ticket-1', ' ab3k7m9p ');
    expect(bodies()[1]).toEqual({
      url: '/api/auth/miniprogram/bind',
      body: { bindTicket: 'ticket-1', inviteCode: 'AB3K7M9P' },
    });
    expect(sessionStore.get()?.staff.name).toBe('陈老板');
  });

  it('goes straight in once bound, and explains where to open it without WeChat', async () => {
    bound = true;
    expect((await signIn()).status).toBe('ok');
    expect(sessionStore.get()?.token).toBe('t');
    delete (globalThis as { wx?: unknown }).wx;
    await expect(signIn()).rejects.toThrow('请在微信里打开小二老板助手');
  });
});
