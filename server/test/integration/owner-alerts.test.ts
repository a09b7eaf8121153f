// Owner alerts through the WeCom stand-in: the ones that act on arriving data (a bad review, a rush of orders, a new
// online order, stock under its line) tell the owner during the delivery itself; the scan on a controllable clock
// finds the rest (orders waiting, expiry, slow movers, holidays). Each happens once, and a failed WeCom send is told
// on the next scan.
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { buildTenant } from '../support/factories.js';
import { setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const MIN = 60_000;
const DAY = 86_400_000;
const at = (msAgo: number) => new Date(Date.now() - msAgo).toISOString();

const post = (path: string, body: unknown) =>
  w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
const order = (id: string, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  placedAt: at(MIN),
  channel: '堂食',
  amount: 1500,
  items: [{ name: '招牌珍珠奶茶', quantity: 1, unitPrice: 1500 }],
  ...extra,
});
const alerts = (kind?: ScenarioKey) => w.app.container.alerts.repository.raised(w.tenant.merchantId, kind);
const cards = () =>
  w.standin.state.appMessages
    .filter((m) => m.msgtype === 'textcard')
    .map((m) => m.content as { title: string; description: string; url: string });
const scan = (iso: string) => w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(iso));

beforeAll(async () => {
  w = await startWecomTestApp();
  await w.app.container.repositories.products.insertMany(w.tenant.merchantId, MILK_TEA_MENU);
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
});
afterAll(() => w.close());

describe('alerts on arriving data', () => {
  it('tells the owner about a fresh bad review during the delivery, with its complaint and a reply to post', async () => {
    const review = {
      externalId: 'RV-1',
      platform: '美团',
      rating: 1,
      text: '等了一个小时，奶茶都凉了',
      at: at(2 * MIN),
    };
    await post('reviews', {
      reviews: [
        review,
        { ...review, externalId: 'RV-2', rating: 5, text: '好喝' },
        { ...review, externalId: 'RV-3', at: at(3 * DAY) },
      ],
    });
    const [alert] = await alerts('bad_review');
    expect(alert).toMatchObject({
      level: 'urgent',
      title: '差评预警：美团 1星',
      notify: 'sent',
      data: { topics: ['配送'], rating: 1 },
    });
    expect(alert!.body).toContain('建议回复：亲，非常抱歉'); // in the milk-tea template's address
    const card = cards().at(-1)!;
    expect(card.title).toBe('🔴差评预警：美团 1星');
    expect(card.url).toContain(`/console/?corp=${w.corpId}#/pages/alerts/detail?id=${alert!._id}`); // opened in WeCom: its OAuth, then the alert
    expect(w.standin.state.appMessages.at(-1)!.touser).toBe(w.tenant.people.owner.wecomUserId);
    await post('reviews', { reviews: [review] }); // resent
    expect(await alerts('bad_review')).toHaveLength(1);
  });

  it('calls for hands when more than 8 orders come in 5 minutes, once per half hour', async () => {
    await post('orders', { orders: Array.from({ length: 8 }, (_, i) => order(`RUSH-${i}`)) });
    expect(await alerts('peak_hour')).toHaveLength(0);
    await post('orders', { orders: [order('RUSH-8')] });
    const [peak] = await alerts('peak_hour');
    expect(peak!.title).toBe('收银高峰：5分钟9笔');
    await post('orders', { orders: [order('RUSH-9'), order('RUSH-10')] });
    expect(await alerts('peak_hour')).toHaveLength(1);
    // a late import of an old busy hour is history, not news
    await post('orders', {
      orders: Array.from({ length: 12 }, (_, i) => order(`OLD-${i}`, { placedAt: at(40 * DAY) })),
    });
    expect(await alerts('peak_hour')).toHaveLength(1);
  });

  it('announces new online orders when the owner turns it on', async () => {
    await post('orders', { orders: [order('WM-1', { channel: '外卖', status: 'paid' })] });
    expect(await alerts('new_order')).toHaveLength(0); // off in a milk-tea shop's template
    await setScenarios(w, { new_order: { enabled: true } });
    await post('orders', {
      orders: [order('WM-2', { channel: '外卖', status: 'paid', amount: 3600 }), order('TS-1', { status: 'paid' })],
    });
    expect((await alerts('new_order')).map((a) => a.title)).toEqual(['新订单：外卖 ¥36']);
  });

  it('warns at each stock level once a day, by the item’s own lines', async () => {
    await post('stock', { items: [{ externalId: '芒果', quantity: 15, unit: '个', low: 20, critical: 5 }] });
    await post('stock', { items: [{ externalId: '芒果', quantity: 14, unit: '个', low: 20, critical: 5 }] });
    await post('stock-movements', {
      movements: [{ externalId: 'MV-1', item: '芒果', change: -10, reason: 'sale', at: at(MIN) }],
    });
    const low = await alerts('low_stock');
    expect(low.map((a) => [a.title, a.level])).toEqual([
      ['库存偏低：芒果', 'warning'],
      ['库存告急：芒果', 'urgent'],
    ]);
    expect(low[1]!.body).toContain('芒果还剩4个');
  });
});

