// The shop learns, end to end on the WeCom stand-in: customers ask on 微信客服 what the shop's data cannot answer →
// the bot hands over → the owner's list groups the questions by meaning → the owner adds an answer with one tap →
// the next customer, asking in other words, is answered. Also: a staff member's answer saved to the knowledge,
// another merchant's group (404), the roles, and 问问小二's preview with the shop data it used.
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_POLICIES } from '../../src/demo/milk-tea-knowledge.js';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { DONT_KNOW } from '../../src/modules/ai/offline-engine.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const llm = new LlmStandIn();
const POWER_BANK = '可以的，前台有充电宝免费借用，走之前还回来就好～';

beforeAll(async () => {
  await llm.start();
  // always on: the bot answers whatever the hour, so nothing here depends on the clock
  w = await startWecomTestApp({ autoReply: 'always', env: { LLM_TIMEOUT_MS: '500' } });
  const { merchantId } = w.tenant;
  await w.app.container.repositories.products.insertMany(merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.policies.insertMany(merchantId, DEMO_POLICIES);
});
afterAll(async () => {
  await w.close();
  await llm.stop();
});

const owner = () => w.tenant.tokens.owner;
const unanswered = async (token = owner()) => {
  const res = await w.app.request('/api/learning/questions', { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as {
    total: number;
    groups: { id: string; question: string; count: number; variants: string[]; examples: { customerName: string }[] }[];
  };
};

describe('an unanswered question becomes the next customer’s answer', () => {
  let groupId: string;

  it('keeps every handed-over question and groups the ones that mean the same', async () => {
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '借充电宝的林小姐',
    });
    await w.drain();
    expect(await w.kfCustomerWrites(externalUserId, '店里可以借充电宝吗')).toEqual([DONT_KNOW]);
    expect(await w.kfCustomerWrites('wmLearnB', '请问有充电宝借吗？')).toEqual([DONT_KNOW]);
    // a complaint is handed over too, but no FAQ answers it: it is not on the owner's list
    expect((await w.kfCustomerWrites('wmLearnC', '奶茶里喝出虫子了，要投诉'))[0]).not.toBe(DONT_KNOW);

    const list = await unanswered();
    expect(list.groups).toHaveLength(1);
    const [group] = list.groups;
    // the latest way of asking first (as often asked as the other)
    expect(group).toMatchObject({ count: 2, variants: ['请问有充电宝借吗？', '店里可以借充电宝吗'] });
    expect(group!.examples.map((e) => e.customerName)).toContain('借充电宝的林小姐');
    expect(JSON.stringify(list)).not.toContain('wmLearnB'); // customers by name, never their WeCom ids
    groupId = group!.id;
  });

  it('is the owner’s and managers’ list: staff may not read or answer it', async () => {
    expect((await w.app.request('/api/learning/questions', { token: w.tenant.tokens.staff })).status).toBe(403);
    const res = await w.app.request(`/api/learning/questions/${groupId}/answer`, {
      method: 'POST',
      token: w.tenant.tokens.staff,
      body: { answer: POWER_BANK },
    });
    expect(res.status).toBe(403);
  });

  it('another merchant can neither see the group nor answer it (404)', async () => {
    const other = await w.addMerchant('always');
    expect((await unanswered(other.tenant.tokens.owner)).groups).toEqual([]);
    const res = await w.app.request(`/api/learning/questions/${groupId}/answer`, {
      method: 'POST',
      token: other.tenant.tokens.owner,
      body: { answer: '别家的答案' },
    });
    expect(res.status).toBe(404);
    expect(
      (
        await w.app.request(`/api/learning/questions/${groupId}/dismiss`, {
          method: 'POST',
          token: other.tenant.tokens.owner,
        })
      ).status,
    ).toBe(404);
    expect((await w.app.container.knowledge.faqs.all(other.tenant.merchantId)).length).toBe(0);
  });

  it('refuses a malformed answer or id', async () => {
    const post = (path: string, body: unknown) => w.app.request(path, { method: 'POST', token: owner(), body });
    expect((await post(`/api/learning/questions/${groupId}/answer`, { answer: '' })).status).toBe(400);
    expect((await post(`/api/learning/questions/${groupId}/answer`, { answer: '长'.repeat(1001) })).status).toBe(400);
    expect((await post(`/api/learning/questions/${groupId}/answer`, { answer: 'x', merchantId: 'y' })).status).toBe(
      400,
    );
    expect((await post('/api/learning/questions/not-an-id/answer', { answer: 'x' })).status).toBe(400);
  });

  it('one tap adds the answer as an FAQ with the group’s ways of asking; the group leaves the list', async () => {
    const res = await w.app.request(`/api/learning/questions/${groupId}/answer`, {
      method: 'POST',
      token: owner(),
      body: { answer: POWER_BANK },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ resolved: 2 });
    const faqs = await w.app.request('/api/knowledge/faqs', { token: owner() });
    expect(faqs.body.items).toContainEqual({
      id: res.body.faqId,
      questions: ['请问有充电宝借吗？', '店里可以借充电宝吗'],
      answer: POWER_BANK,
    });
    // recorded in the knowledge history with who did it
    const history = await w.app.request('/api/knowledge/history', { token: owner() });
    expect(history.body.items[0]).toMatchObject({ entity: 'faq', action: 'create' });
    expect((await unanswered()).groups).toEqual([]);
    // a second tap (or a second owner) finds it answered
    const again = await w.app.request(`/api/learning/questions/${groupId}/answer`, {
      method: 'POST',
      token: owner(),
      body: { answer: POWER_BANK },
    });
    expect(again.status).toBe(404);
  });

  it('the next customer, asking in other words, is answered from it', async () => {
    expect(await w.kfCustomerWrites('wmLearnNext', '充电宝能借一下吗')).toEqual([POWER_BANK]);
    const decision = await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmLearnNext');
    expect(decision).toMatchObject({ action: 'sent' });
    expect(decision!.citedIds).toEqual([expect.stringMatching(/^faq:/)]);
  });

  it('"不用回答" takes a group off the list without an FAQ', async () => {
    await w.kfCustomerWrites('wmLearnOdd', '你们老板是哪里人');
    const [group] = (await unanswered()).groups;
    expect(group).toMatchObject({ question: '你们老板是哪里人', count: 1 });
    const res = await w.app.request(`/api/learning/questions/${group!.id}/dismiss`, { method: 'POST', token: owner() });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ resolved: 1 });
    expect((await unanswered()).groups).toEqual([]);
  });
});

