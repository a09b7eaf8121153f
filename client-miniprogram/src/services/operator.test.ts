// The operator's token and the owner's session live apart in the same browser: neither is used, renewed or cleared
// by the other's calls. And the owner's setup link: checked, redeemed, stored like a sign-in, refusals explained.
import * as operator from '@xiaoer/common/api/operator';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startLocalApi, type Answer } from '../../test/local-api';
import { resetTaro } from '../../test/taro-standin';
import { asOperator, operatorSessionStore, operatorSignIn } from './operator';
import { sessionStore } from './session';
import { linkRefusal, redeemSetupLink, tokenProblem } from './setup';

const answerRef: { current: Answer } = { current: () => ({ status: 200, body: {} }) };
let local: Awaited<ReturnType<typeof startLocalApi>>;
const hours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
const ownerSession = (token = 'owner-tok') => ({
  token,
  expiresAt: hours(2),
  staff: { id: 's1', name: '陈老板', role: 'owner' as const, merchantId: 'm1' },
});
const OPERATOR = { token: 'op-tok', expiresAt: hours(8), operator: { id: 'o1', login: 'zhang', name: '张三' } };
const TOKEN = 'A'.repeat(43);

beforeAll(async () => {
  local = await startLocalApi(answerRef);
});
afterAll(() => local.close());
beforeEach(() => {
  resetTaro();
  local.seen.length = 0;
});

describe('the operator’s console', () => {
  it('signs in and calls with its own token, leaving the owner’s session alone', async () => {
    sessionStore.set(ownerSession(), Date.now() - 100 * 3600_000); // an owner's session due for renewal
    answerRef.current = (req) =>
      req.url === '/api/operator/login' ? { status: 200, body: OPERATOR } : { status: 200, body: { items: [] } };
    await operatorSignIn('zhang', 'secret password');
    expect(local.seen[0]).toMatchObject({ method: 'POST', auth: undefined });
    expect(await asOperator(operator.listMerchants)).toEqual({ items: [] });
    expect(local.seen[1]).toMatchObject({ method: 'GET', url: '/api/operator/merchants', auth: 'Bearer op-tok' });
    expect(local.seen.map((s) => s.url)).not.toContain('/api/auth/refresh');
    expect(sessionStore.get()?.token).toBe('owner-tok');
  });

  it('forgets only its own token when the server refuses it', async () => {
    sessionStore.set(ownerSession());
    operatorSessionStore.set(OPERATOR);
    answerRef.current = () => ({ status: 401, body: { error: 'unauthenticated', message: '登录已过期，请重新登录' } });
    await expect(asOperator(operator.me)).rejects.toMatchObject({ status: 401, message: '登录已过期，请重新登录' });
    expect(operatorSessionStore.get()).toBeNull();
    expect(sessionStore.get()?.token).toBe('owner-tok');
  });

  it('asks to sign in before calling when it has no token', async () => {
    await expect(asOperator(operator.me)).rejects.toMatchObject({ status: 401 });
    expect(local.seen).toEqual([]);
  });
});

describe('the owner’s setup link', () => {
  it('checks the token as the server does', () => {
    expect(tokenProblem(TOKEN)).toBeNull();
    expect(tokenProblem(undefined)).toContain('链接不完整');
    expect(tokenProblem('abc')).toBe('开通链接不完整，请复制完整的链接再打开');
  });

  it('redeems it with the owner’s name (or none) and keeps the session like a sign-in', async () => {
    answerRef.current = () => ({
      status: 200,
      body: { session: ownerSession('fresh'), merchant: { name: '茶语时光', industry: '餐饮' } },
    });
    await redeemSetupLink(TOKEN, ' 陈姐 ');
    expect(JSON.parse(local.seen[0]!.body)).toEqual({ token: TOKEN, name: '陈姐' });
    expect(sessionStore.get()?.token).toBe('fresh');
    await redeemSetupLink(TOKEN, '  ');
    expect(JSON.parse(local.seen[1]!.body)).toEqual({ token: TOKEN }); // the server calls them 老板
  });

  it('tells a link that is gone (ask the provider) from a passing trouble (try again)', async () => {
    const used = '这个开通链接已经用过了，请联系服务商重新发送';
    answerRef.current = () => ({ status: 410, body: { error: 'gone', message: used } });
    const gone = await redeemSetupLink(TOKEN, '').catch((e: unknown) => e);
    expect(linkRefusal(gone)).toEqual({ message: used, next: 'ask_provider' });
    expect(sessionStore.get()).toBeNull();
    answerRef.current = () => ({ status: 429, body: { error: 'rate_limited', message: '操作太频繁，请稍后再试' } });
    expect(linkRefusal(await redeemSetupLink(TOKEN, '').catch((e: unknown) => e))).toMatchObject({ next: 'retry' });
  });
});
