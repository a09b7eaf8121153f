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

    const orders = app.container.repositories.orders;
    expect(await orders.count(first.merchantId)).toBe(first.counts!.orders);
    // three months of history, none of it in the future
    const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
    expect(await orders.count(first.merchantId, { placedAt: { $lt: daysAgo(80) } })).toBeGreaterThan(0);
    expect(await orders.count(first.merchantId, { placedAt: { $gte: now } })).toBe(0);
    // the known customers' orders are theirs (walk-ins are nobody's): their profiles show their visits
    const linked = await orders.count(first.merchantId, { customerId: { $exists: true } });
    expect(linked).toBeGreaterThan(500);
    expect(linked).toBeLessThan(first.counts!.orders);
    const { items } = await app.container.repositories.customers.list(first.merchantId, { limit: 20 });
    const profiles = await Promise.all(
      items.map((c) => app.container.services.customerProfiles.byId(first.merchantId, String(c._id), 'owner')),
    );
    expect(profiles.filter((p) => p.insights.visits > 0).length).toBeGreaterThan(10);
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
  }, 120_000); // every setup step through its service, then three months of history, on a shared test machine

  it('is set up through the same steps an owner takes, and is live', async () => {
    const { merchantId } = await seedDemo(app.container, new Date('2026-11-23T04:00:00Z'));
    const c = app.container;
    // the operator created it, the owner went through every setup step and pressed 开始营业
    const actions = (await c.operator.audit.list(merchantId, 200)).map((e) => e.action);
    for (const step of [
      'merchant.created',
      'setup_link.redeemed',
      'merchant.hours_updated',
      'merchant.facts_updated',
      'shop.added',
      'staff.owner_claimed',
      'staff.shops_changed',
      'knowledge.template_applied',
      'merchant.went_live',
    ])
      expect(actions).toContain(step);
    expect((await c.goLive.service.launch(merchantId)).status).toBe('live');
    const merchant = await c.repositories.merchants.findById(merchantId);
    expect(merchant).toMatchObject({ demo: true, autoReply: { mode: 'always' } });
    expect((merchant!.facts ?? []).map((f) => f.topic)).toContain('payment');
    // the knowledge came in through the editor (its history names the owner), with no template blank left
    const { items: changes } = await c.knowledge.admin.changes(merchantId, { limit: 100 });
    expect(changes.length).toBeGreaterThan(20);
    expect(changes.every((ch) => ch.by === '陈老板')).toBe(true);
    const texts = [
      ...(await c.knowledge.admin.list(merchantId, 'faq')).flatMap((f) => [f.answer, ...f.questions]),
      ...(await c.knowledge.admin.list(merchantId, 'policy')).flatMap((p) => [p.title, p.content]),
      ...(await c.knowledge.admin.list(merchantId, 'script')).flatMap((s) => [s.title, s.content]),
    ];
    expect(texts.filter((t) => t.includes('【请填写'))).toEqual([]);
    const scripts = await c.knowledge.admin.list(merchantId, 'script');
    expect(scripts.filter((s) => s.title === '欢迎词')).toHaveLength(1);
    // the menu came from the sheet import, its cup sizes and sweetness from the editor
    const [pearl] = await c.repositories.products.findByNames(merchantId, ['招牌珍珠奶茶']);
    expect(pearl).toMatchObject({ price: 1200, category: '经典奶茶', tags: ['爆款'], allergens: ['牛奶'] });
    expect(pearl!.specs.map((g) => g.name)).toEqual(['杯型', '甜度', '温度']);
    const [mochi] = await c.repositories.products.findByNames(merchantId, ['手工麻薯']);
    expect(mochi).toMatchObject({ available: false, stock: 0, specs: [] });
    // the team: the owner claimed their WeCom member; roles and shops as the owner arranged them
    const staff = await c.repositories.staff.list(merchantId);
    expect(staff.filter((s) => s.active).map((s) => [s.wecomUserId, s.role, s.shopIds.length])).toEqual(
      expect.arrayContaining([
        ['ChenLaoBan', 'owner', 2],
        ['LinDianZhang', 'manager', 1],
        ['AMei', 'staff', 1],
        ['AJie', 'staff', 1],
      ]),
    );
    expect(staff.filter((s) => s.active)).toHaveLength(4);
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

  it('has questions its bot could not answer, grouped by meaning for the owner to answer', async () => {
    const now = new Date('2026-11-23T04:00:00Z');
    const { merchantId } = await seedDemo(app.container, now); // seeded above: the same merchant
    const groups = await app.container.learning.unanswered.groups(
      merchantId,
      new Date(now.getTime() - 14 * 86_400_000),
      now,
    );
    expect(groups.map((g) => [g.question, g.members.length])).toEqual([
      ['店里可以借充电宝吗', 3],
      ['门口能停车吗', 2],
      ['有儿童座椅吗', 1],
    ]);
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
