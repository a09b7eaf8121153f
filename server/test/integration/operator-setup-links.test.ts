// The owner's side of a setup link: the first opening signs the owner in (creating the owner's record once), and an
// expired, revoked or already-used link — or one that never existed — each says so in its own words, naming no shop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { buildTenant } from '../support/factories.js';
import { OPERATOR_TEST_ENV, postPublic, signedInOperator, tokenOf } from '../support/operator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let operatorToken: string;
beforeAll(async () => {
  app = await startTestApp({ role: 'api', env: OPERATOR_TEST_ENV });
  operatorToken = (await signedInOperator(app)).token;
});
afterAll(() => app.close());

const redeem = (body: unknown) => postPublic(app, '/api/setup/redeem', body);
/** A new merchant made by the operator, and the token of its owner's link. */
async function newMerchant(name: string) {
  const res = await app.request('/api/operator/merchants', { token: operatorToken, body: { name, industry: '餐饮' } });
  return { id: res.body.merchant.id as string, token: tokenOf(res.body.setupLink.url) };
}
const owners = async (merchantId: string) =>
  (await app.container.repositories.staff.list(asMerchantId(merchantId))).filter((s) => s.role === 'owner');

describe('redeeming a setup link', () => {
  it("signs the owner in as the new merchant's owner, created now with the name they give", async () => {
    const shop = await newMerchant('小王烧烤');
    const res = await redeem({ token: shop.token, name: '王老板' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      session: {
        token: expect.any(String),
        expiresAt: expect.any(String),
        staff: { id: expect.any(String), name: '王老板', role: 'owner', merchantId: shop.id },
      },
      merchant: { name: '小王烧烤', industry: '餐饮' },
    });
    // the session is an ordinary owner's session of that merchant
    const me = await app.request('/api/auth/me', { token: res.body.session.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ name: '王老板', role: 'owner' });
    const merchant = await app.request('/api/merchant', { token: res.body.session.token });
    expect(merchant.body).toMatchObject({ id: shop.id, name: '小王烧烤' });
    expect(await owners(shop.id)).toHaveLength(1);
    // and it is no operator's
    expect((await app.request('/api/operator/merchants', { token: res.body.session.token })).status).toBe(401);
  });

  it('calls the owner 老板 until they say otherwise', async () => {
    const shop = await newMerchant('无名小店');
    const res = await redeem({ token: shop.token });
    expect(res.body.session.staff.name).toBe('老板');
  });

  it('works once: the second opening is told the link was used, and no second owner appears', async () => {
    const shop = await newMerchant('一次性小馆');
    expect((await redeem({ token: shop.token })).status).toBe(200);
    const again = await redeem({ token: shop.token });
    expect(again.status).toBe(410);
    expect(again.body).toEqual({ error: 'gone', message: '这个开通链接已经用过了，请联系服务商重新发送' });
    expect(await owners(shop.id)).toHaveLength(1);
  });

  it('lets only one of two simultaneous openings through', async () => {
    const shop = await newMerchant('抢着开的店');
    const results = await Promise.all([redeem({ token: shop.token }), redeem({ token: shop.token })]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 410]);
    expect(await owners(shop.id)).toHaveLength(1);
  });

  it('refuses an expired link with its own message', async () => {
    const shop = await newMerchant('过期小店');
    const longAgo = new Date(Date.now() - 73 * 3_600_000);
    const { token } = await app.container.operator.setupLinks.issue(
      asMerchantId(shop.id),
      { kind: 'cli', id: 'test' },
      72,
      longAgo,
    );
    const res = await redeem({ token });
    expect(res.status).toBe(410);
    expect(res.body).toEqual({ error: 'gone', message: '这个开通链接已过期，请联系服务商重新发送' });
    expect(await owners(shop.id)).toHaveLength(0);
  });

  it('refuses a revoked link with its own message', async () => {
    const shop = await newMerchant('收回链接的店');
    await app.request(`/api/operator/merchants/${shop.id}/setup-link`, { token: operatorToken, method: 'DELETE' });
    const res = await redeem({ token: shop.token });
    expect(res.status).toBe(410);
    expect(res.body.error).toBe('gone');
    expect(res.body.message).toBe('这个开通链接已作废（服务商已发了新的链接或收回了它），请使用最新的链接或联系服务商');
    expect(await owners(shop.id)).toHaveLength(0);
  });

  it('answers a malformed token with 400, and an unknown one with 404, naming no shop', async () => {
    for (const body of [{}, { token: 'short' }, { token: 'x'.repeat(42) + '!' }, { token: 42 }]) {
      const res = await redeem(body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error).toBe('validation_failed');
    }
    const extra = await redeem({ token: 'A'.repeat(43), merchantId: '64b0000000000000000000aa' });
    expect(extra.status).toBe(400);
    const unknown = await redeem({ token: 'A'.repeat(43) });
    expect(unknown.status).toBe(404);
    expect(unknown.body).toEqual({
      error: 'not_found',
      message: '这个开通链接无效，请检查链接是否完整，或联系服务商重新发送',
    });
  });

  it("gives a merchant's link only that merchant, and tells nothing of another merchant's", async () => {
    const mine = await newMerchant('甲店');
    const theirs = await newMerchant('乙店');
    await redeem({ token: theirs.token });
    // their used link: refused without their name, id or owner
    const refused = await redeem({ token: theirs.token });
    expect(JSON.stringify(refused.body)).not.toMatch(new RegExp(`乙店|${theirs.id}`));
    const signedIn = await redeem({ token: mine.token });
    expect(signedIn.body.session.staff.merchantId).toBe(mine.id);
    expect(JSON.stringify(signedIn.body)).not.toMatch(new RegExp(`乙店|${theirs.id}`));
    // my owner's session sees my shop only
    const team = await app.request('/api/staff', { token: signedIn.body.session.token });
    expect(team.body.items.map((s: { id: string }) => s.id)).toEqual([signedIn.body.session.staff.id]);
  });

  it('signs in the existing owner of a merchant that has one, without creating another', async () => {
    const tenant = await buildTenant(app.container);
    const link = await app.request(`/api/operator/merchants/${tenant.merchantId}/setup-link`, {
      token: operatorToken,
      body: {},
    });
    const res = await redeem({ token: tokenOf(link.body.url), name: '新名字' });
    expect(res.status).toBe(200);
    expect(res.body.session.staff).toMatchObject({
      id: String(tenant.people.owner._id),
      name: tenant.people.owner.name,
    });
    expect(await owners(tenant.merchantId)).toHaveLength(1);
  });
});
