// The owner's knowledge step: the industry template applied to a new shop through the real HTTP server and the WeCom
// stand-in — FAQ, policies, scripts, welcome texts and scenario defaults present; applying again duplicates nothing
// and keeps the owner's edits; a policy with a blank is not used by the bot until the owner fills it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DONT_KNOW } from '../../src/modules/ai/offline-engine.js';
import { INDUSTRY_KNOWLEDGE } from '../../src/modules/templates/templates.js';
import { buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const template = INDUSTRY_KNOWLEDGE['餐饮'];
const owner = () => w.tenant.tokens.owner;
const get = async (path: string, token = owner()) => {
  const res = await w.app.request(path, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const apply = (token = owner()) => w.app.request('/api/knowledge/template/apply', { method: 'POST', token, body: {} });

beforeAll(async () => {
  w = await startWecomTestApp({ autoReply: 'always' });
  // what the owner said in the business step: the template quotes it instead of leaving a blank
  await w.app.container.repositories.merchants.setFacts(w.tenant.merchantId, [
    { topic: 'payment', text: '微信、支付宝和现金' },
  ]);
});
afterAll(() => w.close());

describe('applying the industry template', () => {
  it('shows the merchant’s industry template before it is applied', async () => {
    const t = await get('/api/knowledge/template');
    expect(t).toMatchObject({
      industry: '餐饮',
      tone: { style: template.tone.style },
      counts: { faq: template.faqs.length, policy: template.policies.length, script: template.scripts.length },
    });
    expect(t.appliedAt).toBeUndefined();
    expect(t.scenarios).toContain('peak_hour');
  });

  it('is the owner’s: a manager and staff are refused', async () => {
    expect((await apply(w.tenant.tokens.manager)).status).toBe(403);
    expect((await apply(w.tenant.tokens.staff)).status).toBe(403);
    expect((await w.app.request('/api/knowledge/template', { token: w.tenant.tokens.staff })).status).toBe(403);
  });

  it('fills FAQ, policies, scripts, welcome texts and scenario defaults, each recorded with who did it', async () => {
    const res = await apply();
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      industry: '餐饮',
      created: {
        faq: template.faqs.length,
        policy: template.policies.length,
        script: template.scripts.length,
        welcome: template.welcomes.length,
      },
      kept: 0,
      scenarios: 'applied',
      welcomesWaitForWecom: false,
    });
    expect(res.body.needsOwner).toBeGreaterThan(0);

    const faqs = (await get('/api/knowledge/faqs')).items as { questions: string[]; answer: string }[];
    expect(faqs).toHaveLength(template.faqs.length);
    // the shop has no address yet: the FAQ waits for it instead of inventing one
    const address = faqs.find((f) => f.questions[0] === '店在哪里')!;
    expect(address.answer).toContain('【请填写：门店地址】');
    expect(address.answer).toContain(w.tenant.merchant.name);
    expect(faqs.find((f) => f.questions[0] === '支持哪些付款方式')!.answer).toBe(
      '支持的付款方式：微信、支付宝和现金。',
    );
    expect((await get('/api/knowledge/policies')).items).toHaveLength(template.policies.length);
    expect((await get('/api/knowledge/scripts')).items).toHaveLength(template.scripts.length);
    const welcomes = (await get('/api/knowledge/welcome-texts')).items as { channel: string; text: string }[];
    expect(welcomes.map((x) => x.channel).sort()).toEqual(template.welcomes.map((x) => x.channel).sort());

    const settings = await get('/api/outreach/settings');
    expect(settings.scenarios.peak_hour.enabled).toBe(true);
    expect(settings.scenarios.class_hours_low.enabled).toBe(false);
    const merchant = await w.app.container.repositories.merchants.findById(w.tenant.merchantId);
    expect(merchant!.outreach).toBeDefined();

    const history = (await get('/api/knowledge/history')).items as { action: string; staffId: string }[];
    expect(history.length).toBeGreaterThan(0);
    expect(history.every((h) => h.action === 'create' && h.staffId === String(w.tenant.people.owner._id))).toBe(true);
    const audit = await w.app.container.operator.audit.list(w.tenant.merchantId);
    expect(audit.find((a) => a.action === 'knowledge.template_applied')).toMatchObject({
      actor: { kind: 'staff', id: String(w.tenant.people.owner._id) },
      target: '餐饮',
    });
    expect((await get('/api/knowledge/template')).appliedAt).toEqual(expect.any(String));
  });

  it('applied again adds nothing, and keeps what the owner edited, deleted and set', async () => {
    const faqs = (await get('/api/knowledge/faqs')).items as { id: string; questions: string[] }[];
    const payment = faqs.find((f) => f.questions[0] === '支持哪些付款方式')!;
    const edited = { questions: payment.questions, answer: '微信、支付宝和现金都可以。' };
    expect(
      (await w.app.request(`/api/knowledge/faqs/${payment.id}`, { method: 'PUT', token: owner(), body: edited }))
        .status,
    ).toBe(200);
    const scripts = (await get('/api/knowledge/scripts')).items as { id: string; title: string }[];
    const removed = scripts.find((s) => s.title === '新品介绍')!;
    expect(
      (await w.app.request(`/api/knowledge/scripts/${removed.id}`, { method: 'DELETE', token: owner() })).status,
    ).toBe(204);
    const ownWelcome = { channel: 'table_card', text: '{客户称呼}您好，欢迎来到{店名}，扫码点单更方便～' };
    const welcomes = (await get('/api/knowledge/welcome-texts')).items as { channel: string; text: string }[];
    const saved = await w.app.request('/api/knowledge/welcome-texts', {
      method: 'PUT',
      token: owner(),
      body: { items: [...welcomes.filter((x) => x.channel !== 'table_card'), ownWelcome] },
    });
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    const settings = await get('/api/outreach/settings');
    settings.scenarios.peak_hour.enabled = false;
    expect(
      (await w.app.request('/api/outreach/settings', { method: 'PUT', token: owner(), body: settings })).status,
    ).toBe(200);

    const again = await apply();
    expect(again.status).toBe(200);
    expect(again.body.created).toEqual({ faq: 0, policy: 0, script: 0, welcome: 0 });
    expect(again.body.scenarios).toBe('kept');
    expect(again.body.kept).toBe(
      template.faqs.length + template.policies.length + template.scripts.length + template.welcomes.length,
    );
    const after = (await get('/api/knowledge/faqs')).items as { id: string; answer: string }[];
    expect(after).toHaveLength(template.faqs.length);
    expect(after.find((f) => f.id === payment.id)!.answer).toBe(edited.answer);
    const scriptsAfter = (await get('/api/knowledge/scripts')).items as { title: string }[];
    expect(scriptsAfter.map((s) => s.title)).not.toContain('新品介绍');
    expect(scriptsAfter).toHaveLength(template.scripts.length - 1);
    const welcomesAfter = (await get('/api/knowledge/welcome-texts')).items as { channel: string; text: string }[];
    expect(welcomesAfter.find((x) => x.channel === 'table_card')!.text).toBe(ownWelcome.text);
    expect(welcomesAfter).toHaveLength(template.welcomes.length);
    expect((await get('/api/outreach/settings')).scenarios.peak_hour.enabled).toBe(false);
  });

  it('gives each starter once when two applies run at the same time', async () => {
    const other = await w.addMerchant('always');
    const token = other.tenant.tokens.owner;
    const [a, b] = await Promise.all([apply(token), apply(token)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.created.faq + b.body.created.faq).toBe(template.faqs.length);
    const faqs = await w.app.request('/api/knowledge/faqs', { token });
    expect(faqs.body.items).toHaveLength(template.faqs.length);
  });

  it('waits with the welcome texts until WeCom is connected, then adds them on the next apply', async () => {
    const tenant = await buildTenant(w.app.container);
    await w.app.container.repositories.merchants.updateProfile(tenant.merchantId, {
      name: tenant.merchant.name,
      industry: '教育培训',
    });
    const first = await apply(tenant.tokens.owner);
    expect(first.body).toMatchObject({ industry: '教育培训', welcomesWaitForWecom: true, created: { welcome: 0 } });
    expect(first.body.created.faq).toBe(INDUSTRY_KNOWLEDGE['教育培训'].faqs.length);
    const save = await w.app.request('/api/knowledge/welcome-texts', {
      method: 'PUT',
      token: tenant.tokens.owner,
      body: { items: [{ channel: 'default', text: '您好' }] },
    });
    expect(save.status).toBe(404);
    expect(save.body.message).toBe('请先接入企业微信');
    await w.app.container.wecom.apps.save(tenant.merchantId, {
      corpId: `wwtpl${Date.now()}`,
      agentId: 1000002,
      secret: 's'.repeat(32),
      callbackToken: 'token',
      encodingAesKey: 'k'.repeat(43),
    });
    const second = await apply(tenant.tokens.owner);
    expect(second.body).toMatchObject({
      welcomesWaitForWecom: false,
      created: { faq: 0, policy: 0, script: 0, welcome: INDUSTRY_KNOWLEDGE['教育培训'].welcomes.length },
    });
  });

  it('refuses welcome texts with a blank or one channel twice, with the field’s message', async () => {
    const blank = await w.app.request('/api/knowledge/welcome-texts', {
      method: 'PUT',
      token: owner(),
      body: { items: [{ channel: 'default', text: '欢迎，【请填写：活动】' }] },
    });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('欢迎语里还有【请填写】的内容');
    const twice = await w.app.request('/api/knowledge/welcome-texts', {
      method: 'PUT',
      token: owner(),
      body: {
        items: [
          { channel: 'default', text: '你好' },
          { channel: 'default', text: '您好' },
        ],
      },
    });
    expect(twice.status).toBe(400);
    const unknown = await w.app.request('/api/knowledge/welcome-texts', {
      method: 'PUT',
      token: owner(),
      body: { items: [{ channel: 'billboard', text: '你好' }] },
    });
    expect(unknown.status).toBe(400);
  });
});

describe('a blank the owner has not filled', () => {
  it('keeps the policy out of the bot’s answers (a handoff) until it is filled, then the bot answers from it', async () => {
    const before = await w.kfCustomerWrites('wmTplRefund1', '可以退款吗');
    expect(before).toEqual([DONT_KNOW]);
    const decision = await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmTplRefund1');
    expect(decision).toMatchObject({ action: 'handoff' });

    const policies = (await get('/api/knowledge/policies')).items as {
      id: string;
      kind: string;
      title: string;
      content: string;
    }[];
    const refund = policies.find((p) => p.kind === 'refund')!;
    expect(refund.content).toContain('【请填写：');
    const filled = '菜品或饮品有问题：免费重做或退款；请在出餐后 30 分钟内联系店员。';
    const put = await w.app.request(`/api/knowledge/policies/${refund.id}`, {
      method: 'PUT',
      token: owner(),
      body: { kind: refund.kind, title: refund.title, content: filled },
    });
    expect(put.status).toBe(200);
    expect(await w.kfCustomerWrites('wmTplRefund2', '可以退款吗')).toEqual([filled]);
  });

  it('keeps a script from being sent until it is filled', async () => {
    const scripts = (await get('/api/knowledge/scripts')).items as { id: string; title: string; content: string }[];
    const promo = scripts.find((s) => s.content.includes('【请填写：'));
    expect(promo).toBeDefined();
    const refused = await w.app.request(`/api/knowledge/scripts/${promo!.id}/use`, {
      method: 'POST',
      token: w.tenant.tokens.staff,
      body: {},
    });
    expect(refused.status).toBe(409);
    const ready = scripts.find((s) => !s.content.includes('【请填写：'))!;
    const used = await w.app.request(`/api/knowledge/scripts/${ready.id}/use`, {
      method: 'POST',
      token: w.tenant.tokens.staff,
      body: {},
    });
    expect(used.status).toBe(200);
  });
});
