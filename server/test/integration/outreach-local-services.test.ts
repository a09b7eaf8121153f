// The scenarios of shops that book services and of tutoring centres, on a controllable clock: the next visit when a
// customer's own cycle comes round, a card running low, the follow-up a day after a service, a course package
// running out — each with its trigger and its non-trigger. Then the owner's trust: a scenario allowed to auto-send
// creates the WeCom task by itself, and WeCom's send results mark drafts delivered or failed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { quietHoursAwayFromNow, setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const DAY = 86_400_000;
// Monday 10:30 in Shanghai
const NOW = new Date('2026-11-23T02:30:00Z');
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();
const people: Record<string, CustomerRecord> = {};

async function customer(name: string, phone: string) {
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name,
  });
  await w.drain();
  const c = (await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  await w.app.container.repositories.customers.update(w.tenant.merchantId, String(c._id), { phone });
  people[name] = c;
}
const post = (path: string, body: unknown) =>
  w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
const visit = (id: string, phone: string, service: string, daysAgo: number, extra: Record<string, unknown> = {}) => ({
  externalId: id,
  service,
  startAt: ago(daysAgo),
  status: 'completed',
  customer: { phone },
  ...extra,
});
const drafts = (scenario: string) => w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario });
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];
const run = (scenario: string, at = NOW) =>
  w.app.container.outreach.scan.run(
    w.tenant.merchantId,
    w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === scenario)!,
    at,
  );

beforeAll(async () => {
  w = await startWecomTestApp();
  // a hair and nail salon: the owner says so in the console
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '本地服务' },
  });
  expect(profile.status).toBe(200);
  await customer('染发的王姐', '13600000001'); // colours every ~35 days, last 33 days ago: due (learned)
  await customer('刚染过的李姐', '13600000002'); // last colour 10 days ago: not due
  await customer('约好了的赵姐', '13600000003'); // due, but already booked
  await customer('美甲的小陈', '13600000004'); // one nail visit 20 days ago: due by the usual 3 weeks
  await customer('卡快用完的周姐', '13600000005');
  await customer('卡还多的吴姐', '13600000006');
  await customer('昨天剪发的孙哥', '13600000007'); // service 25 h ago: follow up
  await customer('三天前剪发的钱哥', '13600000008'); // service 3 days ago: too late for the follow-up
  await post('appointments', {
    appointments: [
      visit('W1', '13600000001', '染发', 103, { staffName: 'Tony' }),
      visit('W2', '13600000001', '染发', 68, { staffName: 'Tony' }),
      visit('W3', '13600000001', '染发', 33, { staffName: 'Tony', amount: 38800 }),
      visit('L1', '13600000002', '染发', 10),
      visit('Z1', '13600000003', '染发', 50),
      {
        externalId: 'Z2',
        service: '染发',
        startAt: new Date(NOW.getTime() + 2 * DAY).toISOString(),
        status: 'booked',
        customer: { phone: '13600000003' },
      },
      visit('C1', '13600000004', '美甲', 20),
      visit('ZH1', '13600000005', '护理', 60, { amount: 20000 }), // past the reminder window of a 30-day cycle
      visit('WU1', '13600000006', '护理', 60, { amount: 20000 }),
      visit('S1', '13600000007', '剪发', 25 / 24),
      visit('Q1', '13600000008', '剪发', 3),
    ],
  });
  await post('member-cards', {
    cards: [
      { externalId: 'CARD-1', cardName: '护理储值卡', balance: 30000, customer: { phone: '13600000005' } }, // 1 visit of ¥200 left
      { externalId: 'CARD-2', cardName: '护理储值卡', balance: 200000, customer: { phone: '13600000006' } }, // 10 visits left
      { externalId: 'CARD-3', cardName: '洗护次卡', balance: 0, visitsLeft: 1, customer: { phone: '13600000002' } },
    ],
  });
  await w.app.container.knowledge.base.changed(w.tenant.merchantId);
});
afterAll(() => w.close());

describe('local-service scenarios', () => {
  it('reminds customers whose own cycle has come round, not those just served or already booked', async () => {
    expect(await run('appointment_cycle')).toMatchObject({ drafted: 2 });
    const made = await drafts('appointment_cycle');
    expect(made.map((d) => nameOf(d.customerId)).sort()).toEqual(['染发的王姐', '美甲的小陈']);
    const wang = made.find((d) => nameOf(d.customerId) === '染发的王姐')!;
    expect(wang.text).toBe(
      '染发的王姐，距离上次染发已经33天啦，差不多该来打理一下了～需要帮您约个时间吗？还是约Tony吗？',
    );
    expect(wang.reason).toBe('上次染发是33天前，按TA自己的到店间隔约35天一次');
    expect(made.find((d) => nameOf(d.customerId) === '美甲的小陈')!.reason).toBe(
      '上次美甲是20天前，按这个项目的常见周期约21天一次',
    );
  });

  it('asks card holders to top up when the balance covers fewer than three of their visits', async () => {
    expect(await run('member_card_low')).toMatchObject({ drafted: 2 });
    const made = await drafts('member_card_low');
    expect(made.map((d) => `${nameOf(d.customerId)}:${d.reason}`).sort()).toEqual([
      '刚染过的李姐:洗护次卡还剩1次',
      '卡快用完的周姐:护理储值卡余额约够1次消费',
    ]);
    expect(made.every((d) => !/[¥￥]|元/.test(d.text))).toBe(true); // no money the guardrails could not check
  });

  it('follows up a day after the service, once', async () => {
    expect(await run('after_service')).toMatchObject({ drafted: 1 });
    const [d] = await drafts('after_service');
    expect(nameOf(d!.customerId)).toBe('昨天剪发的孙哥');
    expect(d!.text).toContain('剪发做完这一天感觉怎么样');
    expect(await run('after_service')).toBe('already_done');
  });

  it('tells parents when a course package runs low, when the owner switches it on', async () => {
    await customer('乐乐妈妈', '13600000009');
    await post('course-packages', {
      packages: [
        {
          externalId: 'PK-1',
          course: '少儿英语',
          studentName: '乐乐',
          totalHours: 48,
          remainingHours: 4,
          customer: { phone: '13600000009' },
        },
        {
          externalId: 'PK-2',
          course: '钢琴',
          studentName: '乐乐',
          totalHours: 20,
          remainingHours: 12,
          customer: { phone: '13600000009' },
        },
        {
          externalId: 'PK-3',
          course: '美术',
          totalHours: 20,
          remainingHours: 1,
          expiresOn: '2026-10-01',
          customer: { phone: '13600000001' },
        },
      ],
    });
    expect(await run('class_hours_low')).toBe('disabled'); // not in a salon's template
    await setScenarios(w, { class_hours_low: { enabled: true, below: 5 } });
    expect(await run('class_hours_low')).toMatchObject({ drafted: 1 });
    const [d] = await drafts('class_hours_low');
    expect(d!.text).toBe(
      '乐乐妈妈您好，乐乐的少儿英语还剩4节课，为了不打断学习节奏，可以提前安排续课，有任何问题随时问我～',
    );
  });
});

