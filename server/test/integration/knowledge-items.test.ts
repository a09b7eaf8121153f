// The knowledge editor's answers: each kind of item with its id as a string and nothing of the tenant or the
// bookkeeping (the contract check fails the request on any extra field), and the history in the same shape.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
});
afterAll(() => app.close());

const INTERNALS = ['_id', 'merchantId', '__v', 'createdAt', 'updatedAt'];

describe('knowledge items on the wire', () => {
  it('answers every kind through its presenter, in the list too', async () => {
    const created = {
      faqs: { questions: ['几点开门'], answer: '每天 10 点～' },
      policies: { kind: 'delivery', title: '配送', content: '3 公里内免配送费' },
      products: { name: '柠檬茶', category: '茶饮', price: 1200, stock: 30 },
      scripts: {
        category: '欢迎',
        title: '新客欢迎',
        content: '{客户称呼}您好，欢迎光临～',
        attachment: { kind: 'link', title: '本周菜单', url: 'https://shop.example.cn/menu' },
      },
    };
    for (const [path, body] of Object.entries(created)) {
      const res = await app.request(`/api/knowledge/${path}`, { token: t.tokens.manager, body });
      expect(res.status, path).toBe(201);
      expect(res.body.id, path).toMatch(/^[0-9a-f]{24}$/);
      for (const internal of INTERNALS) expect(res.body, `${path} ${internal}`).not.toHaveProperty(internal);
      const list = await app.request(`/api/knowledge/${path}`, { token: t.tokens.staff });
      expect(list.status, path).toBe(200);
      expect(list.body.items[0], path).toEqual(res.body);
    }
    const product = (await app.request('/api/knowledge/products', { token: t.tokens.staff })).body.items[0];
    expect(product).toEqual({
      id: product.id,
      name: '柠檬茶',
      category: '茶饮',
      price: 1200,
      specs: [],
      variants: [],
      attributes: [],
      aliases: [],
      tags: [],
      allergens: [],
      stock: 30,
      available: true,
    });
    const script = (await app.request('/api/knowledge/scripts', { token: t.tokens.staff })).body.items[0];
    expect(script).toMatchObject({ usageCount: 0, attachment: created.scripts.attachment });
  });

  it('keeps the history in the editor’s shape, and only managers read it', async () => {
    const script = await app.request('/api/knowledge/scripts', {
      token: t.tokens.manager,
      body: { category: '售后', title: '致歉', content: '非常抱歉给您添麻烦了' },
    });
    await app.request(`/api/knowledge/scripts/${script.body.id}`, {
      method: 'PUT',
      token: t.tokens.owner,
      body: { category: '售后', title: '致歉', content: '非常抱歉，马上为您处理' },
    });
    const history = await app.request('/api/knowledge/history', { token: t.tokens.manager });
    const update = history.body.items.find(
      (h: { entityId: string; action: string }) => h.entityId === script.body.id && h.action === 'update',
    );
    expect(update).toMatchObject({
      entity: 'script',
      staffId: String(t.people.owner._id),
      before: { id: script.body.id, content: '非常抱歉给您添麻烦了', usageCount: 0 },
      after: { id: script.body.id, content: '非常抱歉，马上为您处理' },
    });
    expect(update.after).not.toHaveProperty('merchantId');
    expect((await app.request('/api/knowledge/history', { token: t.tokens.staff })).status).toBe(403);
  });

  it('refuses a malformed id, another merchant’s item and a staff member’s import', async () => {
    expect(
      (await app.request('/api/knowledge/scripts/nope', { method: 'DELETE', token: t.tokens.manager })).status,
    ).toBe(400);
    const other = await buildTenant(app.container);
    const theirs = await app.request('/api/knowledge/faqs', {
      token: other.tokens.owner,
      body: { questions: ['能停车吗'], answer: '门口可停' },
    });
    expect(
      (
        await app.request(`/api/knowledge/faqs/${theirs.body.id}`, {
          method: 'PUT',
          token: t.tokens.owner,
          body: { questions: ['能停车吗'], answer: '不能' },
        })
      ).status,
    ).toBe(404);
    const sheet = { format: 'csv', content: '名称,分类,价格\n柠檬茶,茶饮,12', dryRun: true };
    expect((await app.request('/api/knowledge/products/import', { token: t.tokens.staff, body: sheet })).status).toBe(
      403,
    );
  });
});
