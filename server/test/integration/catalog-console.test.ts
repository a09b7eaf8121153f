// The console's catalogue pages, through the real server: a variant marked 今日售罄 is what the bot then says; the
// change history names who changed what, and the latest change of an item can be undone (an earlier one is 409);
// the aliases the bot matches besides the owner's are shown; another merchant's ids are 404, staff are 403, a wrong
// field is 400 with its Chinese message.
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

const size = (value: string) => [{ name: '杯型', value }];
const TEA = {
  name: '多肉葡萄',
  category: '鲜果茶',
  variants: [
    { options: size('中杯'), price: 1800, stock: 20 },
    { options: size('大杯'), price: 2200, stock: 20 },
  ],
  tags: ['爆款'],
};

type Change = { id: string; action: string; entityId: string; staffName?: string; undoOf?: string };
const history = async (token = t.tokens.manager) =>
  (await app.request('/api/knowledge/history', { token })).body.items as Change[];
const ask = async (question: string) =>
  (await app.request('/api/learning/ask', { method: 'POST', token: t.tokens.owner, body: { question } })).body
    .offline as { reply: string };
const undo = (id: string, token = t.tokens.manager) =>
  app.request(`/api/knowledge/changes/${id}/undo`, { method: 'POST', token });

describe('the catalogue console', () => {
  let id: string;

  it('marks one variant 今日售罄 and the bot says so; 恢复供应 brings it back', async () => {
    const created = await app.request('/api/knowledge/products', { token: t.tokens.manager, body: TEA });
    expect(created.status).toBe(201);
    id = created.body.id;
    const soldOut = await app.request(`/api/knowledge/products/${id}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { options: size('大杯'), available: false },
    });
    expect(soldOut.status).toBe(200);
    expect((await ask('多肉葡萄还有吗')).reply).toMatch(/大杯已售罄/);
    await app.request(`/api/knowledge/products/${id}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { options: size('大杯'), available: true },
    });
    expect((await ask('多肉葡萄还有吗')).reply).not.toMatch(/售罄/);
  });

  it('shows the aliases customers’ spellings already match, besides the owner’s', async () => {
    const res = await app.request('/api/knowledge/products/aliases', { token: t.tokens.staff });
    expect(res.status).toBe(200);
    const mine = (res.body.items as { id: string; generated: string[] }[]).find((i) => i.id === id);
    expect(mine?.generated).toEqual(expect.arrayContaining(['duorouputao', 'drpt', '葡萄']));
    const theirs = await app.request('/api/knowledge/products/aliases', { token: other.tokens.manager });
    expect(theirs.body.items).toEqual([]);
  });

  it('lists each change with who made it, and undoes the latest change of a product', async () => {
    const update = await app.request(`/api/knowledge/products/${id}`, {
      method: 'PUT',
      token: t.tokens.owner,
      // the page's 今日售罄 of a whole product: it and each of its variants
      body: { ...TEA, available: false, variants: TEA.variants.map((v) => ({ ...v, available: false })) },
    });
    expect(update.status).toBe(200);
    expect((await ask('多肉葡萄还有吗')).reply).toMatch(/售罄/);
    // newest first: this edit, the two variant toggles above (manager's), then the create
    const changes = await history();
    const [latest, first] = [changes[0], changes.at(-1)];
    expect(changes).toHaveLength(4);
    expect(latest).toMatchObject({ action: 'update', entityId: id, staffName: t.people.owner.name });
    expect(first).toMatchObject({ action: 'create', entityId: id, staffName: t.people.manager.name });

    // the create is no longer the product's latest change
    const stale = await undo(first!.id);
    expect(stale.status).toBe(409);
    expect(stale.body.message).toMatch(/最近/);

    const undone = await undo(latest!.id);
    expect(undone.status, JSON.stringify(undone.body)).toBe(200);
    expect(undone.body).toMatchObject({ action: 'update', entityId: id, undoOf: latest!.id });
    expect(undone.body.after).toMatchObject({ available: true });
    expect((await ask('多肉葡萄还有吗')).reply).not.toMatch(/售罄/);
    // the undo is itself in the history, by whoever undid it
    const [again] = await history();
    expect(again).toMatchObject({ id: undone.body.id, staffName: t.people.manager.name, undoOf: latest!.id });
  });

  it('undoes a delete (the product comes back with its id) and a create (it goes)', async () => {
    const removed = await app.request(`/api/knowledge/products/${id}`, { method: 'DELETE', token: t.tokens.manager });
    expect(removed.status).toBe(204);
    const [deletion] = await history();
    expect((await undo(deletion!.id)).status).toBe(200);
    const products = (await app.request('/api/knowledge/products', { token: t.tokens.staff })).body.items;
    expect(products).toEqual([expect.objectContaining({ id, name: '多肉葡萄', tags: ['爆款'] })]);

    const faq = await app.request('/api/knowledge/faqs', {
      token: t.tokens.manager,
      body: { questions: ['可以带宠物吗'], answer: '小型宠物可以抱着进店～' },
    });
    const [creation] = await history();
    expect(creation).toMatchObject({ action: 'create', entityId: faq.body.id });
    expect((await undo(creation!.id)).body).toMatchObject({ action: 'delete', entityId: faq.body.id });
    expect((await app.request('/api/knowledge/faqs', { token: t.tokens.manager })).body.items).toEqual([]);
  });

  it('keeps another merchant’s products and changes out of reach (404) and staff from editing (403)', async () => {
    const [latest] = await history();
    expect((await undo(latest!.id, other.tokens.owner)).status).toBe(404);
    expect((await undo('6566b0c0a1b2c3d4e5f60718')).status).toBe(404);
    expect((await undo('not-an-id')).status).toBe(400);
    expect((await undo(latest!.id, t.tokens.staff)).status).toBe(403);
    expect(
      (
        await app.request(`/api/knowledge/products/${id}/variant-stock`, {
          method: 'PUT',
          token: other.tokens.manager,
          body: { options: size('大杯'), available: false },
        })
      ).status,
    ).toBe(404);
    const byStaff = await app.request(`/api/knowledge/products/${id}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.staff,
      body: { options: size('大杯'), available: false },
    });
    expect(byStaff.status).toBe(403);
    expect((await app.request('/api/knowledge/history', { token: t.tokens.staff })).status).toBe(403);
  });

  it('refuses a wrong product with each field’s Chinese message', async () => {
    const res = await app.request(`/api/knowledge/products/${id}`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { ...TEA, name: ' ', variants: [{ options: size('中杯'), price: -1, stock: 1.5 }] },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({
      name: '请填写商品名称',
      'variants.0.price': '价格不能为负',
      'variants.0.stock': '库存应为整数',
    });
  });
});
