// Reports on a fixed calendar: figures against the previous period, items, returning customers, the summary, and
// the owner's morning text card sent once per period — retried when WeCom fails.
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
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
  await c.knowledge.base.changed(merchantId);
  const regular = await buildCustomer(c, merchantId, { firstContactAt: at('2026-10-01T12:00:00') });
  const newcomer = await buildCustomer(c, merchantId, { firstContactAt: at('2026-11-22T15:00:00') });
  const order = (
    id: string,
    when: string,
    customerId: unknown,
    items: [string, number, number][],
    status = 'completed',
  ) => ({
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
    order('o4', '2026-11-22T18:00:00', newcomer._id, [
      ['芋泥波波奶茶', 1, 1500],
      ['杨枝甘露', 1, 1800],
    ]),
    order('o5', '2026-11-22T19:00:00', newcomer._id, [['招牌珍珠奶茶', 1, 1200]]),
    order('o6', '2026-11-22T20:00:00', newcomer._id, [['杨枝甘露', 5, 1800]], 'refunded'),
  ]);
  const decision = (externalUserId: string, action: 'sent' | 'handoff', when: string) => ({
    channel: 'kf' as const,
    externalUserId,
    question: '?',
    engine: 'offline' as const,
    intent: 'x',
    citedIds: [],
    violations: [],
    action,
    reason: 'r',
    at: at(when),
  });
  for (const d of [
    decision('wmA', 'sent', '2026-11-22T23:00:00'),
    decision('wmA', 'sent', '2026-11-22T23:05:00'),
    decision('wmB', 'sent', '2026-11-22T07:00:00'),
    decision('wmC', 'handoff', '2026-11-22T22:00:00'),
    decision('wmC', 'sent', '2026-11-23T01:00:00'), // Monday: not in Sunday's report
  ])
    await c.ai.decisions.record(merchantId, d);
  // waits of 4 s (bot), 10 s (bot) and 3 min (staff after a handoff): the median is 10 s
  const message = (externalUserId: string, when: string) => ({
    channel: 'kf' as const,
    openKfId: 'wk1',
    externalUserId,
    msgtype: 'text',
    sentAt: at(when),
  });
  // what customers wrote, as the 微信客服 sync stores it ...
  const wrote = (externalUserId: string, when: string) => ({
    ...message(externalUserId, when),
    direction: 'in' as const,
  });
  await c.kfRepository.insertSynced(merchantId, [
    wrote('wmA', '2026-11-22T23:00:00'),
    wrote('wmB', '2026-11-22T07:00:00'),
    wrote('wmC', '2026-11-22T22:00:00'),
    wrote(regular.externalUserId!, '2026-11-22T11:00:00'), // answers the win-back below
  ]);
  // ... and the replies, as the send pipe records them
  let sends = 0;
  for (const [externalUserId, when, status] of [
    ['wmA', '2026-11-22T23:00:04', 'sent'],
    ['wmB', '2026-11-22T07:00:10', 'sent'],
    ['wmC', '2026-11-22T22:00:02', 'not_attempted'],
    ['wmC', '2026-11-22T22:03:00', 'sent'],
  ] as const) {
    const ourMsgId = `report-reply-${++sends}`;
    await c.kfRepository.insertOutgoing(merchantId, { ...message(externalUserId, when), direction: 'out', ourMsgId });
    await c.kfRepository.setOutgoingStatus(merchantId, ourMsgId, status);
  }
  await c.repositories.drafts.insertMany(merchantId, [
    {
      scenario: 'dormant_winback',
      customerId: regular._id,
      day: '2026-11-22',
      text: '…',
      reason: '…',
      citedIds: [],
      status: 'delivered',
      audit: [],
      createdAt: at('2026-11-22T10:00:00'),
      updatedAt: at('2026-11-22T10:00:00'),
    },
  ]);
  await c.alerts.service.raise(
    merchantId,
    [{ kind: 'bad_review', key: 'RV-1', level: 'urgent', title: '差评预警', body: '…', data: {} }],
    at('2026-11-22T13:00:00'),
  );
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
    expect(r.figures.firstResponseSeconds.value).toBe(10);
    expect(r.alerts).toEqual({ lowStock: 0, expiringStock: 0, badReviews: 1 });
    expect(r.campaigns).toEqual({ sent: 1, repliedWithin7Days: 1, boughtWithin7Days: 1 });
    expect(r.summary).toBe(
      '11月22日营业额¥81，比前一天多350%，共3单，客单价¥27。微信客服接待3位顾客，小二自动回复了75%，1次转给了店员，顾客平均10秒就得到回复。新加了1位客户。',
    );
    expect(r.actions[0]).toBe('收到1条差评：去小程序「提醒」里看看顾客说了什么，小二已经写好了回复');
    expect(r.actions.length).toBeLessThanOrEqual(3);
  });

  it('compares a day still running with the same hours of the day before, not with all of it', async () => {
    // at 13:00 on the 22nd: the 22nd so far (one order at 12:00) against the 21st until 13:00 (one order at 12:00)
    const r = await w.app.container.reports.service.build(
      w.tenant.merchantId,
      'day',
      '2026-11-22',
      at('2026-11-22T13:00:00'),
    );
    expect(r.figures.orders).toEqual({ value: 1, previous: 1, changePct: 0 });
    expect(r.figures.revenue).toEqual({ value: 3600, previous: 1800, changePct: 100 });
    // before the day's first order: nothing yet, and no fall to speak of against a morning that had none either
    const early = await w.app.container.reports.service.build(
      w.tenant.merchantId,
      'day',
      '2026-11-22',
      at('2026-11-22T09:00:00'),
    );
    expect(early.figures.revenue).toEqual({ value: 0, previous: 0 });
    expect(early.summary).not.toMatch(/少100%/);
  });

  it('covers a Monday-to-Sunday week with a bar per day, and keeps other merchants and staff out', async () => {
    const week = (await w.app.request('/api/reports?period=week&date=2026-11-22', { token: w.tenant.tokens.manager }))
      .body;
    expect(week).toMatchObject({ from: '2026-11-16', to: '2026-11-22' });
    expect(week.daily).toHaveLength(7);
    expect(week.summary).toMatch(/^11月16日起的一周营业额/);
    expect(week.figures.orders.value).toBe(4);
    const other = await buildTenant(w.app.container);
    expect(
      (await w.app.request('/api/reports?period=day&date=2026-11-22', { token: other.tokens.owner })).body.figures
        .orders.value,
    ).toBe(0);
    expect((await w.app.request('/api/reports', { token: w.tenant.tokens.staff })).status).toBe(403);
    expect((await w.app.request('/api/reports?period=year', { token: w.tenant.tokens.owner })).status).toBe(400);
  });

  it('sends the owner yesterday’s report and, on Mondays, last week’s — once, retrying when WeCom fails', async () => {
    const sender = w.app.container.reports.sender;
    const scenarios = resolveOutreachSettings(undefined, '餐饮').scenarios;
    expect(
      await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', scenarios, new Date('2026-11-22T23:30:00Z')),
    ).toEqual([]); // 07:30
    w.standin.state.injectError('/cgi-bin/message/send', 45033, 3); // WeCom busy (the client retries twice)
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', scenarios, NOW)).toEqual(['week']);
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', scenarios, NOW)).toEqual(['day']); // the failed one, next tick
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', scenarios, NOW)).toEqual([]);
    const cards = w.standin.state.appMessages.filter((m) => m.msgtype === 'textcard');
    expect(cards.map((m) => (m.content as { title: string }).title).sort()).toEqual(['上周经营周报', '昨日经营日报']);
    expect(cards.every((m) => m.touser === w.tenant.people.owner.wecomUserId)).toBe(true);
    expect(
      (cards.find((m) => (m.content as { title: string }).title === '昨日经营日报')!.content as { description: string })
        .description,
    ).toContain('11月22日营业额¥81');
  });

  it('follows the owner’s report time and switches', async () => {
    const sender = w.app.container.reports.sender;
    const base = resolveOutreachSettings(undefined, '餐饮').scenarios;
    const later = { ...base, daily_report: { enabled: true, at: '09:30' }, weekly_report: { enabled: false } };
    const tuesday = new Date('2026-11-24T01:00:00Z'); // 09:00
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', later, tuesday)).toEqual([]);
    expect(await sender.sendDue(w.tenant.merchantId, 'Asia/Shanghai', later, new Date('2026-11-24T01:45:00Z'))).toEqual(
      ['day'],
    );
    const nextMonday = new Date('2026-11-30T02:00:00Z');
    expect(
      await sender.sendDue(
        w.tenant.merchantId,
        'Asia/Shanghai',
        { ...later, daily_report: { enabled: false, at: '08:00' } },
        nextMonday,
      ),
    ).toEqual([]);
  });
});