describe('the owner’s morning summary', () => {
  it('carries the night’s unanswered questions grouped by meaning and opens the page to answer them', async () => {
    const shop = await w.addMerchant('always');
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(tomorrow);
    const at0830 = new Date(`${day}T08:30:00+08:00`);
    const asked = (question: string, minutesBefore: number, extra: { intent?: string; reason?: string } = {}) =>
      w.app.container.ai.decisions.record(shop.tenant.merchantId, {
        channel: 'kf',
        externalUserId: `wmNight${minutesBefore}`,
        question,
        engine: 'offline',
        intent: extra.intent ?? 'unknown',
        citedIds: [],
        violations: [],
        action: 'handoff',
        reason: extra.reason ?? 'no knowledge for intent unknown',
        at: new Date(at0830.getTime() - minutesBefore * 60_000),
      });
    await asked('可以刷医保卡吗', 300);
    await asked('医保卡能刷吗', 200);
    await asked('有儿童座椅吗', 100);
    await asked('太难喝了投诉', 90, { intent: 'complaint', reason: 'complaint' });
    const before = w.standin.state.appMessages.length;
    expect(await w.app.container.ai.morningSummary.runFor(shop.tenant.merchantId, at0830)).toBe(true);
    const card = w.standin.state.appMessages
      .slice(before)
      .find((m) => m.touser === shop.tenant.people.owner.wecomUserId);
    const text = JSON.stringify(card?.content);
    // two kinds: the complaint waits for staff (待跟进), not for an FAQ
    expect(text).toContain('小二没答上的问题（2 类）：「医保卡能刷吗」2 次、「有儿童座椅吗」 点开添加答案');
    expect(text).toContain('pages/learn/index');
  });
});

