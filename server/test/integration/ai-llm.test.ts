// The LLM engine through the real `openai` SDK against the OpenAI-compatible stand-in, inside the 微信客服 bot.
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { DONT_KNOW } from '../../src/modules/ai/offline-engine.js';
import { buildCustomer } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const llm = new LlmStandIn();
let openKfId: string;

/** An answer the way a well-behaved model gives it: the price and the product id it read in the prompt. */
const answerWithPrice = (price: string) => (req: { messages: { role: string; content: string }[] }) => {
  const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1] ?? 'missing';
  return {
    content: JSON.stringify({
      reply: `杨枝甘露中杯${price}元哦～`,
      confidence: 0.9,
      needsHuman: false,
      reason: 'menu',
      citedIds: [id],
      proposedTags: [],
    }),
  };
};

beforeAll(async () => {
  await llm.start();
  w = await startWecomTestApp({ autoReply: 'always', env: { LLM_TIMEOUT_MS: '500' } });
  openKfId = w.credentials.kfAccounts[0]!.openKfId;
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
  const res = await w.app.request('/api/ai/llm-settings', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { baseUrl: llm.url, model: 'deepseek-chat', apiKey: 'sk-test-1234567890', dailyTokenBudget: 50_000 },
  });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({ configured: true, engine: 'llm', apiKey: 'sk-****7890', model: 'deepseek-chat' });
});
afterAll(async () => {
  await w.close();
  await llm.stop();
});
beforeEach(() => {
  llm.latencyMs = 0;
  llm.queue = [];
});

