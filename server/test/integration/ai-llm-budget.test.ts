// LLM cost that cannot be overrun: the daily token budget is reserved before a call and settled after it, staff and
// customers are rate-limited on the suggestion endpoint and the bot, and the bot takes its 微信客服 reply slot before
// it runs any engine. All against the OpenAI-compatible stand-in, which counts the calls and the tokens it bills.
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { llmDay } from '../../src/modules/ai/token-budget.js';
import { BOT_LIMIT, LLM_MAX_OUTPUT_TOKENS, SUGGESTION_LIMITS } from '../../src/modules/ai/ai-limits.js';
import type { WecomCredentials } from '../../src/modules/wecom/wecom-app.repository.js';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { buildCustomer, buildStaff, buildTenant } from '../support/factories.js';
import { awayFromWindowEdge } from '../support/rate-window.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let creds: WecomCredentials;
let openKfId: string;
const llm = new LlmStandIn();
const c = () => w.app.container;

const LLM_ANSWER = '杨枝甘露中杯18元哦～';
const OFFLINE_ANSWER = '杨枝甘露中杯18元，大杯加3元。';
/** A well-behaved model: the price and the product id it read in the prompt. */
const answerWithPrice = (req: { messages: { role: string; content: string }[] }) => {
  const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1] ?? 'missing';
  return {
    content: JSON.stringify({
      reply: LLM_ANSWER,
      confidence: 0.9,
      needsHuman: false,
      reason: 'menu',
      citedIds: [id],
      proposedTags: [],
    }),
  };
};

type Tenant = Awaited<ReturnType<typeof buildTenant>>;
const setLlm = (t: Tenant, dailyTokenBudget: number) =>
  w.app.request('/api/ai/llm-settings', {
    method: 'PUT',
    token: t.tokens.owner,
    body: { baseUrl: llm.url, model: 'deepseek-chat', apiKey: 'sk-test-1234567890', dailyTokenBudget },
  });
const tokensToday = async (t: Tenant) =>
  (await w.app.request('/api/ai/llm-settings', { token: t.tokens.owner })).body.tokensToday as number;

/** A merchant with the milk-tea menu, an LLM with this budget, four staff members and four customers. */
async function llmTenant(budget: number) {
  const t = await buildTenant(c());
  await c().repositories.products.insertMany(t.merchantId, MILK_TEA_MENU);
  await c().knowledge.base.changed(t.merchantId);
  expect((await setLlm(t, budget)).status).toBe(200);
  const extra = await buildStaff(c(), t.merchantId, 'staff');
  const staff = [t.tokens.staff, t.tokens.manager, t.tokens.owner, (await c().services.auth.issueFor(extra)).token];
  const customers: string[] = [];
  for (let i = 0; i < 4; i++) customers.push(String((await buildCustomer(c(), t.merchantId))._id));
  return { ...t, staff, customers };
}

const ask = (token: string, customerId: string, question?: string) =>
  w.app.request('/api/ai/suggestions', { token, body: { customerId, ...(question ? { question } : {}) } });
const answerDraft = (res: { body: { drafts: { kind: string; text: string }[] } }) =>
  res.body.drafts.find((d) => d.kind === 'answer')?.text;

beforeAll(async () => {
  await llm.start();
  w = await startWecomTestApp({ autoReply: 'always', env: { LLM_TIMEOUT_MS: '1000' } });
  openKfId = w.credentials.kfAccounts[0]!.openKfId;
  creds = (await c().wecom.apps.findByMerchant(w.tenant.merchantId))!;
  await c().repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  await c().knowledge.base.changed(w.tenant.merchantId);
  expect((await setLlm(w.tenant, 1_000_000)).status).toBe(200);
});
afterAll(async () => {
  await w.close();
  await llm.stop();
});
beforeEach(() => {
  llm.latencyMs = 0;
  llm.queue = [];
  llm.fallback = answerWithPrice;
  w.standin.state.clockOffsetMs = 0;
});

