// The operator creates merchants (each with a one-time link for its owner), lists them with their setup progress and
// today's health read from the product's own records, re-issues and revokes links, and every step is in the
// merchant's audit list — with no token, hash or password ever sent back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewAiDecision } from '../../src/modules/ai/ai-decision.repository.js';
import { llmDay } from '../../src/modules/ai/token-budget.js';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { buildTenant } from '../support/factories.js';
import { OPERATOR_TEST_ENV, postPublic, signedInOperator, tokenOf } from '../support/operator.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let token: string;
let operatorId: string;
beforeAll(async () => {
  // no worker: the inbox events this test stores stay as it leaves them
  app = await startTestApp({ role: 'api', env: OPERATOR_TEST_ENV });
  const signedIn = await signedInOperator(app);
  token = signedIn.token;
  operatorId = signedIn.operator.id;
});
afterAll(() => app.close());

const create = (body: unknown, headers?: Record<string, string>) =>
  app.request('/api/operator/merchants', { token, body, headers });
const redeem = (setupToken: string) => postPublic(app, '/api/setup/redeem', { token: setupToken });

describe('creating a merchant', () => {
  it('returns the merchant and a setup link built from the configured public URL, whatever the Host header says', async () => {
    const res = await create(
      { name: '  街角花店 ', industry: '零售' },
      { host: 'evil.example', 'x-forwarded-host': 'evil.example' },
    );
    expect(res.status).toBe(201);
    expect(res.body.merchant).toEqual({
      id: expect.stringMatching(/^[0-9a-f]{24}$/),
      name: '街角花店',
      industry: '零售',
      createdAt: expect.any(String),
      setup: {
        link: { status: 'open', expiresAt: res.body.setupLink.expiresAt },
        ownerJoined: false,
        wecomConnected: false,
        staffCount: 0,
      },
      health: { lastCallbackAt: null, botAnswersToday: 0, handoffsToday: 0, llmTokensToday: 0, failedInboxEvents: 0 },
    });
    expect(res.body.setupLink.url).toMatch(
      /^https:\/\/xiaoer\.example\.com\/console\/#\/pages\/setup\/index\?token=[A-Za-z0-9_-]{43}$/,
    );
    // 72 hours unless said
    const hours = (Date.parse(res.body.setupLink.expiresAt) - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(71.9);
    expect(hours).toBeLessThanOrEqual(72);
    // a new shop waits in setup: its bot answers no customer before 开始营业
    expect(await app.container.goLive.service.launch(asMerchantId(res.body.merchant.id))).toMatchObject({
      status: 'setup',
    });
  });

  it('takes a shorter or longer life for the link, within a week', async () => {
    const res = await create({ name: '快剪理发', industry: '本地服务', linkHours: 24 });
    expect(res.status).toBe(201);
    expect((Date.parse(res.body.setupLink.expiresAt) - Date.now()) / 3_600_000).toBeCloseTo(24, 1);
    const tooLong = await create({ name: '快剪理发', industry: '本地服务', linkHours: 169 });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.fields.linkHours).toBe('有效期最长 7 天（168 小时）');
  });

  it('answers malformed input with 400 and a Chinese message per field, creating nothing', async () => {
    const before = (await app.request('/api/operator/merchants', { token })).body.items.length;
    const badIndustry = await create({ name: '某店', industry: '金融' });
    expect(badIndustry.status).toBe(400);
    expect(badIndustry.body.fields.industry).toBe('行业只能是：餐饮、零售、电商、本地服务、教育培训');
    const noName = await create({ name: '   ', industry: '餐饮' });
    expect(noName.body.fields.name).toBe('请填写商户名称');
    const longName = await create({ name: '店'.repeat(51), industry: '餐饮' });
    expect(longName.body.fields.name).toBe('商户名称最多 50 个字');
    const extra = await create({ name: '某店', industry: '餐饮', demo: true });
    expect(extra.status).toBe(400);
    expect(extra.body.fields._).toContain('demo');
    expect((await app.request('/api/operator/merchants', { token })).body.items).toHaveLength(before);
  });
});

