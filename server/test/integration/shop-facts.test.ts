// What customers ask besides products and policies: the merchant's facts (payment, delivery platforms, booking,
// couriers, ship-from, wifi, named others), each shop's parking, and the 客服 hours of sellers whose chat is staffed
// apart from a shop's opening hours. The owner's, recorded with who did it; the bot's knowledge renewed at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  other = await buildTenant(app.container);
});
afterAll(() => app.close());

const as = (token: string, method: string, path: string, body?: unknown) =>
  app.request(`/api/merchant${path}`, { method, token, body });
const FACTS = [
  { topic: 'payment', text: '微信、支付宝、现金都可以' },
  { topic: 'couriers', text: '默认中通，顺丰需补差价' },
  { topic: 'ship_from', text: '浙江杭州' },
  { topic: 'other', label: '宠物', text: '小型宠物可以抱着进店' },
];
const weekdays = (days: number[], open: string, close: string) => days.map((weekday) => ({ weekday, open, close }));

describe('the customer-facing facts', () => {
  it('saves them all at once, recorded with who did it, and the bot knows them at once', async () => {
    const before = await app.container.knowledge.version.current(t.merchantId);
    const res = await as(t.tokens.owner, 'PUT', '/facts', { facts: FACTS });
    expect(res.status).toBe(200);
    expect(res.body.facts).toEqual(FACTS);
    expect((await as(t.tokens.staff, 'GET', '')).body.facts).toEqual(FACTS);
    expect(await app.container.knowledge.version.current(t.merchantId)).not.toBe(before);
    const kb = await app.container.knowledge.base.get(t.merchantId);
    expect(kb.merchant.facts?.map((f) => f.topic)).toEqual(['payment', 'couriers', 'ship_from', 'other']);
    const [latest] = await app.container.operator.audit.list(t.merchantId);
    expect(latest).toMatchObject({
      action: 'merchant.facts_updated',
      actor: { kind: 'staff', id: t.people.owner._id.toHexString() },
    });
    expect((await as(other.tokens.owner, 'GET', '')).body.facts).toEqual([]);
  });

  it('names each wrong fact in Chinese: a topic twice, an unnamed other, empty or too long text', async () => {
    const res = await as(t.tokens.owner, 'PUT', '/facts', {
      facts: [
        { topic: 'payment', text: '微信' },
        { topic: 'payment', text: '现金' },
        { topic: 'other', text: '可以带宠物' },
        { topic: 'wifi', text: ' ' },
        { topic: 'booking', text: '约'.repeat(301) },
        { topic: 'parking', text: '地下停车场' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({
      'facts.3.text': '请填写内容',
      'facts.4.text': '每项最多 300 个字',
      'facts.5.topic': '请选择是哪一类信息',
    });
    const refined = await as(t.tokens.owner, 'PUT', '/facts', {
      facts: [
        { topic: 'payment', text: '微信' },
        { topic: 'payment', text: '现金' },
        { topic: 'other', text: '可以带宠物' },
      ],
    });
    expect(refined.body.fields).toEqual({
      'facts.1.topic': '「支付方式」填了两次，请合并成一项',
      'facts.2.label': '请写上这项叫什么',
    });
  });

  it('is the owner’s alone', async () => {
    for (const token of [t.tokens.manager, t.tokens.staff]) {
      expect((await as(token, 'PUT', '/facts', { facts: [] })).status).toBe(403);
      expect((await as(token, 'PUT', '/service-hours', { serviceHours: null })).status).toBe(403);
    }
  });
});

describe('客服 hours and closed days', () => {
  it('keeps 客服 hours apart from the shop’s, a weekday without a span closed, and null back to the shop’s', async () => {
    const hours = weekdays([1, 2, 3, 4, 5], '09:00', '18:00');
    const res = await as(t.tokens.owner, 'PUT', '/service-hours', { serviceHours: hours });
    expect(res.status).toBe(200);
    expect(res.body.serviceHours).toEqual(hours);
    const kb = await app.container.knowledge.base.get(t.merchantId);
    expect(kb.merchant.serviceHours?.map((s) => s.weekday)).toEqual([1, 2, 3, 4, 5]);
    const back = await as(t.tokens.owner, 'PUT', '/service-hours', { serviceHours: null });
    expect(back.body).not.toHaveProperty('serviceHours');
    expect((await app.container.operator.audit.list(t.merchantId))[0]!.action).toBe('merchant.service_hours_updated');
  });

  it('refuses a time that is not HH:mm, in Chinese', async () => {
    const res = await as(t.tokens.owner, 'PUT', '/service-hours', {
      serviceHours: [{ weekday: 1, open: '9点', close: '18:00' }],
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({ 'serviceHours.0.open': '时间格式应为 HH:mm' });
  });
});

describe('parking per shop', () => {
  const SHOP = { name: '春熙路店', address: '成都市锦江区春熙路 88 号', phone: '028-12345678' };

  it('saves a shop’s parking note, and an emptied one is removed', async () => {
    const id = t.shop._id.toHexString();
    const parked = await as(t.tokens.owner, 'PUT', `/shops/${id}`, {
      ...SHOP,
      parking: '商场 B2，消费满 50 免 2 小时',
    });
    expect(parked.status).toBe(200);
    expect(parked.body.parking).toBe('商场 B2，消费满 50 免 2 小时');
    const kb = await app.container.knowledge.base.get(t.merchantId);
    expect(kb.shops[0]!.parking).toBe('商场 B2，消费满 50 免 2 小时');
    const cleared = await as(t.tokens.owner, 'PUT', `/shops/${id}`, { ...SHOP, parking: '' });
    expect(cleared.body).not.toHaveProperty('parking');
    const tooLong = await as(t.tokens.owner, 'PUT', `/shops/${id}`, { ...SHOP, parking: '停'.repeat(201) });
    expect(tooLong.body.fields).toEqual({ parking: '停车说明最多 200 个字' });
  });

  it('answers 404 for another merchant’s shop', async () => {
    const res = await as(other.tokens.owner, 'PUT', `/shops/${t.shop._id.toHexString()}`, { ...SHOP, parking: 'x' });
    expect(res.status).toBe(404);
  });
});
