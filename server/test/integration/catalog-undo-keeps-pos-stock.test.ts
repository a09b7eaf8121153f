// Undoing a menu edit puts back only what that edit changed: a price change undone after the POS reported new stock
// restores the price and keeps the POS's count (of a variant and of a plain product); a stock the owner set and the
// POS counted again since stays the POS's; the other fields stay as they are now.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;

const size = (value: string) => [{ name: '杯型', value }];
const TEA = {
  name: '杨枝甘露',
  category: '鲜果茶',
  variants: [
    { options: size('中杯'), price: 1600, stock: 20, sku: 'YZ-M' },
    { options: size('大杯'), price: 1900, stock: 20, sku: 'YZ-L' },
  ],
};
const BOBA = { name: '芋泥波波', category: '奶茶', price: 1500, stock: 9 };

const stock = (items: unknown[]) => app.request('/api/intake/stock', { token: t.tokens.manager, body: { items } });
const put = (id: string, body: unknown) =>
  app.request(`/api/knowledge/products/${id}`, { method: 'PUT', token: t.tokens.owner, body });
const latestChange = async () =>
  ((await app.request('/api/knowledge/history', { token: t.tokens.manager })).body.items as { id: string }[])[0]!;
const undoLatest = async () =>
  app.request(`/api/knowledge/changes/${(await latestChange()).id}/undo`, { method: 'POST', token: t.tokens.owner });
const product = (id: string) => app.container.repositories.products.findById(t.merchantId, id);

let teaId: string;
let bobaId: string;

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  teaId = (await app.request('/api/knowledge/products', { token: t.tokens.manager, body: TEA })).body.id;
  bobaId = (await app.request('/api/knowledge/products', { token: t.tokens.manager, body: BOBA })).body.id;
  expect(teaId && bobaId).toBeTruthy();
});
afterAll(() => app.close());

describe('undoing a price change after the POS counted stock', () => {
  it('restores the variant’s price and keeps the POS’s count', async () => {
    const dearer = TEA.variants.map((v) => (v.sku === 'YZ-L' ? { ...v, price: 2100 } : v));
    expect((await put(teaId, { ...TEA, variants: dearer })).status).toBe(200);
    const pos = await stock([{ externalId: '杨枝甘露', sku: 'YZ-L', quantity: 5, at: '2026-11-30T10:00:00+08:00' }]);
    expect(pos.body).toMatchObject({ received: 1, failed: [] });
    expect((await product(teaId))!.variants.map((v) => v.stock)).toEqual([20, 5]);

    const undone = await undoLatest();
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    const after = (await product(teaId))!;
    expect(after.variants.map((v) => [v.sku, v.price, v.stock])).toEqual([
      ['YZ-M', 1600, 20],
      ['YZ-L', 1900, 5],
    ]);
  });

  it('restores a plain product’s price and keeps the POS’s count and a later edit’s other fields', async () => {
    expect((await put(bobaId, { ...BOBA, price: 1700 })).status).toBe(200);
    await stock([{ externalId: '芋泥波波', quantity: 2, at: '2026-11-30T10:00:00+08:00' }]);
    expect((await undoLatest()).status).toBe(200);
    expect(await product(bobaId)).toMatchObject({ price: 1500, stock: 2, name: '芋泥波波', category: '奶茶' });
  });

  it('leaves a stock the owner set and the POS counted again since as the POS counted it', async () => {
    const set = await app.request(`/api/knowledge/products/${teaId}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.owner,
      body: { sku: 'YZ-M', stock: 8 },
    });
    expect(set.status, JSON.stringify(set.body)).toBe(200);
    await stock([{ externalId: '杨枝甘露', sku: 'YZ-M', quantity: 3, at: '2026-11-30T11:00:00+08:00' }]);
    expect((await undoLatest()).status).toBe(200);
    expect((await product(teaId))!.variants.map((v) => v.stock)).toEqual([3, 5]);
  });

  it('still undoes a stock the owner set when nothing counted it since', async () => {
    await app.request(`/api/knowledge/products/${teaId}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.owner,
      body: { sku: 'YZ-M', stock: 12 },
    });
    expect((await undoLatest()).status).toBe(200);
    expect((await product(teaId))!.variants.map((v) => v.stock)).toEqual([3, 5]);
  });
});