describe('the merchant list', () => {
  it("shows each merchant's setup progress and today's health from the product's own records", async () => {
    const tenant = await buildTenant(app.container); // an owner, a manager and a staff member
    const { merchantId } = tenant;
    const c = app.container;
    const now = new Date();
    const decide = (action: NewAiDecision['action'], at: Date, channel: NewAiDecision['channel'] = 'kf') =>
      c.ai.decisions.record(merchantId, {
        ...{ channel, externalUserId: 'wm_1', question: '几点关门', engine: 'offline', intent: 'hours' },
        ...{ citedIds: [], violations: [], action, reason: 'test', at },
      });
    await decide('sent', now);
    await decide('sent', now);
    await decide('handoff', now);
    // the sidebar's drafts and yesterday's answers are not today's bot answers
    await decide('sent', now, 'sidebar');
    await decide('sent', new Date(now.getTime() - 36 * 3_600_000));
    await c.ai.llmUsage.add(merchantId, llmDay(now), { calls: 2, totalTokens: 1234 });
    // two callbacks stored; one of them failed for good
    const received = new Date(now.getTime() - 5 * 60_000);
    const event = (n: number) => ({
      corpId: 'ww1',
      dedupeKey: `k${n}`,
      kind: 'change_external_contact/add_external_contact',
      orderingKey: `c${n}`,
      priority: 1,
      payload: {},
    });
    await c.wecom.inbox.insert(merchantId, event(1), new Date(received.getTime() - 60_000));
    await c.wecom.inbox.insert(merchantId, event(2), received);
    const claimed = await c.wecom.inbox.claimNext('operator-test', 10_000);
    await c.wecom.inbox.giveUp(claimed!, 'operator-test', 'boom');

    const res = await app.request('/api/operator/merchants', { token });
    expect(res.status).toBe(200);
    const listed = res.body.items.find((m: { id: string }) => m.id === merchantId);
    expect(listed.setup).toEqual({ link: { status: 'none' }, ownerJoined: true, wecomConnected: false, staffCount: 3 });
    expect(listed.health).toEqual({
      lastCallbackAt: received.toISOString(),
      botAnswersToday: 2,
      handoffsToday: 1,
      llmTokensToday: 1234,
      failedInboxEvents: 1,
    });
    // newest first
    expect(res.body.items[0].id).toBe(merchantId);
  });

  it('tells an open, a used, an expired and a revoked link apart', async () => {
    const status = async (id: string) =>
      (await app.request('/api/operator/merchants', { token })).body.items.find((m: { id: string }) => m.id === id)
        .setup.link;
    const used = await create({ name: '用过链接的店', industry: '餐饮' });
    await redeem(tokenOf(used.body.setupLink.url));
    expect(await status(used.body.merchant.id)).toEqual({
      status: 'used',
      expiresAt: used.body.setupLink.expiresAt,
      usedAt: expect.any(String),
    });
    const expired = await create({ name: '链接过期的店', industry: '餐饮' });
    const merchantId = asMerchantId(expired.body.merchant.id);
    await app.container.operator.setupLinks.issue(
      merchantId,
      { kind: 'cli', id: 'test' },
      1,
      new Date(Date.now() - 2 * 3_600_000),
    );
    expect((await status(merchantId)).status).toBe('expired');
    await app.request(`/api/operator/merchants/${merchantId}/setup-link`, { token, method: 'DELETE' });
    expect((await status(merchantId)).status).toBe('revoked');
  });

  it("answers another merchant's detail by id, and 404 / 400 for a missing or malformed id", async () => {
    const missing = await app.request('/api/operator/merchants/64b0000000000000000000aa', { token });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('没有找到这个商户');
    const malformed = await app.request('/api/operator/merchants/not-an-id', { token });
    expect(malformed.status).toBe(400);
    for (const method of ['POST', 'DELETE']) {
      const res = await app.request('/api/operator/merchants/64b0000000000000000000aa/setup-link', {
        token,
        method,
        ...(method === 'POST' && { body: {} }),
      });
      expect(res.status, method).toBe(404);
    }
  });
});

describe('re-issuing and revoking a link', () => {
  it('makes the old link stop working, the new one work, and records each step with who did it', async () => {
    const created = await create({ name: '补发链接的店', industry: '教育培训' });
    const id = created.body.merchant.id;
    const first = tokenOf(created.body.setupLink.url);
    const reissued = await app.request(`/api/operator/merchants/${id}/setup-link`, { token, body: {} });
    expect(reissued.status).toBe(201);
    const second = tokenOf(reissued.body.url);
    expect(second).not.toBe(first);

    const old = await redeem(first);
    expect(old.status).toBe(410);
    expect(old.body.message).toContain('已作废');
    const revoke = await app.request(`/api/operator/merchants/${id}/setup-link`, { token, method: 'DELETE' });
    expect(revoke.status).toBe(204);
    expect((await redeem(second)).status).toBe(410);
    // revoking with nothing open is fine
    expect((await app.request(`/api/operator/merchants/${id}/setup-link`, { token, method: 'DELETE' })).status).toBe(
      204,
    );
    const third = await app.request(`/api/operator/merchants/${id}/setup-link`, { token, body: { linkHours: 2 } });
    const redeemed = await redeem(tokenOf(third.body.url));
    expect(redeemed.status).toBe(200);

    const detail = await app.request(`/api/operator/merchants/${id}`, { token });
    expect(detail.status).toBe(200);
    const ownerId = redeemed.body.session.staff.id;
    const byOperator = { kind: 'operator', id: operatorId };
    expect(detail.body.audit.map((e: { action: string; actor: unknown }) => [e.action, e.actor]).reverse()).toEqual([
      ['merchant.created', byOperator],
      ['setup_link.issued', byOperator],
      ['setup_link.revoked', byOperator],
      ['setup_link.issued', byOperator],
      ['setup_link.revoked', byOperator],
      ['setup_link.issued', byOperator],
      ['owner.created', { kind: 'staff', id: ownerId }],
      ['setup_link.redeemed', { kind: 'staff', id: ownerId }],
    ]);
    // the redemption names the link it used, which is the one issued last
    const [redeemedEntry, , lastIssued] = detail.body.audit;
    expect(redeemedEntry.target).toBe(lastIssued.target);
    expect(detail.body.setup).toMatchObject({ link: { status: 'used' }, ownerJoined: true, staffCount: 1 });
    // nothing secret in what the operator sees
    const seen = JSON.stringify([detail.body, (await app.request('/api/operator/merchants', { token })).body]);
    for (const secret of [first, second, tokenOf(third.body.url)]) expect(seen).not.toContain(secret);
    expect(seen).not.toMatch(/tokenHash|passwordHash|scrypt/);
  });
});