describe('LLM engine', () => {
  it('answers with a grounded reply, sending the shop knowledge and our key to the endpoint', async () => {
    llm.fallback = answerWithPrice('18');
    expect(await w.kfCustomerWrites('wmLlmOk', '杨枝甘露多少钱')).toEqual(['杨枝甘露中杯18元哦～']);
    const request = llm.seen.at(-1)!;
    expect(request.authorization).toBe('Bearer sk-test-1234567890');
    expect(request.model).toBe('deepseek-chat');
    expect(request.messages[0]!.content).toContain('杨枝甘露 鲜果茶 18元');
    expect(request.responseFormat).toMatchObject({ type: 'json_schema' });
    const decision = await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmLlmOk');
    expect(decision).toMatchObject({ engine: 'llm', action: 'sent' });
    expect(
      (await w.app.request('/api/ai/llm-settings', { token: w.tenant.tokens.owner })).body.tokensToday,
    ).toBeGreaterThan(0);
  });

  it('blocks a reply with a wrong price: the customer gets a safe answer and a person', async () => {
    llm.fallback = answerWithPrice('15');
    expect(await w.kfCustomerWrites('wmLlmWrong', '杨枝甘露多少钱')).toEqual([DONT_KNOW]);
    const decision = await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmLlmWrong');
    expect(decision).toMatchObject({ engine: 'llm', action: 'handoff', reason: 'guardrail: price_not_in_data' });
    expect(decision!.violations).toEqual([{ kind: 'price_not_in_data', detail: '15元' }]);
    expect(w.standin.state.kfSessions.get(`${openKfId}:wmLlmWrong`)?.state).toBe(3);
  });

  it('falls back to the offline engine when the LLM times out — never silence', async () => {
    llm.latencyMs = 2000;
    llm.fallback = answerWithPrice('18');
    expect(await w.kfCustomerWrites('wmLlmSlow', '杨枝甘露多少钱')).toEqual(['杨枝甘露中杯18元，大杯加3元。']);
    expect(await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmLlmSlow')).toMatchObject({
      engine: 'offline',
      action: 'sent',
    });
  });

  it('falls back when the model returns malformed output or an error', async () => {
    llm.queue = [{ content: 'not json at all' }];
    expect(await w.kfCustomerWrites('wmLlmBad', '芋泥波波奶茶多少钱')).toEqual(['芋泥波波奶茶中杯15元，大杯加3元。']);
    llm.queue = [
      { content: '', status: 500 },
      { content: '', status: 500 },
    ];
    expect(await w.kfCustomerWrites('wmLlmDown', '几点关门')).toEqual([DONT_KNOW]); // offline: no hours configured → handoff
  });

  it('stops calling the LLM when the daily token budget has no room for a call', async () => {
    // what is left of the day's budget (here all 1,000 tokens) is less than one call reserves
    const settings = {
      baseUrl: llm.url,
      model: 'deepseek-chat',
      apiKey: 'sk-test-1234567890',
      dailyTokenBudget: 1_000,
    };
    expect(
      (await w.app.request('/api/ai/llm-settings', { method: 'PUT', token: w.tenant.tokens.owner, body: settings }))
        .status,
    ).toBe(200);
    const calls = llm.seen.length;
    expect(await w.kfCustomerWrites('wmLlmBudget', '杨枝甘露多少钱')).toEqual(['杨枝甘露中杯18元，大杯加3元。']);
    expect(llm.seen.length).toBe(calls);
  });

  it('writes the sidebar’s answer draft with the LLM, still through the guardrails', async () => {
    const settings = {
      baseUrl: llm.url,
      model: 'deepseek-chat',
      apiKey: 'sk-test-1234567890',
      dailyTokenBudget: 50_000,
    };
    expect(
      (await w.app.request('/api/ai/llm-settings', { method: 'PUT', token: w.tenant.tokens.owner, body: settings }))
        .status,
    ).toBe(200);
    llm.fallback = answerWithPrice('18');
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '侧边栏顾客',
    });
    await w.drain();
    const customer = await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    );
    const calls = llm.seen.length;
    const ok = await w.app.request('/api/ai/suggestions', {
      token: w.tenant.tokens.staff,
      body: { customerId: String(customer!._id), question: '杨枝甘露多少钱' },
    });
    expect(ok.body.drafts[0].text).toBe('杨枝甘露中杯18元哦～');
    expect(llm.seen.length).toBe(calls + 1);
    llm.fallback = answerWithPrice('15');
    const blocked = await w.app.request('/api/ai/suggestions', {
      token: w.tenant.tokens.staff,
      body: { customerId: String(customer!._id), question: '杨枝甘露多少钱' },
    });
    expect(blocked.body.drafts.map((d: { text: string }) => d.text)).not.toContain('杨枝甘露中杯15元哦～');
  });

  it('streams the answer draft to the sidebar as the model writes it', async () => {
    llm.fallback = answerWithPrice('18');
    const customerId = String((await buildCustomer(w.app.container, w.tenant.merchantId, { name: '流式顾客' }))._id);
    const res = await fetch(
      `${w.app.url}/api/ai/suggestions/stream?customerId=${customerId}&question=${encodeURIComponent('杨枝甘露多少钱')}`,
      {
        headers: { authorization: `Bearer ${w.tenant.tokens.staff}` },
      },
    );
    const events = (await res.text())
      .trim()
      .split('\n\n')
      .map((e) => ({ event: e.split('\n')[0]!.slice(7), data: JSON.parse(e.split('\n')[1]!.slice(6)) }));
    expect(llm.seen.at(-1)!.stream).toBe(true);
    const partials = events.filter((e) => e.event === 'answer_text').map((e) => e.data.text as string);
    expect(partials.length).toBeGreaterThan(1); // the stand-in streams 8 characters a chunk: the text grows
    for (const [i, p] of partials.entries()) if (i) expect(p.startsWith(partials[i - 1]!)).toBe(true);
    const answer = events.find((e) => e.event === 'draft' && e.data.kind === 'answer');
    expect(answer?.data.text).toBe('杨枝甘露中杯18元哦～');
    expect(partials.at(-1)).toBe(answer?.data.text);
    expect(events.indexOf(answer!)).toBeGreaterThan(events.findIndex((e) => e.event === 'answer_text'));
    expect(events.at(-1)!.event).toBe('done');
  });

  it('gives up on a stream that stalls halfway within the LLM timeout, and drafts from the offline engine', async () => {
    llm.queue = [{ ...answerWithPrice('18')({ messages: [{ role: 'system', content: '' }] }), stallAfterChunks: 2 }];
    const customerId = String((await buildCustomer(w.app.container, w.tenant.merchantId, { name: '卡住的流' }))._id);
    const started = performance.now();
    const res = await fetch(
      `${w.app.url}/api/ai/suggestions/stream?customerId=${customerId}&question=${encodeURIComponent('杨枝甘露多少钱')}`,
      { headers: { authorization: `Bearer ${w.tenant.tokens.staff}` }, signal: AbortSignal.timeout(20_000) },
    );
    const text = await res.text();
    // LLM_TIMEOUT_MS is 500 here: the whole call, streamed body included, is bounded by it (not by the 10-minute
    // token reservation); a generous margin keeps a loaded CI machine from failing the test
    expect(performance.now() - started).toBeLessThan(5_000);
    expect(llm.seen.at(-1)!.stream).toBe(true);
    expect(text).toContain('event: done');
    expect(text).toContain('杨枝甘露'); // the offline engine's answer from the menu
  });

  it('only owners see and change the LLM settings', async () => {
    expect((await w.app.request('/api/ai/llm-settings', { token: w.tenant.tokens.manager })).status).toBe(403);
    const bad = await w.app.request('/api/ai/llm-settings', {
      method: 'PUT',
      token: w.tenant.tokens.owner,
      body: { baseUrl: 'not a url', model: 'x', apiKey: 'short' },
    });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields)).toEqual(expect.arrayContaining(['baseUrl', 'apiKey']));
  });
});