describe('the daily token budget', () => {
  /** 40 suggestion requests at once, spread over 4 staff and 4 customers (within the rate limits). */
  async function fortyAtOnce(t: Awaited<ReturnType<typeof llmTenant>>) {
    await awayFromWindowEdge(SUGGESTION_LIMITS.perStaff.windowMs, 5_000);
    const [calls, billed] = [llm.seen.length, llm.tokensBilled];
    llm.latencyMs = 100; // the calls overlap, as they would against a real model
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, i) => ask(t.staff[i % 4]!, t.customers[Math.floor(i / 10)]!, '杨枝甘露多少钱')),
    );
    return { responses, calls: llm.seen.length - calls, billed: llm.tokensBilled - billed };
  }

  it('40 concurrent suggestion requests never spend more than the budget; the rest are answered offline', async () => {
    const t = await llmTenant(10_000);
    const { responses, calls, billed } = await fortyAtOnce(t);
    expect(responses.map((r) => r.status)).toEqual(Array(40).fill(200));
    expect(billed).toBeLessThanOrEqual(10_000);
    expect(calls).toBeLessThan(40);
    const answers = responses.map(answerDraft);
    const byLlm = answers.filter((a) => a === LLM_ANSWER).length;
    expect(byLlm).toBeGreaterThan(0);
    expect(answers.filter((a) => a === OFFLINE_ANSWER)).toHaveLength(40 - byLlm);
    // the usage record is what the provider billed, plus our estimate for any call that timed out on a busy machine
    expect(await tokensToday(t)).toBeGreaterThanOrEqual(billed);
    expect(await tokensToday(t)).toBeLessThanOrEqual(10_000);
  });

  it('a budget smaller than one call makes no call at all', async () => {
    const t = await llmTenant(1_000);
    const { responses, calls, billed } = await fortyAtOnce(t);
    expect(calls).toBe(0);
    expect(billed).toBe(0);
    expect(responses.map(answerDraft)).toEqual(Array(40).fill(OFFLINE_ANSWER));
  });

  it('keeps each merchant’s budget apart', async () => {
    const [a, b] = [await llmTenant(6_000), await llmTenant(6_000)];
    let aCalls = 0;
    for (let i = 0; i < 12; i++)
      if (answerDraft(await ask(a.staff[i % 4]!, a.customers[i % 4]!, '杨枝甘露多少钱')) === LLM_ANSWER) aCalls++;
    expect(aCalls).toBeGreaterThan(0);
    expect(aCalls).toBeLessThan(12); // a has spent its day
    expect(answerDraft(await ask(a.staff[0]!, a.customers[0]!, '杨枝甘露多少钱'))).toBe(OFFLINE_ANSWER);
    const [calls, billed] = [llm.seen.length, llm.tokensBilled];
    expect(answerDraft(await ask(b.staff[0]!, b.customers[0]!, '杨枝甘露多少钱'))).toBe(LLM_ANSWER); // b has not
    expect(llm.seen.length).toBe(calls + 1);
    expect(await tokensToday(a)).toBeLessThanOrEqual(6_000);
    expect(await tokensToday(b)).toBe(llm.tokensBilled - billed);
  });

  it('a timed-out call charges what the model read, not its whole reservation: the rest goes back to the budget', async () => {
    const t = await llmTenant(50_000);
    llm.latencyMs = 2_500; // beyond LLM_TIMEOUT_MS
    const calls = llm.seen.length;
    expect(answerDraft(await ask(t.staff[0]!, t.customers[0]!, '杨枝甘露多少钱'))).toBe(OFFLINE_ANSWER);
    expect(llm.seen.length).toBeGreaterThan(calls);
    const promptEstimate = await tokensToday(t); // the prompt may have been read (and billed): charged as estimated
    expect(promptEstimate).toBeGreaterThan(0);
    // Room for exactly one more identical call: only there if the timed-out call's output reservation came back.
    llm.latencyMs = 0;
    expect((await setLlm(t, promptEstimate + promptEstimate + LLM_MAX_OUTPUT_TOKENS.answer)).status).toBe(200);
    expect(answerDraft(await ask(t.staff[0]!, t.customers[0]!, '杨枝甘露多少钱'))).toBe(LLM_ANSWER);
    expect(answerDraft(await ask(t.staff[0]!, t.customers[0]!, '杨枝甘露多少钱'))).toBe(OFFLINE_ANSWER); // and then it is spent
  });

  it('a provider that refuses the call (HTTP error) costs nothing', async () => {
    const t = await llmTenant(50_000);
    llm.queue = [
      { content: '', status: 429 },
      { content: '', status: 429 },
    ];
    expect(answerDraft(await ask(t.staff[0]!, t.customers[0]!, '杨枝甘露多少钱'))).toBe(OFFLINE_ANSWER);
    expect(await tokensToday(t)).toBe(0);
  });

  it('seeds the budget from the usage record when Redis lost it, so a restart does not hand out a new day', async () => {
    const t = await llmTenant(5_000);
    expect(answerDraft(await ask(t.staff[0]!, t.customers[0]!, '杨枝甘露多少钱'))).toBe(LLM_ANSWER);
    const keys = await c().redis.keys(`xe:m:${t.merchantId}:llm:*`);
    expect(keys.length).toBeGreaterThan(0);
    await c().redis.del(...keys); // as after a Redis restart without persistence
    const day = llmDay(new Date());
    const settled = (await c().ai.llmUsage.forDay(t.merchantId, day))?.totalTokens ?? 0;
    await c().ai.llmUsage.add(t.merchantId, day, { totalTokens: 4_900 - settled }); // the bill says 4,900 spent
    const calls = llm.seen.length;
    expect(answerDraft(await ask(t.staff[1]!, t.customers[1]!, '杨枝甘露多少钱'))).toBe(OFFLINE_ANSWER);
    expect(llm.seen.length).toBe(calls);
  });

  it('fails closed when Redis cannot be reached: no LLM call, the offline engine answers', async () => {
    const { TokenBudget } = await import('../../src/modules/ai/token-budget.js');
    const { Redis } = await import('ioredis');
    const dead = new Redis('redis://127.0.0.1:1', {
      maxRetriesPerRequest: 0,
      enableOfflineQueue: false,
      lazyConnect: true,
      retryStrategy: () => null,
    });
    dead.on('error', () => {});
    const budget = new TokenBudget(dead, c().ai.llmUsage, c().logger);
    await expect(budget.reserve(w.tenant.merchantId, 1_000_000, 100)).resolves.toBeNull();
    dead.disconnect();
  });
});