describe('a staff member’s answer saved to the knowledge', () => {
  const PARKING = '门口有两个免费车位，满了可以停旁边商场的地下车库～';

  it('becomes an FAQ (managers and owners), settles the questions it answers, and answers the next customer', async () => {
    await w.kfCustomerWrites('wmLearnPark', '门口能停车吗');
    expect((await unanswered()).groups.map((g) => g.question)).toEqual(['门口能停车吗']);
    const save = (token: string, body: unknown) =>
      w.app.request('/api/learning/staff-answers', { method: 'POST', token, body });
    expect((await save(w.tenant.tokens.staff, { question: '门口可以停车吗', answer: PARKING })).status).toBe(403);
    expect((await save(w.tenant.tokens.manager, { question: '', answer: PARKING })).status).toBe(400);
    const res = await save(w.tenant.tokens.manager, { question: '门口可以停车吗', answer: PARKING });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect(res.body).toMatchObject({ resolved: 1 });
    expect((await unanswered()).groups).toEqual([]);
    expect(await w.kfCustomerWrites('wmLearnPark2', '门口停车可以吗')).toEqual([PARKING]);
  });
});

describe('问问小二', () => {
  type Verdict = {
    action: string;
    reply: string;
    handoffReason?: string;
    cited: { kind: string; kindName: string; title: string; detail: string }[];
  };
  const ask = async (question: unknown, token = owner()) =>
    w.app.request('/api/learning/ask', { method: 'POST', token, body: { question } });

  it('shows the answer and the product it came from', async () => {
    const res = await ask('杨枝甘露多少钱');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const offline = res.body.offline as Verdict;
    expect(offline).toMatchObject({ action: 'answer', reply: expect.stringContaining('18元') });
    expect(offline.cited[0]).toMatchObject({ kind: 'product', kindName: '商品', title: '杨枝甘露' });
    expect(res.body.llm).toBeNull(); // no model configured
  });

  it('shows the FAQ the shop just learned, and a handover with its reason', async () => {
    const learned = (await ask('充电宝可以借吗')).body.offline as Verdict;
    expect(learned).toMatchObject({ action: 'answer', reply: POWER_BANK });
    expect(learned.cited[0]).toMatchObject({ kind: 'faq', kindName: '常见问答', detail: POWER_BANK });
    const unknown = (await ask('可以刷医保卡吗')).body.offline as Verdict;
    expect(unknown).toMatchObject({ action: 'handoff', reply: DONT_KNOW, handoffReason: '店铺资料里没有答案' });
    expect(unknown.cited).toEqual([]);
  });

  it('logs nothing as a customer’s decision and sends nothing', async () => {
    const sent = w.standin.state.kfSent.length;
    await ask('可以刷医保卡吗');
    expect(w.standin.state.kfSent.length).toBe(sent);
    expect((await unanswered()).groups).toEqual([]);
  });

  it('refuses an empty or oversized question', async () => {
    expect((await ask('')).status).toBe(400);
    expect((await ask('问'.repeat(201))).status).toBe(400);
    expect((await ask(42)).status).toBe(400);
  });

  it('with the shop’s own model: its answer too, and what the guardrails stopped', async () => {
    const saved = await w.app.request('/api/ai/llm-settings', {
      method: 'PUT',
      token: owner(),
      body: { baseUrl: llm.url, model: 'deepseek-chat', apiKey: 'sk-test-1234567890', dailyTokenBudget: 50_000 },
    });
    expect(saved.status).toBe(200);
    // a model that invents a price the menu does not have
    llm.fallback = (req: { messages: { role: string; content: string }[] }) => {
      const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1] ?? 'missing';
      const reply = '杨枝甘露今天特价9元哦～';
      return {
        content: JSON.stringify({ reply, confidence: 0.9, needsHuman: false, reason: 'menu', citedIds: [id] }),
      };
    };
    const res = await ask('杨枝甘露多少钱');
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.offline.action).toBe('answer');
    expect(res.body.llm).toMatchObject({
      engine: 'llm',
      engineName: 'AI 模型',
      action: 'handoff',
      reply: DONT_KNOW,
      handoffReason: '回答没通过核对，已拦截',
    });
    expect(res.body.llm.blocked[0]).toContain('价格');
    // a model that times out: said so, the offline answer stands
    llm.latencyMs = 2000;
    const slow = await ask('杨枝甘露多少钱');
    llm.latencyMs = 0;
    expect(slow.body).toMatchObject({ llm: null, llmError: expect.stringContaining('没有回答') });
  });
});
