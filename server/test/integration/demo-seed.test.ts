import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api', env: { DEMO_MODE: 'true' } });
});
afterAll(() => app.close());

describe('demo merchant', () => {
  it('seeds a milk-tea shop with staff, ~200 customers, a menu and three months of orders, once', async () => {
    const now = new Date('2026-11-23T04:00:00Z');
    const first = await seedDemo(app.container, now);
    expect(first.created).toBe(true);
    expect(first.counts).toMatchObject({ customers: 200, staff: 4 });
    expect(first.counts!.products).toBeGreaterThanOrEqual(15);
    expect(first.counts!.orders).toBeGreaterThan(2000);

    const again = await seedDemo(app.container, now);
    expect(again).toEqual({ created: false, merchantId: first.merchantId });

    const orders = app.container.mongo.collection('orders');
    expect(await orders.countDocuments()).toBe(first.counts!.orders);
    const [span] = await orders
      .aggregate([{ $group: { _id: null, min: { $min: '$placedAt' }, max: { $max: '$placedAt' } } }])
      .toArray();
    expect((now.getTime() - span!.min.getTime()) / 86_400_000).toBeGreaterThan(80);
    expect(span!.max.getTime()).toBeLessThan(now.getTime());
    // some customers have drifted away (no order for 30+ days): the win-back scenarios need them
    const lapsed = await app.container.repositories.customers.count(first.merchantId, {
      lastContactAt: { $lt: new Date(now.getTime() - 30 * 86_400_000) },
    });
    expect(lapsed).toBeGreaterThan(20);
    // stock and reviews came in through the intake, and the owner has alerts waiting
    const alerts = await app.container.alerts.service.list(first.merchantId, 'open');
    expect(alerts.map((a) => a.title).sort()).toEqual(
      ['库存偏低：芒果', '库存告急：芋泥', '库存偏低：鲜牛奶', '差评预警：饿了么 1星'].sort(),
    );
  });

  it('logs in as a demo owner in demo mode and sees the demo customers', async () => {
    const login = await app.request('/api/auth/demo-login', { body: { role: 'owner' } });
    expect(login.status).toBe(200);
    expect(login.body.staff).toMatchObject({ name: '陈老板', role: 'owner' });
    const me = await app.request('/api/auth/me', { token: login.body.token });
    expect(me.body).toMatchObject({ name: '陈老板', wecomUserId: 'ChenLaoBan' });
    const list = await app.request('/api/customers?limit=100', { token: login.body.token });
    expect(list.body.items).toHaveLength(100);
    expect(list.body.nextCursor).toBeTruthy();
  });
});

describe('demo login outside demo mode', () => {
  let prod: TestApp;
  beforeAll(async () => {
    prod = await startTestApp({ role: 'api' });
  });
  afterAll(() => prod.close());

  it('does not exist', async () => {
    await seedDemo(prod.container);
    const res = await prod.request('/api/auth/demo-login', { body: { role: 'owner' } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'demo_disabled', message: '体验登录未开启' });
  });
});
