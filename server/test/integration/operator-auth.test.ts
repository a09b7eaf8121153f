// The operator signs in apart from every merchant: a password checked in constant time, sessions that a merchant's
// token cannot stand in for (nor an operator's for a merchant's), and sign-in limited per address and per account.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import {
  OPERATOR_PASSWORD,
  OPERATOR_TEST_ENV,
  freshAddress,
  postPublic,
  signedInOperator,
} from '../support/operator.js';
import { awayFromWindowEdge } from '../support/rate-window.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api', env: OPERATOR_TEST_ENV });
});
afterAll(() => app.close());

const login = (body: unknown) => postPublic(app, '/api/operator/login', body);

describe('operator sign-in', () => {
  it('signs in with the right password and says who is signed in, with no password or hash in sight', async () => {
    const { operator, token } = await signedInOperator(app, 'zhang.san');
    expect(operator).toEqual({ id: expect.any(String), login: 'zhang.san', name: expect.any(String) });
    const res = await login({ login: 'Zhang.San ', password: OPERATOR_PASSWORD }); // logins are case-insensitive
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ token: expect.any(String), expiresAt: expect.any(String), operator });
    const me = await app.request('/api/operator/me', { token });
    expect(me.status).toBe(200);
    expect(me.body).toEqual(operator);
    expect(JSON.stringify([res.body, me.body])).not.toMatch(/scrypt|password/i);
  });

  it('refuses a wrong password and an unknown login with the same answer', async () => {
    await signedInOperator(app, 'li.si');
    const wrong = await login({ login: 'li.si', password: 'not the password' });
    const unknown = await login({ login: 'nobody.here', password: OPERATOR_PASSWORD });
    for (const res of [wrong, unknown]) {
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'unauthenticated', message: '登录名或密码不正确' });
    }
  });

  it('answers malformed sign-ins with 400 and the field at fault', async () => {
    const missing = await login({ login: 'li.si' });
    expect(missing.status).toBe(400);
    expect(missing.body.fields).toHaveProperty('password');
    const badLogin = await login({ login: 'a b', password: 'x' });
    expect(badLogin.status).toBe(400);
    expect(badLogin.body.fields.login).toBe('登录名为 3-32 位小写字母、数字、点、横线或下划线');
    const extra = await login({ login: 'li.si', password: 'x', merchantId: '64b0000000000000000000aa' });
    expect(extra.status).toBe(400);
    const notJson = await app.request('/api/operator/login', {
      rawBody: '{"login":',
      headers: freshAddress(),
      method: 'POST',
    });
    expect(notJson.status).toBe(400);
  });

  it('refuses a login that is already taken', async () => {
    await signedInOperator(app, 'wang.wu');
    await expect(
      app.container.operator.auth.addOperator({ login: 'wang.wu', name: '另一个', password: OPERATOR_PASSWORD }),
    ).rejects.toMatchObject({ code: 'conflict' });
  });

  it('allows ten password attempts per account, then none — not even the right one — from any address', async () => {
    await signedInOperator(app, 'zhao.liu'); // one attempt: the sign-in itself
    await awayFromWindowEdge(10 * 60_000, 20_000);
    const statuses: number[] = [];
    for (let i = 0; i < 9; i++) statuses.push((await login({ login: 'zhao.liu', password: `guess ${i}` })).status);
    expect(statuses.every((s) => s === 401)).toBe(true);
    const blocked = await login({ login: 'zhao.liu', password: OPERATOR_PASSWORD });
    expect(blocked.status).toBe(429);
    expect(blocked.body).toEqual({ error: 'rate_limited', message: '密码试错次数太多，请 10 分钟后再试' });
    // another operator is not held up
    await signedInOperator(app, 'qian.qi');
  });

  it('limits sign-ins per client address (30 a minute), shared with every other login', async () => {
    await awayFromWindowEdge(60_000, 15_000);
    const address = freshAddress();
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) {
      const res = await app.request('/api/operator/login', {
        method: 'POST',
        body: { login: `someone${i}`, password: 'whatever' },
        headers: address,
      });
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 30).every((s) => s === 401)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('operator and merchant sessions do not stand in for each other', () => {
  it("refuses a merchant's token on operator routes, even the owner's", async () => {
    const tenant = await buildTenant(app.container);
    for (const token of [tenant.tokens.owner, tenant.tokens.staff]) {
      for (const path of ['/api/operator/me', '/api/operator/merchants']) {
        const res = await app.request(path, { token });
        expect(res.status).toBe(401);
        expect(res.body).toEqual({ error: 'unauthenticated', message: '请用服务商账号登录' });
      }
      const create = await app.request('/api/operator/merchants', {
        token,
        body: { name: '偷建的店', industry: '零售' },
      });
      expect(create.status).toBe(401);
    }
  });

  it("refuses an operator's token on merchant routes", async () => {
    const { token } = await signedInOperator(app);
    for (const path of ['/api/auth/me', '/api/merchant', '/api/customers', '/api/staff']) {
      const res = await app.request(path, { token });
      expect(res.status, path).toBe(401);
      expect(res.body.error).toBe('unauthenticated');
    }
  });

  it('refuses operator routes without a token, or with a forged one', async () => {
    const none = await app.request('/api/operator/merchants');
    expect(none.status).toBe(401);
    expect(none.body.message).toBe('请先用服务商账号登录');
    const { token } = await signedInOperator(app);
    const [header, payload] = token.split('.');
    const forged = await app.request('/api/operator/merchants', { token: `${header}.${payload}.AAAA` });
    expect(forged.status).toBe(401);
  });
});
