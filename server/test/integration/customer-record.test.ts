// The customer's page on the console: their timeline (every record the shop has of them, newest first, one page at
// a time, only the session's merchant's) and 为什么没联系他 — the contact policy's reasons, which must be the ones the
// sender acts on: a customer over the weekly cap is shown as such, and a message to them is refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import {
  addDraft,
  approveDraft,
  customerWithDraft,
  localClock,
  quietHoursAwayFromNow,
  setContactPolicy,
  storedDraft,
} from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let other: Awaited<ReturnType<typeof buildTenant>>;
beforeAll(async () => {
  w = await startWecomTestApp();
  other = await buildTenant(w.app.container);
});
afterAll(() => w.close());

const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const get = (path: string, token = w.tenant.tokens.staff) => w.app.request(`/api/customers/${path}`, { token });
const whyNot = async (id: unknown) => {
  const res = await get(`${id}/why-not-contacted`);
  expect(res.status).toBe(200);
  return res.body as { canContactNow: boolean; blocks: { reason: string; until?: string; dates?: string[] }[] };
};

describe('timeline', () => {
  it('merges orders, bookings, reviews, messages and sent drafts newest first, page by page, tenant-scoped', async () => {
    const c = await buildCustomer(w.app.container, w.tenant.merchantId, { name: '时间线客户' });
    const { orders, drafts, customers } = w.app.container.repositories;
    const order = (externalId: string, placedAt: Date, amount: number) => ({
      externalId,
      customerId: c._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: '杨枝甘露', quantity: 1, unitPrice: amount, specs: [] }],
      amount,
      placedAt,
    });
    await orders.insertMany(w.tenant.merchantId, [order('TL-1', daysAgo(1), 1800), order('TL-5', daysAgo(5), 2600)]);
    // another merchant's order naming the same customer id never shows
    await orders.insertMany(other.merchantId, [order('TL-X', daysAgo(0.5), 9900)]);
    await w.app.container.shopData.appointments.store(
      w.tenant.merchantId,
      { externalId: 'AP-1', customerId: c._id, service: '剪发', startAt: daysAgo(2), status: 'completed' },
      false,
    );
    await w.app.container.shopData.reviews.store(
      w.tenant.merchantId,
      { externalId: 'RV-1', customerId: c._id, platform: '美团', rating: 4, text: '好喝', at: daysAgo(3) },
      false,
    );
    await w.app.container.kfRepository.insertSynced(w.tenant.merchantId, [
      {
        channel: 'kf',
        openKfId: 'wkTimeline',
        externalUserId: c.externalUserId!,
        direction: 'in',
        msgtype: 'text',
        text: '明天还开门吗',
        sentAt: daysAgo(4),
      },
    ]);
    const at = daysAgo(6);
    await drafts.insertMany(w.tenant.merchantId, [
      {
        scenario: 'dormant_winback',
        customerId: c._id,
        day: '2026-01-01',
        text: '好久不见～',
        reason: '40天没来了',
        citedIds: [],
        status: 'sent',
        audit: [],
        createdAt: at,
        updatedAt: at,
      },
    ]);
    expect(await customers.findById(other.merchantId, String(c._id))).toBeNull();

    const first = await get(`${c._id}/timeline?limit=3`);
    expect(first.status).toBe(200);
    expect(first.body.items.map((e: { kind: string }) => e.kind)).toEqual(['order', 'appointment', 'review']);
    expect(first.body.items[0]).toMatchObject({ title: '杨枝甘露×1', amount: 1800 });
    expect(first.body.nextCursor).toBe(`${first.body.items[2].at}~${first.body.items[2].id}`);

    const second = await get(`${c._id}/timeline?limit=3&cursor=${encodeURIComponent(first.body.nextCursor)}`);
    expect(second.body.items.map((e: { kind: string; detail?: string }) => [e.kind, e.detail])).toEqual([
      ['message_in', '明天还开门吗'],
      ['order', '堂食 · ¥26'],
      ['draft_sent', '好久不见～'],
    ]);
    expect(second.body.nextCursor).toBeUndefined();
    const all = (await get(`${c._id}/timeline?limit=50`)).body.items;
    const times = all.map((e: { at: string }) => e.at);
    expect(times).toEqual([...times].sort().reverse());
    expect(all).toHaveLength(6);
  });

  it('answers 404 for another merchant’s customer and 400 for a bad cursor', async () => {
    const theirs = await buildCustomer(w.app.container, other.merchantId);
    expect((await get(`${theirs._id}/timeline`)).status).toBe(404);
    expect((await get(`${theirs._id}/why-not-contacted`, w.tenant.tokens.owner)).status).toBe(404);
    const mine = await buildCustomer(w.app.container, w.tenant.merchantId);
    expect((await get(`${mine._id}/timeline?cursor=yesterday`)).status).toBe(400);
    expect((await get(`${mine._id}/timeline?limit=500`)).status).toBe(400);
  });
});