describe('the alert scan', () => {
  it('finds orders waiting too long, once each, with two workers scanning at once', async () => {
    await post('orders', {
      orders: [
        order('LATE-1', { status: 'paid', channel: '外卖', placedAt: at(40 * MIN) }),
        order('LATE-2', { status: 'paid', channel: '外卖', placedAt: at(20 * MIN) }),
      ],
    });
    // two workers at once: one alert, told once
    await Promise.all([
      w.app.container.alerts.owner.scan(w.tenant.merchantId),
      w.app.container.alerts.owner.scan(w.tenant.merchantId),
    ]);
    await w.app.container.alerts.owner.scan(w.tenant.merchantId);
    const late = await alerts('order_timeout');
    expect(late.map((a) => a.key)).toEqual(['LATE-1']);
    expect(cards().filter((c) => c.description.includes('LATE-1'))).toHaveLength(1);
    expect(late[0]!.body).toMatch(/已经等了4\d分钟还没完成，请尽快出餐/);
  });

  it('follows the sales for items without lines, and tells what will expire (what is really still on the shelf)', async () => {
    // 10 杨枝甘露 a day for two weeks, 25 left: under three days of sales
    const NOW = '2026-12-01T02:00:00Z'; // 10:00 in Shanghai
    await w.app.container.repositories.orders.insertMany(
      w.tenant.merchantId,
      Array.from({ length: 14 }, (_, d) => ({
        externalId: `DAILY-${d}`,
        channel: '堂食' as const,
        status: 'completed' as const,
        amount: 18000,
        items: [{ name: '杨枝甘露', quantity: 10, unitPrice: 1800, specs: [] }],
        placedAt: new Date(Date.parse(NOW) - (d + 1) * DAY),
      })),
    );
    // the stock line is raised as the stock arrives, on the clock: the report arrives at NOW, whatever day the test runs
    vi.useFakeTimers({ toFake: ['Date'], now: Date.parse(NOW) });
    const stocked = post('stock', {
      items: [
        { externalId: '杨枝甘露', quantity: 25, unit: '杯' },
        {
          externalId: '椰果',
          quantity: 15,
          unit: '包',
          batches: [
            { batchNo: 'A', quantity: 10, expiresOn: '2026-12-02' },
            { batchNo: 'B', quantity: 10, expiresOn: '2026-12-03' },
            { batchNo: 'C', quantity: 10, expiresOn: '2026-12-20' },
          ],
        },
      ],
    });
    await stocked.finally(() => vi.useRealTimers());
    // 07:00: the stock line is told (raised as the stock arrived), expiry waits for the morning report time. (The scan's
    // own count is not asserted: what else it raises depends on the real clock against other tests' orders.)
    await scan('2026-11-30T23:00:00Z');
    expect(await alerts('expiring_stock')).toHaveLength(0);
    expect((await alerts('low_stock')).find((a) => a.data.item === '杨枝甘露')!.body).toBe(
      '杨枝甘露还剩25杯，按最近日均10杯大约还能卖2天，请尽快补货。',
    );
    await scan(NOW);
    // batch A is used up (first expiring, first used); five of B remain and expire in two days
    expect((await alerts('expiring_stock')).map((a) => a.body)).toEqual([
      '椰果有5包将于2026-12-03到期，建议优先使用，或在客户群做个小促销消耗掉。',
    ]);
    await scan(NOW);
    expect(await alerts('expiring_stock')).toHaveLength(1);
  });

  it('lists slow movers on Mondays once there is enough history, and reminds of holidays a week ahead with last year’s picture', async () => {
    await setScenarios(w, { slow_movers: { enabled: true, days: 30, maxSold: 3 } });
    await w.app.container.repositories.orders.insertMany(w.tenant.merchantId, [
      {
        externalId: 'XMAS-25',
        channel: '堂食',
        status: 'completed',
        amount: 50000,
        items: [{ name: '热可可', quantity: 20, unitPrice: 2500, specs: [] }],
        placedAt: new Date('2025-12-24T06:00:00Z'),
      },
      {
        externalId: 'FIRST',
        channel: '堂食',
        status: 'completed',
        amount: 1200,
        items: [{ name: '招牌珍珠奶茶', quantity: 1, unitPrice: 1200, specs: [] }],
        placedAt: new Date('2025-06-01T06:00:00Z'),
      },
    ]);
    await scan('2026-12-17T02:00:00Z'); // Thursday, 8 days before Christmas
    expect(await alerts('slow_movers')).toHaveLength(0);
    expect((await alerts('holiday_prep')).map((a) => a.title)).not.toContain('圣诞节还有8天');
    await scan('2026-12-18T02:00:00Z');
    const [xmas] = (await alerts('holiday_prep')).filter((a) => a.data.name === '圣诞节');
    expect(xmas).toMatchObject({ title: '圣诞节还有7天' });
    expect(xmas!.body).toBe(
      '去年同期3天营业额¥500、1单，卖得最好的是热可可。建议提前备好原料和包材、排好人手，并在客户群预告节日活动。',
    );
    await scan('2026-12-21T02:00:00Z'); // Monday
    const [slow] = await alerts('slow_movers');
    expect(slow!.title).toMatch(/^滞销提醒：\d+个商品30天卖不到3件$/);
    expect((slow!.data.items as { name: string }[]).map((i) => i.name)).not.toContain('杨枝甘露');
  });

  it('tells on the next scan what WeCom failed to deliver', async () => {
    w.standin.state.injectError('/cgi-bin/message/send', 45033, 10);
    await post('reviews', { reviews: [{ externalId: 'RV-50', rating: 2, text: '态度很差', at: at(MIN) }] });
    const [pending] = (await alerts('bad_review')).filter((a) => a.key !== undefined && a.data.text === '态度很差');
    expect(pending!.notify).toBe('pending');
    w.standin.state.injected.clear();
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 2 * MIN)); // after the lease
    expect((await alerts('bad_review')).find((a) => a.data.text === '态度很差')!.notify).toBe('sent');
    expect(cards().some((c) => c.description.includes('态度很差'))).toBe(true);
  });
});