describe('proactive drafts in the shop’s voice', () => {
  const DAY = 86_400_000;
  const NOW = new Date(Date.now() - (Date.now() % DAY) + DAY + 2.5 * 3600_000); // tomorrow 10:30 in Shanghai
  const drafts = () => w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'dormant_winback' });
  /** A model that rewrites the template, citing the product it was given (with a price, when asked to). */
  const rewrite = (price?: string) => (req: { messages: { role: string; content: string }[] }) => {
    const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1];
    return {
      content: JSON.stringify({
        text: `阿强，好久没见到你啦！你爱喝的杨枝甘露${price ? `今天${price}元` : '还是老味道'}，路过就进来坐坐～`,
        citedIds: id ? [id] : [],
      }),
    };
  };

  beforeAll(async () => {
    for (const [name, ago] of [
      ['阿强', 40],
      ['阿珍', 41],
      ['阿亮', 42],
    ] as const) {
      const c = await buildCustomer(w.app.container, w.tenant.merchantId, { name, remark: name });
      await w.app.container.repositories.orders.insertMany(w.tenant.merchantId, [
        {
          externalId: `${name}-1`,
          customerId: c._id,
          channel: '堂食',
          status: 'completed',
          amount: 1800,
          items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 1800, specs: [] }],
          placedAt: new Date(NOW.getTime() - ago * DAY),
        },
      ]);
    }
    await w.app.container.knowledge.base.changed(w.tenant.merchantId);
  });

  it('uses the LLM’s rewrite when it passes the guardrails, and the grounded template when it does not', async () => {
    llm.queue = [rewrite()(await composeRequest()), rewrite('9')(await composeRequest()), { content: 'not json' }];
    const outcome = await w.app.container.outreach.scan.scanMerchant(w.tenant.merchantId, NOW);
    expect(outcome.dormant_winback).toMatchObject({ drafted: 3 });
    const made = await drafts();
    expect(made.filter((d) => d.writtenBy === 'llm').map((d) => d.text)).toEqual([
      '阿强，好久没见到你啦！你爱喝的杨枝甘露还是老味道，路过就进来坐坐～',
    ]);
    expect(made.filter((d) => d.writtenBy === 'template')).toHaveLength(2); // the invented price and the malformed answer
    expect(made.every((d) => !d.text.includes('9元'))).toBe(true);
    const asked = llm.seen.filter((r) => r.messages[0]!.content.includes('主动消息'));
    expect(asked).toHaveLength(3);
    expect(asked[0]!.messages[1]!.content).toContain('场景：沉睡客户唤醒');
    const listed = (await w.app.request('/api/outreach/drafts?status=pending', { token: w.tenant.tokens.owner })).body
      .items;
    expect(listed.map((d: { writtenBy: string }) => d.writtenBy).sort()).toEqual(['llm', 'template', 'template']);
  });
});

/** The compose prompt as the engine sends it, for building queued answers that cite the real product id. */
async function composeRequest() {
  const kb = await w.app.container.knowledge.base.get(w.tenant.merchantId);
  const product = kb.products.find((p) => p.name === '杨枝甘露')!;
  return { messages: [{ role: 'system', content: `[product:${product._id}] 杨枝甘露` }] };
}
