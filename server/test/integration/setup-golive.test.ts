// The owner's "test and go live" step. A shop created through setup does not let its bot speak to real customers:
// their messages are stored and shown to staff, unanswered by the bot. The owner's own test conversation is
// answered (from their WeChat after opening the test on the page, or in the demo from the stand-in playing it).
// 开始营业 (owner only) turns the bot on after hours and the industry's scenarios, and is audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { GOLIVE_AUDIT } from '../../src/modules/golive/golive.service.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let shop: Awaited<ReturnType<WecomTestApp['addMerchant']>>;
const PRICE = '杨枝甘露中杯18元，大杯加3元。';

beforeAll(async () => {
  w = await startWecomTestApp({ role: 'api' });
  // a merchant as the operator creates it: the launch starts in setup
  shop = await w.addMerchant('after_hours');
  await w.app.container.goLive.service.startSetup(shop.tenant.merchantId);
  // a shop the operator created before this step existed: audited as created, but no launch record
  await w.app.container.operator.audit.record(w.tenant.merchantId, {
    actor: { kind: 'operator', id: 'op-test' },
    action: 'merchant.created',
    target: String(w.tenant.merchantId),
  });
  await w.app.container.repositories.products.insertMany(shop.tenant.merchantId, MILK_TEA_MENU);
  // open around the clock: a live shop in after-hours mode would stay silent, a test is answered anyway
  const always = [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '00:00' }));
  const res = await w.app.request('/api/merchant/business-hours', {
    method: 'PUT',
    token: shop.tenant.tokens.owner,
    body: { businessHours: always, holidays: [] },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
});
afterAll(() => w.close());