describe('the owner’s trust and WeCom’s word', () => {
  // approvals send at the wall clock's time: not in the merchant's quiet hours, whenever the suite runs
  beforeAll(() => quietHoursAwayFromNow(w, NOW));

  it('sends an approved draft straight through 微信客服 to a customer who wrote there in the last 48 hours', async () => {
    const zhou = people['卡快用完的周姐']!;
    await w.kfCustomerWrites(zhou.externalUserId!, '你好，周末还能约护理吗？');
    const [draft] = (await drafts('member_card_low')).filter((d) => String(d.customerId) === String(zhou._id));
    const tasksBefore = w.standin.state.groupSendTasks.length;
    const res = await w.app.request(`/api/outreach/drafts/${draft!._id}/approve`, {
      token: w.tenant.tokens.owner,
      body: {},
    });
    expect(res.body).toMatchObject({ status: 'delivered' });
    expect(res.body.audit.map((a: { action: string }) => a.action)).toEqual(['drafted', 'approved', 'kf_sent']);
    expect(w.standin.state.kfSent.at(-1)).toMatchObject({
      touser: zhou.externalUserId,
      content: { content: draft!.text },
    });
    expect(w.standin.state.groupSendTasks.length).toBe(tasksBefore);
  });

  it('auto-sends a scenario the owner allows, and marks drafts delivered or failed from WeCom’s send results', async () => {
    await setScenarios(w, { after_service: { enabled: true, autoSend: true, hours: 24 } });
    const tomorrow = new Date(NOW.getTime() + DAY);
    await post('appointments', {
      appointments: [
        visit('S2', '13600000008', '烫发', -1 + 25 / 24),
        visit('S3', '13600000002', '护理', -1 + 25 / 24),
      ],
    });
    const tasksBefore = w.standin.state.groupSendTasks.length;
    expect(await run('after_service', tomorrow)).toMatchObject({ drafted: 2, sent: 2 });
    const sent = (await drafts('after_service')).filter((d) => d.day === '2026-11-24');
    expect(sent.map((d) => d.status)).toEqual(['sent', 'sent']);
    expect(sent[0]!.audit.map((a: { action: string }) => a.action)).toEqual([
      'drafted',
      'auto_approved',
      'group_send_requested',
      'group_send_created',
    ]);
    const tasks = w.standin.state.groupSendTasks.slice(tasksBefore);
    expect(tasks).toHaveLength(2);
    expect(tasks.every((t) => t.sender === w.tenant.people.staff.wecomUserId)).toBe(true);

    // The staff member confirms both in WeCom; one customer has meanwhile deleted them.
    for (const t of tasks) t.sentAt = Date.now();
    await w.standin.customers.deletesMember(
      w.corpId,
      w.tenant.people.staff.wecomUserId,
      people['刚染过的李姐']!.externalUserId!,
    );
    expect(await w.app.container.outreach.drafts.refreshDelivery(w.tenant.merchantId, tomorrow)).toEqual({
      delivered: 1,
      failed: 1,
    });
    const after = (await drafts('after_service')).filter((d) => d.day === '2026-11-24');
    expect(after.map((d) => `${nameOf(d.customerId)}:${d.status}`).sort()).toEqual([
      '三天前剪发的钱哥:delivered',
      '刚染过的李姐:failed',
    ]);
    expect(after.find((d) => d.status === 'failed')!.error).toBe('客户已不是好友，未送达');
    expect(await w.app.container.outreach.drafts.refreshDelivery(w.tenant.merchantId, tomorrow)).toEqual({
      delivered: 0,
      failed: 0,
    });
  });

  it('starts over from another industry’s template, keeping the contact policy', async () => {
    const owner = w.tenant.tokens.owner;
    const res = await w.app.request('/api/outreach/settings/template', {
      token: owner,
      body: { industry: '教育培训' },
    });
    expect(res.body.scenarios).toMatchObject({
      class_hours_low: { enabled: true },
      appointment_cycle: { enabled: false },
      after_service: { enabled: false, autoSend: false },
    });
    expect(
      (await w.app.request('/api/outreach/settings/template', { token: owner, body: { industry: '火星' } })).status,
    ).toBe(400);
    expect(
      (
        await w.app.request('/api/outreach/settings/template', {
          token: w.tenant.tokens.manager,
          body: { industry: '餐饮' },
        })
      ).status,
    ).toBe(403);
  });
});