describe('customers leaving and waiting', () => {
  it('tells the owner when a customer deletes a staff member, with what they were worth', async () => {
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
      name: '老顾客阿华',
    });
    await w.drain();
    const customer = (await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    ))!;
    await w.app.container.repositories.orders.insertMany(
      w.tenant.merchantId,
      [5, 12, 19].map((d) => ({
        externalId: `HUA-${d}`,
        customerId: customer._id,
        channel: '堂食' as const,
        status: 'completed' as const,
        amount: 2000,
        items: [],
        placedAt: new Date(Date.now() - d * DAY),
      })),
    );
    await w.standin.customers.deletesMember(w.corpId, w.tenant.people.staff.wecomUserId, externalUserId);
    await w.drain();
    const [left] = await alerts('customer_left');
    expect(left).toMatchObject({ title: '客户删除了员工：老顾客阿华', level: 'warning', notify: 'sent' });
    expect(left!.body).toContain(`删除了${w.tenant.people.staff.name}的企业微信。TA来过3次，共消费¥60`);
  });

  it('calls for a person when a customer handed to staff waits unanswered', async () => {
    const externalUserId = 'wmWaiting01';
    await w.kfCustomerWrites(externalUserId, '我要找人工');
    const openKfId = w.credentials.kfAccounts[0]!.openKfId;
    await w.app.container.kfRepository.setState(
      w.tenant.merchantId,
      openKfId,
      externalUserId,
      'human',
      w.tenant.people.staff.wecomUserId,
    );
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 5 * MIN));
    expect(await alerts('handoff_waiting')).toHaveLength(0); // within the 10 minutes
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 12 * MIN));
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(Date.now() + 13 * MIN));
    const waiting = await alerts('handoff_waiting');
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.body).toMatch(/在微信客服转了人工，已经等了1\d分钟还没人回复/);
  });
});

describe('the alerts API', () => {
  it('lists, opens and resolves alerts for managers of this merchant only', async () => {
    const list = await w.app.request('/api/alerts?status=open', { token: w.tenant.tokens.manager });
    expect(list.body.items.length).toBeGreaterThan(5);
    const review = list.body.items.find((a: { kind: string }) => a.kind === 'bad_review');
    expect(review).toMatchObject({ kindName: '差评预警', level: 'urgent', notified: 'sent' });
    const resolved = await w.app.request(`/api/alerts/${review.id}/resolve`, {
      token: w.tenant.tokens.owner,
      body: {},
    });
    expect(resolved.body).toMatchObject({ status: 'resolved' });
    expect(
      (await w.app.request('/api/alerts?status=open', { token: w.tenant.tokens.manager })).body.items.some(
        (a: { id: string }) => a.id === review.id,
      ),
    ).toBe(false);
    const other = await buildTenant(w.app.container);
    expect((await w.app.request(`/api/alerts/${review.id}`, { token: other.tokens.owner })).status).toBe(404);
    expect(
      (await w.app.request(`/api/alerts/${review.id}/resolve`, { token: other.tokens.owner, body: {} })).status,
    ).toBe(404);
    expect((await w.app.request('/api/alerts', { token: w.tenant.tokens.staff })).status).toBe(403);
    expect((await w.app.request('/api/alerts/not-an-id', { token: w.tenant.tokens.owner })).status).toBe(400);
  });
});