describe('rate limits on the suggestion endpoint', () => {
  it('a staff member asking too fast gets a 429 with a Chinese message', async () => {
    const t = await llmTenant(1_000_000);
    await awayFromWindowEdge(SUGGESTION_LIMITS.perStaff.windowMs, 10_000);
    const { limit } = SUGGESTION_LIMITS.perStaff;
    for (let i = 0; i < limit; i++) expect((await ask(t.staff[0]!, t.customers[i % 4]!)).status).toBe(200);
    const refused = await ask(t.staff[0]!, t.customers[0]!, '杨枝甘露多少钱');
    expect(refused.status).toBe(429);
    expect(refused.body).toMatchObject({ error: 'rate_limited', message: expect.stringMatching(/太频繁/) });
    const stream = await fetch(`${w.app.url}/api/ai/suggestions/stream?customerId=${t.customers[0]}`, {
      headers: { authorization: `Bearer ${t.staff[0]}` },
    });
    expect(stream.status).toBe(429);
    expect((await ask(t.staff[1]!, t.customers[3]!)).status).toBe(200); // a colleague is not held up
  });

  it('one customer asked about too often gets a 429 whoever asks', async () => {
    const t = await llmTenant(1_000_000);
    await awayFromWindowEdge(SUGGESTION_LIMITS.perCustomer.windowMs, 10_000);
    const { limit } = SUGGESTION_LIMITS.perCustomer;
    const calls = llm.seen.length;
    for (let i = 0; i < limit; i++)
      expect((await ask(t.staff[i % 2]!, t.customers[0]!, '杨枝甘露多少钱')).status).toBe(200);
    expect(llm.seen.length).toBe(calls + limit);
    const refused = await ask(t.staff[2]!, t.customers[0]!, '杨枝甘露多少钱');
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/这位客户/);
    expect(llm.seen.length).toBe(calls + limit);
    expect((await ask(t.staff[2]!, t.customers[1]!)).status).toBe(200);
  });
});

