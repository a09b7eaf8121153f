// The after-hours bot end to end: a customer writes to 微信客服 on the WeCom stand-in; the callback, sync, engine,
// guardrails and kf/send_msg run for real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_FAQS, DEMO_POLICIES } from '../../src/demo/milk-tea-knowledge.js';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { OPT_OUT_CONFIRMATION } from '../../src/modules/ai/auto-reply.service.js';
import { DONT_KNOW } from '../../src/modules/ai/offline-engine.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let openKfId: string;
/** The owner saves a setting in the console: through its API route, as the product does. */
async function ownerSaves(path: string, body: unknown) {
  const res = await w.app.request(path, { method: 'PUT', token: w.tenant.tokens.owner, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
}

beforeAll(async () => {
  w = await startWecomTestApp({ autoReply: 'after_hours' });
  openKfId = w.credentials.kfAccounts[0]!.openKfId;
  const { merchantId } = w.tenant;
  await w.app.container.repositories.products.insertMany(merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.faqs.insertMany(merchantId, DEMO_FAQS);
  await w.app.container.knowledge.policies.insertMany(merchantId, DEMO_POLICIES);
});
afterAll(() => w.close());

/** Opening hours that make "now" closed (the default here) or open. */
async function shopIs(state: 'open' | 'closed') {
  const all = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '00:00' }));
  await ownerSaves('/api/merchant/business-hours', { businessHours: state === 'open' ? all : [], holidays: [] });
}

describe('after-hours auto-reply on 微信客服', () => {
  it('answers a price question from the menu with the right price', async () => {
    await shopIs('closed');
    expect(await w.kfCustomerWrites('wmAiPrice', '杨枝甘露多少钱？')).toEqual(['杨枝甘露中杯18元，大杯加3元。']);
    const decision = await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmAiPrice');
    expect(decision).toMatchObject({ action: 'sent', engine: 'offline', intent: 'price', violations: [] });
    expect(decision!.citedIds[0]).toMatch(/^product:/);
  });

  it('invents nothing about what the shop does not sell: says so, hands over and tells staff', async () => {
    const before = w.standin.state.appMessages.length;
    expect(await w.kfCustomerWrites('wmAiUnknown', '你们的榴莲千层多少钱')).toEqual([DONT_KNOW]);
    expect(w.standin.state.kfSessions.get(`${openKfId}:wmAiUnknown`)).toMatchObject({
      state: 3,
      servicerUserId: w.tenant.people.manager.wecomUserId,
    });
    const alert = w.standin.state.appMessages
      .slice(before)
      .find((m) => m.touser === w.tenant.people.manager.wecomUserId);
    expect(JSON.stringify(alert?.content)).toContain('榴莲千层');
    // once a person has the session, the bot stays quiet
    expect(await w.kfCustomerWrites('wmAiUnknown', '在吗')).toEqual([DONT_KNOW]);
  });

  it('hands over when the customer asks for a person', async () => {
    const replies = await w.kfCustomerWrites('wmAiHuman', '转人工');
    expect(replies).toEqual(['好的，马上为您转接店员，请稍等～']);
    expect(w.standin.state.kfSessions.get(`${openKfId}:wmAiHuman`)?.state).toBe(3);
    expect((await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmAiHuman'))?.action).toBe('handoff');
  });

  it('stays silent inside business hours when the mode is after-hours, and answers when it is always', async () => {
    await shopIs('open');
    expect(await w.kfCustomerWrites('wmAiOpen', '几点关门')).toEqual([]);
    expect((await w.app.container.ai.decisions.latestFor(w.tenant.merchantId, 'wmAiOpen'))?.reason).toBe(
      'within business hours',
    );
    await ownerSaves('/api/ai/auto-reply', { mode: 'always' });
    expect(await w.kfCustomerWrites('wmAiOpen', '几点关门')).toEqual(['我们的营业时间是每天 24小时营业。']);
    await ownerSaves('/api/ai/auto-reply', { mode: 'after_hours' });
    await shopIs('closed');
  });

  it('honours 退订: the customer is opted out and told so, whatever the hour', async () => {
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '要退订的',
    });
    await w.drain();
    await shopIs('open');
    expect(await w.kfCustomerWrites(externalUserId, '退订')).toEqual([OPT_OUT_CONFIRMATION]);
    expect(
      await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId),
    ).toMatchObject({ optedOut: true });
    await shopIs('closed');
  });

  it('keeps within WeCom’s reply budget even when the customer asks many questions at once', async () => {
    // five questions before the sync: the budget resets with each customer message, one reply each
    for (const q of ['杨枝甘露多少钱', '芋泥波波奶茶多少钱', '可以开发票吗', '可以少糖吗', '手工麻薯还有吗'])
      await w.standin.customers.writesToKf(openKfId, 'wmAiMany', q);
    await w.drain();
    expect(w.standin.state.kfSent.filter((m) => m.touser === 'wmAiMany')).toHaveLength(5);
  });

  it('sends one overnight summary to the owner and managers after 08:00, once, whichever worker runs it', async () => {
    const tomorrow = new Date(Date.now() + 86_400_000);
    const day = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(tomorrow);
    const at0830 = new Date(`${day}T08:30:00+08:00`);
    // the night: one question answered, one handed over
    const night = new Date(at0830.getTime() - 2 * 3600_000);
    for (const action of ['sent', 'handoff'] as const)
      await w.app.container.ai.decisions.record(w.tenant.merchantId, {
        channel: 'kf',
        externalUserId: `wmNight-${action}`,
        question: '?',
        engine: 'offline',
        intent: 'x',
        citedIds: [],
        violations: [],
        action,
        reason: 'r',
        at: night,
      });
    const summary = w.app.container.ai.morningSummary;
    expect(await summary.runFor(w.tenant.merchantId, new Date(`${day}T07:59:00+08:00`))).toBe(false); // too early
    const before = w.standin.state.appMessages.length;
    const results = await Promise.all([
      summary.runFor(w.tenant.merchantId, at0830),
      summary.runFor(w.tenant.merchantId, at0830),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    const sent = w.standin.state.appMessages.slice(before);
    expect(sent.map((m) => m.touser).sort()).toEqual(
      [w.tenant.people.manager.wecomUserId, w.tenant.people.owner.wecomUserId].sort(),
    );
    expect(JSON.stringify(sent[0]!.content)).toMatch(/机器人昨晚回答了 \d+ 个问题，转给店员 \d+ 个/);
    expect(await summary.runFor(w.tenant.merchantId, new Date(at0830.getTime() + 3600_000))).toBe(false); // once a day
  });

  it('summarises a customer for staff and proposes tags from their own words', async () => {
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '爱少糖',
    });
    await w.drain();
    await w.kfCustomerWrites(externalUserId, '杨枝甘露可以做少糖吗');
    await w.kfCustomerWrites(externalUserId, '能送外卖到学校吗');
    const customer = await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    );
    const res = await w.app.request(`/api/ai/customers/${customer!._id}/summary`, { token: w.tenant.tokens.staff });
    expect(res.status).toBe(200);
    expect(res.body.summary).toContain('最后一句：「能送外卖到学校吗」');
    expect(res.body.summary).toContain('问外卖配送');
    expect(res.body.proposedTags).toEqual(['少糖党', '常点外卖', '学生']);
  });
});