describe('为什么没联系他', () => {
  it('a customer over the weekly cap: the page says so, with the dates, and the sender refuses', async () => {
    const c = await customerWithDraft(w, '一周到顶');
    await w.kfCustomerWrites(c.externalUserId, '在吗'); // the first goes straight through 微信客服
    const second = await addDraft(w, c.customer._id, 'member_day', '会员日到啦～');
    await setContactPolicy(w, { perWeek: 1 });
    expect(await whyNot(c.customer._id)).toEqual({ canContactNow: true, blocks: [] });

    expect((await approveDraft(w, c.draftId)).body).toMatchObject({ status: 'delivered' });
    const shown = await whyNot(c.customer._id);
    expect(shown.canContactNow).toBe(false);
    expect(shown.blocks).toEqual([
      {
        reason: 'weekly_cap',
        text: '本周已达主动消息上限（每周最多 1 条）',
        dates: [expect.any(String)],
        until: expect.any(String),
      },
    ]);
    const until = new Date(shown.blocks[0]!.until!).getTime();
    expect(until).toBeGreaterThan(Date.now() + 6.9 * DAY);

    const refused = await approveDraft(w, second);
    expect(refused.body).toMatchObject({ status: 'cancelled', error: '本周已达主动消息上限' });
    await setContactPolicy(w, { perWeek: 3 });
  });

  it('quiet hours: the page says until when, and an approved message waits for them to end', async () => {
    const c = await customerWithDraft(w, '夜里不打扰');
    await setContactPolicy(w, { quietStart: localClock(-60), quietEnd: localClock(60) });
    const shown = await whyNot(c.customer._id);
    expect(shown.blocks.map((b) => b.reason)).toEqual(['quiet_hours']);
    const until = new Date(shown.blocks[0]!.until!).getTime();
    expect(until).toBeGreaterThan(Date.now() + 58 * 60_000);
    expect((await approveDraft(w, c.draftId)).body).toMatchObject({ status: 'approved' });
    expect((await storedDraft(w, c.draftId))!.sendAfter!.getTime()).toBe(until);
    await quietHoursAwayFromNow(w);
  });

  it('opted out, not a contact, cooling down: each with its reason', async () => {
    await quietHoursAwayFromNow(w);
    const optedOutAt = daysAgo(2);
    const out = await buildCustomer(w.app.container, w.tenant.merchantId, { optedOut: true, optedOutAt });
    expect((await whyNot(out._id)).blocks).toEqual([
      { reason: 'opted_out', text: '客户已退订', since: optedOutAt.toISOString() },
    ]);
    const stranger = await buildCustomer(w.app.container, w.tenant.merchantId, { externalUserId: undefined });
    expect((await whyNot(stranger._id)).blocks.map((b) => b.reason)).toEqual(['not_wecom_contact']);

    // two unanswered proactive messages (the default policy pauses after them), no order since, under the cap
    await setContactPolicy(w, { perWeek: 3 });
    const quiet = await buildCustomer(w.app.container, w.tenant.merchantId, { name: '一直没回' });
    const sent = (n: number) => ({
      scenario: `s${n}`,
      customerId: quiet._id,
      day: `2026-01-0${n}`,
      text: '好久不见～',
      reason: '40天没来了',
      citedIds: [],
      status: 'sent' as const,
      audit: [],
      createdAt: daysAgo(n + 0.5),
      updatedAt: daysAgo(n + 0.5),
    });
    await w.app.container.repositories.drafts.insertMany(w.tenant.merchantId, [1, 2].map(sent));
    const cooling = (await whyNot(quiet._id)).blocks;
    expect(cooling.map((b) => b.reason)).toEqual(['cool_down']);
    expect(new Date(cooling[0]!.until!).getTime()).toBeGreaterThan(Date.now());
  });
});
