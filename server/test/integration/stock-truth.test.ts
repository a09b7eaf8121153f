// One stock truth: a POS stock report naming a menu product (by name, alias or a variant's SKU) sets that product's or
// variant's stock, which is what the bot then says; each shop's count is kept and the product's stock is their sum; a
// replay changes nothing, an older count after a newer one is ignored, an unknown item stays a stock item only, an
// unknown shop is a row error; another merchant's product of the same name is never touched. Orders carry their shop.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShop, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
let campusId: string;
let teaId: string;

const size = (value: string) => [{ name: '杯型', value }];
const TEA = {
  name: '杨枝甘露',
  category: '鲜果茶',
  variants: [
    { options: size('中杯'), price: 1600, stock: 20, sku: 'YZ-M' },
    { options: size('大杯'), price: 1900, stock: 20, sku: 'YZ-L' },
  ],
  aliases: ['杨枝'],
};
const stock = (items: unknown[], token = t.tokens.manager) =>
  app.request('/api/intake/stock', { token, body: { items } });
const ask = async (question: string) =>
  (await app.request('/api/learning/ask', { method: 'POST', token: t.tokens.owner, body: { question } })).body
    .offline as { reply: string };
const tea = async (merchant = t) =>
  (await app.container.repositories.products.findByNames(merchant.merchantId, ['杨枝甘露']))[0]!;
const version = () => app.container.knowledge.version.current(t.merchantId);

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  other = await buildTenant(app.container);
  campusId = (await buildShop(app.container, t.merchantId, { name: '大学城店' }))._id.toHexString();
  const created = await app.request('/api/knowledge/products', { token: t.tokens.manager, body: TEA });
  expect(created.status).toBe(201);
  teaId = created.body.id;
  await app.request('/api/knowledge/products', { token: other.tokens.manager, body: TEA });
  await app.request('/api/knowledge/products', {
    token: t.tokens.manager,
    body: { name: '芋泥波波', category: '奶茶', price: 1500, stock: 9 },
  });
});
afterAll(() => app.close());

describe('stock reports set the product the bot speaks of', () => {
  it('POS says 杨枝甘露 大杯 0: the bot says 大杯 sold out, 中杯 still there; the same report again changes nothing', async () => {
    const report = { externalId: '杨枝甘露', variant: '大杯', quantity: 0, at: '2026-11-30T10:00:00+08:00' };
    const first = await stock([report]);
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ received: 1, failed: [] });
    const after = await tea();
    expect(after.variants.map((v) => v.stock)).toEqual([20, 0]);
    expect(after.stock).toBe(20);
    const reply = (await ask('杨枝甘露还有吗')).reply;
    expect(reply).toMatch(/大杯已售罄/);
    expect(reply).toMatch(/中杯/);

    const v = await version();
    const updatedAt = (await tea()).updatedAt;
    await stock([report]);
    expect(await version()).toBe(v);
    expect((await tea()).updatedAt).toEqual(updatedAt);
    // another merchant's 杨枝甘露 is theirs alone
    expect((await tea(other)).variants.map((x) => x.stock)).toEqual([20, 20]);
  });

  it('an older count arriving after a newer one does not overwrite it', async () => {
    await stock([{ externalId: '杨枝', sku: 'YZ-M', quantity: 7, at: '2026-11-30T12:00:00+08:00' }]);
    expect((await tea()).variants[0]!.stock).toBe(7);
    await stock([{ externalId: '杨枝甘露', variant: '杯型=中杯', quantity: 15, at: '2026-11-30T11:00:00+08:00' }]);
    expect((await tea()).variants[0]!.stock).toBe(7);
  });

  it('keeps each shop’s count and makes the product’s stock their sum', async () => {
    const at = '2026-11-30T13:00:00+08:00';
    const res = await stock([
      { externalId: '芋泥波波', quantity: 4, shopId: t.shop._id.toHexString(), at },
      { externalId: '芋泥波波', quantity: 3, shopId: '大学城店', at },
    ]);
    expect(res.body).toMatchObject({ received: 2, failed: [] });
    const products = await app.container.repositories.products.list(t.merchantId);
    expect(products.find((p) => p.name === '芋泥波波')!.stock).toBe(7);
    await stock([{ externalId: '芋泥波波', quantity: 0, shopId: campusId, at: '2026-11-30T14:00:00+08:00' }]);
    const later = await app.container.repositories.products.list(t.merchantId);
    expect(later.find((p) => p.name === '芋泥波波')!.stock).toBe(4);
    // each shop's level is its own stock item for the alerts
    const items = await app.container.shopData.stock.list(t.merchantId);
    expect(items.map((i) => i.name)).toEqual(
      expect.arrayContaining([`芋泥波波（${t.shop.name}）`, '芋泥波波（大学城店）']),
    );
  });

  it('an item not on the menu stays a stock item; an unknown shop is a row error in Chinese', async () => {
    const before = await version();
    const res = await stock([
      { externalId: '芒果', quantity: 40 },
      { externalId: '杨枝甘露', variant: '超大杯', quantity: 1 },
      { externalId: '杨枝甘露', variant: '大杯', quantity: 5, shopId: '火星店' },
      { externalId: '杨枝甘露', variant: '大杯', quantity: 5, shopId: other.shop._id.toHexString() },
    ]);
    expect(res.status).toBe(200);
    expect(res.body.failed).toEqual([
      { index: 2, externalId: '杨枝甘露', errors: { shopId: '没有找到门店「火星店」' } },
      { index: 3, externalId: '杨枝甘露', errors: { shopId: `没有找到门店「${other.shop._id.toHexString()}」` } },
    ]);
    expect(await version()).toBe(before);
    expect((await tea()).variants.map((v) => v.stock)).toEqual([7, 0]);
    const items = await app.container.shopData.stock.list(t.merchantId, ['芒果']);
    expect(items).toHaveLength(1);
  });

  it('takes the shop and the variant from a POS sheet', async () => {
    const csv = '品名,规格,库存,门店,盘点时间\n杨枝甘露,大杯,6,大学城店,2026-11-30 15:00\n';
    const res = await app.request('/api/intake/stock/import', {
      token: t.tokens.manager,
      body: { format: 'csv', content: csv, dryRun: false },
    });
    expect(res.body).toMatchObject({ failed: [] });
    // 0 counted without a shop earlier, 6 at 大学城店 now
    expect((await tea()).variants.map((v) => v.stock)).toEqual([7, 6]);
    expect(teaId).toBeTruthy();
  });
});

describe('orders carry their shop', () => {
  it('stores the shop an order names, by id or name; an unknown shop is a row error', async () => {
    const order = (externalId: string, shopId?: string) => ({
      externalId,
      placedAt: '2026-11-30T12:00:00+08:00',
      channel: '堂食',
      amount: 1600,
      ...(shopId ? { shopId } : {}),
    });
    const res = await app.request('/api/intake/orders', {
      token: t.tokens.manager,
      body: { orders: [order('S-1', campusId), order('S-2', t.shop.name), order('S-3', '火星店')] },
    });
    expect(res.body).toMatchObject({
      created: 2,
      failed: [{ index: 2, errors: { shopId: '没有找到门店「火星店」' } }],
    });
    const stored = await app.container.repositories.orders.inRange(
      t.merchantId,
      new Date('2026-11-30T00:00:00+08:00'),
      new Date('2026-12-01T00:00:00+08:00'),
    );
    expect(stored).toHaveLength(2);
  });
});
