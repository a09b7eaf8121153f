import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineAnswer } from '../../src/modules/ai/offline-engine.js';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
});
afterAll(() => app.close());

describe('shop knowledge editing', () => {
  it('creates a product priced in fen, as everywhere on the wire, and the bot knows the new price at once', async () => {
    const res = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: {
        name: '桂花酒酿',
        category: '季节限定',
        price: 1650,
        specs: [{ name: '杯型', options: [{ label: '中杯' }, { label: '大杯', priceDelta: 300 }] }],
        tags: ['新品'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ name: '桂花酒酿', price: 1650 });
    const kb = await app.container.knowledge.base.get(t.merchantId);
    expect(offlineAnswer(kb, '桂花酒酿多少钱').reply).toBe('桂花酒酿中杯16.5元，大杯加3元。');

    const update = await app.request(`/api/knowledge/products/${res.body.id}`, {
      method: 'PUT',
      token: t.tokens.owner,
      body: { name: '桂花酒酿', category: '季节限定', price: 1800 },
    });
    expect(update.body.price).toBe(1800);
    expect(offlineAnswer(await app.container.knowledge.base.get(t.merchantId), '桂花酒酿多少钱').reply).toBe(
      '桂花酒酿18元。',
    );
  });

  it('keeps a change history with before and after', async () => {
    const faq = await app.request('/api/knowledge/faqs', {
      token: t.tokens.manager,
      body: { questions: ['可以带外食吗'], answer: '可以的，欢迎～' },
    });
    await app.request(`/api/knowledge/faqs/${faq.body.id}`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { questions: ['可以带外食吗'], answer: '可以，请保持桌面整洁～' },
    });
    await app.request(`/api/knowledge/faqs/${faq.body.id}`, { method: 'DELETE', token: t.tokens.manager });
    const history = (await app.request('/api/knowledge/history', { token: t.tokens.owner })).body.items.filter(
      (h: { entityId: string }) => h.entityId === faq.body.id,
    );
    expect(history.map((h: { action: string }) => h.action)).toEqual(['delete', 'update', 'create']);
    expect(history[1].before.answer).toBe('可以的，欢迎～');
    expect(history[1].after.answer).toBe('可以，请保持桌面整洁～');
    expect(history[1].staffId).toBe(String(t.people.manager._id));
  });

  it('validates input, lets staff read but not edit, and hides other merchants’ items', async () => {
    const bad = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: { name: '', category: '奶茶', price: -1 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toMatchObject({ name: '请填写商品名称', price: '价格不能为负' });
    // a price in yuan (16.5) is not fen: refused, never stored as ¥0.17
    const yuan = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: { name: '桂花酒酿', category: '季节限定', price: 16.5 },
    });
    expect(yuan.status).toBe(400);
    expect(yuan.body.fields).toMatchObject({ price: '金额应以分为单位（整数）' });
    expect(
      (await app.request('/api/knowledge/faqs', { token: t.tokens.staff, body: { questions: ['x'], answer: 'y' } }))
        .status,
    ).toBe(403);
    expect((await app.request('/api/knowledge/products', { token: t.tokens.staff })).status).toBe(200);
    const other = await buildTenant(app.container);
    const theirs = await app.request('/api/knowledge/policies', {
      token: other.tokens.owner,
      body: { kind: 'refund', title: '退款', content: '七天无理由' },
    });
    expect(
      (await app.request(`/api/knowledge/policies/${theirs.body.id}`, { method: 'DELETE', token: t.tokens.owner }))
        .status,
    ).toBe(404);
    expect((await app.request('/api/knowledge/policies', { token: t.tokens.owner })).body.items).toEqual([]);
    const edit = (id: string) =>
      app.request(`/api/knowledge/policies/${id}`, {
        method: 'PUT',
        token: t.tokens.owner,
        body: { kind: 'refund', title: '退款', content: '不退' },
      });
    expect((await edit(theirs.body.id)).status).toBe(404);
    expect((await edit('not-an-id')).status).toBe(400);
    const kept = await app.request('/api/knowledge/policies', { token: other.tokens.owner });
    expect(kept.body.items.map((p: { content: string }) => p.content)).toEqual(['七天无理由']);
  });

  it('renews the knowledge snapshot on every write of what it holds, with no caller asking', async () => {
    const { ai, knowledge, repositories } = app.container;
    const snapshot = () => knowledge.base.get(t.merchantId);
    let before = await snapshot();
    await knowledge.faqs.insertMany(t.merchantId, [{ questions: ['可以寄存吗'], answer: '可以，前台寄存～' }]);
    const withFaq = await snapshot();
    expect(withFaq).not.toBe(before);
    expect(withFaq.passages.some((p) => p.text.includes('前台寄存'))).toBe(true);

    before = withFaq;
    await repositories.products.insertMany(t.merchantId, [
      { name: '冬日热可可', category: '热饮', price: 1500, specs: [], tags: [], allergens: [], available: true },
    ]);
    const withProduct = await snapshot();
    expect(withProduct).not.toBe(before);
    expect(withProduct.products.map((p) => p.name)).toContain('冬日热可可');

    before = withProduct;
    await ai.llmSettings.save(t.merchantId, {
      baseUrl: 'https://llm.example.cn/v1',
      model: 'deepseek-chat',
      apiKeySealed: app.container.secrets.seal('sk-test-1234567890'),
      dailyTokenBudget: 1000,
    });
    expect(await snapshot()).not.toBe(before); // every process renews its engine with the snapshot
    await ai.llmSettings.remove(t.merchantId);

    // the merchant's settings and shops: each write renews it through the repository that makes it
    const { merchants, shops } = repositories;
    const renews = async (what: string, write: () => Promise<unknown>) => {
      const was = await snapshot();
      await write();
      expect(await snapshot(), what).not.toBe(was);
    };
    await renews('profile', () => merchants.updateProfile(t.merchantId, { name: '小二茶饮·新店名', industry: '餐饮' }));
    expect((await snapshot()).merchant.name).toBe('小二茶饮·新店名');
    const { businessHours } = (await snapshot()).merchant;
    await renews('hours', () => merchants.updateBusinessHours(t.merchantId, { businessHours, holidays: [] }));
    await renews('auto-reply', () => merchants.setAutoReplyMode(t.merchantId, 'always'));
    expect((await snapshot()).merchant.autoReply.mode).toBe('always');
    await renews('group calendar', () => merchants.setGroupCalendar(t.merchantId, 'vip', []));
    await renews('calendar reset', () => merchants.setGroupCalendar(t.merchantId, 'vip', undefined));
    await renews('weather', () => merchants.setWeatherLocation(t.merchantId, { id: '101020100', name: '上海' }));
    await renews('shop added', () => shops.insert(t.merchantId, 4, { name: '滨江店' }));
    const shop = (await snapshot()).shops.find((s) => s.name === '滨江店')!._id.toHexString();
    await renews('shop edit', () => shops.update(t.merchantId, shop, { name: '滨江二店', address: '江边路 1 号' }));
    await renews('shop removal', () => shops.remove(t.merchantId, shop));
    expect((await snapshot()).shops.map((s) => s.name)).not.toContain('滨江二店');

    // scripts are not part of the snapshot: writing one leaves it as it is
    before = await snapshot();
    await knowledge.scripts.insertMany(t.merchantId, [{ category: '欢迎', title: '问候', content: '您好～' }]);
    expect(await snapshot()).toBe(before);
  });

  it('answers from the owner’s new settings as soon as a settings route has saved them', async () => {
    const snapshot = () => app.container.knowledge.base.get(t.merchantId);
    await snapshot(); // this process holds a copy from before the change
    const mode = await app.request('/api/ai/auto-reply', {
      method: 'PUT',
      token: t.tokens.owner,
      body: { mode: 'off' },
    });
    expect(mode.status).toBe(200);
    expect((await snapshot()).merchant.autoReply.mode).toBe('off');
    const calendar = await app.request('/api/group-calendars/vip', {
      method: 'PUT',
      token: t.tokens.owner,
      body: { slots: [{ weekday: 2, at: '11:00', topic: 'weekly_tip', title: '周二小贴士' }] },
    });
    expect(calendar.status).toBe(200);
    expect((await snapshot()).merchant.groupCalendars?.vip?.map((s) => s.title)).toEqual(['周二小贴士']);
  });
});