/** A customer writes to the shop's 微信客服; every text they have received from it so far. */
async function writes(externalUserId: string, text: string): Promise<string[]> {
  await w.standin.customers.writesToKf(shop.openKfId, externalUserId, text);
  await w.drain();
  return w.standin.state.kfSent
    .filter((m) => m.touser === externalUserId)
    .map((m) => (m.content as { content: string }).content);
}
const goLive = async (token = shop.tenant.tokens.owner) => {
  const res = await w.app.request('/api/setup/golive', { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};

describe('test and go live', () => {
  it('before going live a real customer is stored and shown to staff, never answered by the bot', async () => {
    expect(await goLive()).toMatchObject({ status: 'setup', standIn: true, conversation: null, scenarios: [] });
    expect(await writes('wmRealEarly', '杨枝甘露多少钱？')).toEqual([]);
    const stored = await w.app.container.kfRepository.conversation(shop.tenant.merchantId, 'wmRealEarly');
    expect(stored.map((m) => [m.direction, m.text])).toEqual([['in', '杨枝甘露多少钱？']]);
    const decision = await w.app.container.ai.decisions.latestFor(shop.tenant.merchantId, 'wmRealEarly');
    expect(decision).toMatchObject({ action: 'skipped', reason: 'shop not live yet (setup)' });
    // nor do the proactive scenarios write to customers yet
    const outcomes = await w.app.container.outreach.scan.scanMerchant(shop.tenant.merchantId);
    expect(new Set(Object.values(outcomes))).toEqual(new Set(['not_live']));
  });

  it("answers the owner's test from their own WeChat: the first new conversation after they open the test", async () => {
    const opened = await w.app.request('/api/setup/golive/test', { method: 'POST', token: shop.tenant.tokens.owner });
    expect(opened.status, JSON.stringify(opened.body)).toBe(200);
    expect(opened.body.testUntil).toEqual(expect.any(String));
    // the account's contact link, for the owner to open in their own WeChat (asked of WeCom once, then kept)
    expect(opened.body.kfAccounts).toEqual([
      { openKfId: shop.openKfId, name: '茶语时光客服', url: `https://work.weixin.qq.com/kfid/${shop.openKfId}` },
    ]);
    const asked = () => w.standin.state.calls.get('/cgi-bin/kf/add_contact_way') ?? 0;
    const before = asked();
    expect((await goLive()).kfAccounts[0].url).toContain('/kfid/');
    expect(asked()).toBe(before);
    expect(await writes('wmOwnerPhone', '杨枝甘露多少钱？')).toEqual([PRICE]);
    // the window closed with that conversation: a stranger right after is not answered
    expect(await writes('wmStranger', '杨枝甘露多少钱？')).toEqual([]);
    const page = await goLive();
    expect(page.testUntil).toBeNull();
    expect(page.conversation).toMatchObject({
      externalUserId: 'wmOwnerPhone',
      messages: [
        { direction: 'in', text: '杨枝甘露多少钱？' },
        { direction: 'out', text: PRICE, status: 'sent' },
      ],
    });
    // the owner's later messages are still a test
    expect(await writes('wmOwnerPhone', '杨枝甘露多少钱？')).toEqual([PRICE, PRICE]);
  });

  it('forgets a test conversation that was not the owner’s: the bot stops answering it', async () => {
    await w.app.request('/api/setup/golive/test', { method: 'POST', token: shop.tenant.tokens.owner });
    expect(await writes('wmNotOwner', '杨枝甘露多少钱？')).toEqual([PRICE]);
    const res = await w.app.request('/api/setup/golive/test/forget', {
      method: 'POST',
      token: shop.tenant.tokens.owner,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.conversation.externalUserId).toBe('wmOwnerPhone');
    expect(await writes('wmNotOwner', '杨枝甘露多少钱？')).toEqual([PRICE]);
    const audit = await w.app.container.operator.audit.list(shop.tenant.merchantId);
    expect(audit.find((a) => a.action === GOLIVE_AUDIT.testForgotten)?.target).toBe('wmNotOwner');
  });

  it('in the demo the stand-in plays the WeChat, and the page shows its conversation', async () => {
    const res = await w.app.request('/api/setup/golive/simulate', {
      method: 'POST',
      token: shop.tenant.tokens.owner,
      body: { text: '杨枝甘露多少钱？' },
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    await w.drain();
    const page = await goLive();
    expect(page.conversation.externalUserId).toMatch(/^wmOwnerTest/);
    expect(page.conversation.messages.map((m: { text: string }) => m.text)).toEqual(['杨枝甘露多少钱？', PRICE]);
  });

  it('is the owner’s only, and another merchant sees none of it', async () => {
    for (const path of [
      '/api/setup/golive/test',
      '/api/setup/golive/test/forget',
      '/api/setup/golive/simulate',
      '/api/setup/golive/launch',
    ])
      expect((await w.app.request(path, { method: 'POST', token: shop.tenant.tokens.manager, body: {} })).status).toBe(
        403,
      );
    expect((await w.app.request('/api/setup/golive', { token: shop.tenant.tokens.staff })).status).toBe(403);
    // the first merchant predates this step (created by the operator, no launch record): live, so deploying the
    // go-live step silences no running shop
    expect(await goLive(w.tenant.tokens.owner)).toMatchObject({ status: 'live', conversation: null });
  });

  it('开始营业 turns the bot on after hours and the industry scenarios, audited with who did it', async () => {
    const res = await w.app.request('/api/setup/golive/launch', {
      method: 'POST',
      token: shop.tenant.tokens.owner,
      body: {},
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      status: 'live',
      autoReplyMode: 'after_hours',
      liveBy: shop.tenant.people.owner.name,
    });
    expect(res.body.scenarios).toEqual(expect.arrayContaining(['daily_report', 'birthday']));
    const merchant = await w.app.container.repositories.merchants.findById(shop.tenant.merchantId);
    expect(merchant!.autoReply.mode).toBe('after_hours');
    expect(merchant!.outreach).toBeDefined();
    const outcomes = await w.app.container.outreach.scan.scanMerchant(shop.tenant.merchantId);
    expect(Object.values(outcomes)).not.toContain('not_live');
    // pressing it again changes nothing and records nothing more
    await w.app.request('/api/setup/golive/launch', { method: 'POST', token: shop.tenant.tokens.owner, body: {} });
    const audit = await w.app.container.operator.audit.list(shop.tenant.merchantId);
    const wentLive = audit.filter((a) => a.action === GOLIVE_AUDIT.wentLive);
    expect(wentLive).toHaveLength(1);
    expect(wentLive[0]).toMatchObject({ actor: { kind: 'staff', id: String(shop.tenant.people.owner._id) } });

    // live: the bot now answers real customers as the mode says (after hours) — here the shop is closed
    await w.app.request('/api/merchant/business-hours', {
      method: 'PUT',
      token: shop.tenant.tokens.owner,
      body: { businessHours: [], holidays: [] },
    });
    expect(await writes('wmRealLater', '杨枝甘露多少钱？')).toEqual([PRICE]);
  });
});