describe('the bot takes its reply slot before it runs an engine', () => {
  const to = (externalUserId: string) => ({ openKfId, externalUserId });
  /** The customer's message synced and queued, not yet answered. */
  async function writesUnanswered(externalUserId: string, text: string) {
    await w.standin.customers.writesToKf(openKfId, externalUserId, text);
    await c().kf.sync(creds, openKfId);
  }
  const decision = (externalUserId: string) => c().ai.decisions.latestFor(w.tenant.merchantId, externalUserId);

  it('makes no LLM call when the 5 replies since the customer’s message are used up', async () => {
    await writesUnanswered('wmBudgetGone', '杨枝甘露多少钱');
    for (let i = 0; i < 5; i++)
      expect((await c().kf.sendText(creds, to('wmBudgetGone'), `第${i + 1}条`)).status).toBe('sent');
    const calls = llm.seen.length;
    await w.drain();
    expect(llm.seen.length).toBe(calls);
    expect(await decision('wmBudgetGone')).toMatchObject({
      action: 'skipped',
      reason: 'cannot reply: budget_exhausted',
    });
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmBudgetGone')).toHaveLength(5);
  });

  it('makes no LLM call when the 48-hour window has closed', async () => {
    w.standin.state.clockOffsetMs = -49 * 3600_000; // the message was written 49 hours ago
    await w.standin.customers.writesToKf(openKfId, 'wmWindowShut', '杨枝甘露多少钱');
    w.standin.state.clockOffsetMs = 0;
    const calls = llm.seen.length;
    await w.drain();
    expect(llm.seen.length).toBe(calls);
    expect(await decision('wmWindowShut')).toMatchObject({ action: 'skipped', reason: 'cannot reply: window_expired' });
  });

  it('makes no LLM call while a person serves the customer', async () => {
    await writesUnanswered('wmHumanHas', '杨枝甘露多少钱');
    await c().kfRepository.setState(
      w.tenant.merchantId,
      openKfId,
      'wmHumanHas',
      'human',
      w.tenant.people.manager.wecomUserId,
    );
    const calls = llm.seen.length;
    await w.drain();
    expect(llm.seen.length).toBe(calls);
    expect(await decision('wmHumanHas')).toMatchObject({ action: 'skipped', reason: 'a person is serving' });
  });

  it('gives the slot back when WeCom refuses the reply, so the customer can still be answered', async () => {
    await writesUnanswered('wmSlotBack', '杨枝甘露多少钱');
    for (let i = 0; i < 4; i++) await c().kf.sendText(creds, to('wmSlotBack'), `第${i + 1}条`);
    w.standin.state.injectError('/cgi-bin/kf/send_msg', 45033, 3); // busy, past the client's retries
    await w.drain();
    expect(await decision('wmSlotBack')).toMatchObject({ action: 'sent', reason: 'not sent: wecom:45033' });
    const session = await c().kfRepository.session(w.tenant.merchantId as MerchantId, openKfId, 'wmSlotBack');
    expect(session?.sentSinceCustomerMessage).toBe(4);
    expect((await c().kf.sendText(creds, to('wmSlotBack'), '第5条')).status).toBe('sent');
    expect((await c().kf.sendText(creds, to('wmSlotBack'), '第6条')).status).toBe('not_attempted');
  });

  it('answers a flooding customer with the engine at most N times per window, then once politely, then not at all', async () => {
    await awayFromWindowEdge(BOT_LIMIT.perCustomer.windowMs, 10_000);
    const { limit } = BOT_LIMIT.perCustomer;
    const calls = llm.seen.length;
    for (let i = 0; i < limit + 3; i++) await w.kfCustomerWrites('wmFlood', `杨枝甘露多少钱${'？'.repeat(i % 3)}`);
    expect(llm.seen.length - calls).toBe(limit);
    const received = w.standin.state.kfSent
      .filter((m) => m.touser === 'wmFlood')
      .map((m) => (m.content as { content: string }).content);
    expect(received.slice(0, limit)).toEqual(Array(limit).fill(LLM_ANSWER));
    expect(received.slice(limit)).toHaveLength(1); // one polite message, then silence
    expect(received[limit]).toMatch(/店员/);
    const conversation = await c().kfRepository.conversation(w.tenant.merchantId, 'wmFlood', 1000);
    expect(conversation.filter((m) => m.direction === 'in')).toHaveLength(limit + 3); // every message is kept for staff
    const decisions = await c().ai.decisions.forCustomer(w.tenant.merchantId, 'wmFlood');
    expect(decisions).toHaveLength(limit + 3);
    expect(decisions.filter((d) => d.reason === 'flood')).toHaveLength(1);
  });
});
