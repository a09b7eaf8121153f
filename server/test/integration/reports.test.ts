// Reports on a fixed calendar: figures against the previous period, items, returning customers, the summary, and
// the owner's morning text card sent once per period — retried when WeCom fails.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const NOW = new Date('2026-11-23T02:30:00Z'); // Monday 10:30 in Shanghai
const at = (local: string) => new Date(`${local}+08:00`);

beforeAll(async () => {
  w = await startWecomTestApp();
  const { merchantId } = w.tenant;
  const c = w.app.container;
  await c.repositories.products.insertMany(merchantId, MILK_TEA_MENU);
  await c.ai.knowledge.changed(merchantId);
  const regular = await buildCustomer(c, merchantId, { firstContactAt: at('2026-10-01T12:00:00') });
  const newcomer = await buildCustomer(c, merchantId, { firstContactAt: at('2026-11-22T15:00:00') });
  const order = (id: string, when: string, customerId: unknown, items: [string, number, number][], status = 'completed') => ({
    externalId: id,
    placedAt: at(when),
    channel: '堂食' as const,
    status: status as 'completed',
    customerId: customerId as never,
    items: items.map(([name, quantity, unitPrice]) => ({ name, quantity, unitPrice, specs: [] })),
    amount: items.reduce((s, [, q, p]) => s + q * p, 0),
  });
  await c.repositories.orders.insertMany(merchantId, [
    order('o1', '2026-11-10T12:00:00', regular._id, [['杨枝甘露', 1, 1800]]),
    order('o2', '2026-11-21T12:00:00', regular._id, [['杨枝甘露', 1, 1800]]),
    order('o3', '2026-11-22T12:00:00', regular._id, [['杨枝甘露', 2, 1800]]),
    order('o4', '2026-11-22T18:00:00', newcomer._id, [['芋泥波波奶茶', 1, 1500], ['杨枝甘露', 1, 1800]]),
    order('o5', '2026-11-22T19:00:00', newcomer._id, [['招牌珍珠奶茶', 1, 1200]]),
    order('o6', '2026-11-22T20:00:00', newcomer._id, [['杨枝甘露', 5, 1800]], 'refunded'),
  ]);
  const decision = (externalUserId: string, action: string, when: string) => ({ merchantId: w.tenant.merchant._id, channel: 'kf', externalUserId, question: '?', engine: 'offline', intent: 'x', citedIds: [], violations: [], action, reason: 'r', at: at(when) });
  await c.mongo.collection('ai_decisions').insertMany([
    decision('wmA', 'sent', '2026-11-22T23:00:00'),
    decision('wmA', 'sent', '2026-11-22T23:05:00'),
    decision('wmB', 'sent', '2026-11-22T07:00:00'),
    decision('wmC', 'handoff', '2026-11-22T22:00:00'),
    decision('wmC', 'sent', '2026-11-23T01:00:00'), // Monday: not in Sunday's report
  ]);
});
afterAll(() => w.close());

describe('reports', () => {
  it('gives a day’s figures against the day before, with items, returning customers and a summary', async () => {
    const res = await w.app.request('/api/reports?period=day&date=2026-11-22', { token: w.tenant.tokens.owner });
    expect(res.status).toBe(200);
    const r = res.body;
    expect(r).toMatchObject({ period: 'day', from: '2026-11-22', to: '2026-11-22' });
    expect(r.figures.orders).toEqual({ value: 3, previous: 1, changePct: 200 });
    expect(r.figures.revenue).toEqual({ value: 3600 + 3300 + 1200, previous: 1800, changePct: 350 });
    expect(r.figures.averageOrderValue.value).toBe(2700);
    expect(r.figures.returningPct.value).toBe(50); // the regular had ordered before; the newcomer had not
    expect(r.figures.newCustomers.value).toBe(1);
    expect(r.figures.consultations.value).toBe(3);
    expect(r.figures.aiHandledPct.value).toBe(75);
    expect(r.figures.handoffs.value).toBe(1);
    expect(r.topItems[0]).toEqual({ name: '杨枝甘露', quantity: 3, revenue: 5400 }); // the refunded order does not count
    expect(r.slowItems.map((i: { name: string }) => i.name)).not.toContain('杨枝甘露');
    expect(r.slowItems[0].quantity).toBe(0);
    expect(r.daily).toEqual([{ date: '2026-11-22', revenue: 8100, orders: 3 }]);
    expect(r.summary).toBe('11月22日营业额81元，比前一天多350%，共3单，客单价27元。微信客服接待3位顾客，小二自动回复了75%，1次转给了店员。新加了1位客户。');
    expect(r.actions.length).toBeGreaterThan(0);
    expect(r.actions.length).toBeLessThanOrEqual(3);
  });

  it('covers a Monday-to-Sunday week with a bar per day, and keeps other merchants and staff out', async () => {
    const week = (await w.app.request('/api/reports?period=week&date=2026-11-22', { token: w.tenant.tokens.manager })).body;
    expect(week).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(week.daily).toHaveLength(7);
    expect(week.figures.orders.value).toBe(4);
    const other = await buildTenant(w.app.container);
    expect((await w.app.request('/api/reports?period=day&date=2026-11-22', { token: other.tokens.owner })).body.figures.orders.value).toBe(0);
    expect((await w.app.request('/api/reports', { token: w.tenant.tokens.staff })).status).toBe(403);
    expect((await w.app.request('/api/reports?period=year', { token: w.tenant.tokens.owner })).status).toBe(400);
  });

  it('sends the owner yesterday’s report and, on Mondays, last week’s — once, retrying when WeCom fails', async () => {
    const sender = w.app.container.reports.sender;
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', new Date('2026-11-22T23:30:00Z'))).toEqual([]); // 07:30
    w.standin.state.injectError('/cgi-bin/message/send', 45033, 3); // WeCom busy (the client retries twice)
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', NOW)).toEqual(['week']);
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', NOW)).toEqual(['day']); // the failed one, next tick
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', NOW)).toEqual([]);
    const cards = w.standin.state.appMessages.filter((m) => m.msgtype === 'textcard');
    expect(cards.map((m) => (m.content as { title: string }).title).sort()).toEqual(['上周经营周报', '昨日经营日报']);
    expect(cards.every((m) => m.touser === w.tenant.people.owner.wecomUserId)).toBe(true);
    expect((cards.find((m) => (m.content as { title: string }).title === '昨日经营日报')!.content as { description: string }).description).toContain('11月22日营业额81元');
  });
});
