// The catalogue's photos, variant history, deletes and pages through the real server: a photo is uploaded (too big and
// not-a-picture refused in Chinese under its field), served only behind its signed, tenant-scoped link, and removed;
// a variant's 售罄/恢复 and stock are in the change history by who and undoable; an FAQ and a policy are deleted and
// the delete undone; the items and the history come a page at a time; a staff member cannot change a price.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_TOO_BIG, PHOTO_WRONG_TYPE, PRODUCT_PHOTO_MAX_BYTES } from '@xiaoer/common/api/catalog';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;

/** a real PNG: the console's own tab icon */
const PNG = readFileSync(new URL('../../../client-miniprogram/src/assets/tab/home-on.png', import.meta.url));
const size = (value: string) => [{ name: '杯型', value }];
const TEA = {
  name: '多肉葡萄',
  category: '鲜果茶',
  variants: [
    { options: size('中杯'), price: 1800, stock: 20 },
    { options: size('大杯'), price: 2200, stock: 20 },
  ],
  tags: [],
};

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  other = await buildTenant(app.container);
});
afterAll(() => app.close());

type Change = { id: string; action: string; entity: string; entityId: string; staffName?: string; after?: any };
const manager = () => t.tokens.manager;
const photo = (id: string, data: string, token = manager()) =>
  app.request(`/api/knowledge/products/${id}/photo`, { method: 'PUT', token, body: { data } });
/** the photo's bytes as a browser's <img> would fetch them: no session */
const fetchPhoto = async (url: string) => {
  const res = await fetch(app.url + url);
  return { status: res.status, type: res.headers.get('content-type'), bytes: Buffer.from(await res.arrayBuffer()) };
};

describe('product photos', () => {
  let id: string;
  let url: string;

  beforeAll(async () => {
    id = (await app.request('/api/knowledge/products', { token: manager(), body: TEA })).body.id;
  });

  it('uploads a photo, shown in the list through a signed link', async () => {
    const res = await photo(id, PNG.toString('base64'));
    expect(res.status).toBe(200);
    url = res.body.photoUrl;
    expect(url).toMatch(new RegExp(`^/api/product-photos/${t.merchant._id.toHexString()}/${id}\\?`));
    const list = (await app.request('/api/knowledge/products', { token: t.tokens.staff })).body.items;
    expect(list.find((p: { id: string }) => p.id === id).photoUrl).toBe(url);
    const served = await fetchPhoto(url);
    expect(served).toMatchObject({ status: 200, type: 'image/png' });
    expect(served.bytes.equals(PNG)).toBe(true);
  });

  it('refuses a photo too big or not a picture, saying so in Chinese under its field', async () => {
    const big = Buffer.concat([PNG, Buffer.alloc(PRODUCT_PHOTO_MAX_BYTES)]);
    const tooBig = await photo(id, big.toString('base64'));
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.fields).toEqual({ data: PHOTO_TOO_BIG });
    const pdf = await photo(id, Buffer.from('%PDF-1.4 not a picture').toString('base64'));
    expect(pdf.status).toBe(400);
    expect(pdf.body).toMatchObject({ message: PHOTO_WRONG_TYPE, fields: { data: PHOTO_WRONG_TYPE } });
    // a refused upload leaves the photo as it was
    expect((await fetchPhoto(url)).bytes.equals(PNG)).toBe(true);
  });

  it('serves a photo only behind its own signature: another merchant, product or a changed parameter is 404', async () => {
    const otherMerchant = url.replace(t.merchant._id.toHexString(), other.merchant._id.toHexString());
    expect((await fetchPhoto(otherMerchant)).status).toBe(404);
    expect((await fetchPhoto(url.replace(/s=[^&]+/, 's=' + 'A'.repeat(32)))).status).toBe(404);
    expect((await fetchPhoto(url.replace(/t=\d+/, 't=1'))).status).toBe(404);
    expect((await fetchPhoto(url.replace(/e=\d+/, 'e=1000'))).status).toBe(404);
  });

  it('keeps staff and other merchants from uploading (403, 404)', async () => {
    expect((await photo(id, PNG.toString('base64'), t.tokens.staff)).status).toBe(403);
    expect((await photo(id, PNG.toString('base64'), other.tokens.manager)).status).toBe(404);
  });

  it('a menu edit keeps the photo; removing it drops the link', async () => {
    const edited = await app.request(`/api/knowledge/products/${id}`, {
      method: 'PUT',
      token: manager(),
      body: { ...TEA, description: '当季葡萄' },
    });
    expect(edited.body.photoUrl).toBe(url);
    const removed = await app.request(`/api/knowledge/products/${id}/photo`, { method: 'DELETE', token: manager() });
    expect(removed.status).toBe(200);
    expect(removed.body.photoUrl).toBeUndefined();
    expect((await fetchPhoto(url)).status).toBe(404);
  });
});

describe('variant toggles in the history', () => {
  it('records a variant’s 售罄 and stock by who, and undoes them like a product edit', async () => {
    const { id } = (
      await app.request('/api/knowledge/products', { token: manager(), body: { ...TEA, name: '芝芝莓莓' } })
    ).body;
    const setVariant = (body: object, token = t.tokens.owner) =>
      app.request(`/api/knowledge/products/${id}/variant-stock`, { method: 'PUT', token, body });
    expect((await setVariant({ options: size('大杯'), available: false })).status).toBe(200);
    expect((await setVariant({ options: size('中杯'), stock: 5 }, manager())).status).toBe(200);
    const latest = (await app.request('/api/knowledge/history?limit=2', { token: manager() })).body.items as Change[];
    expect(latest.map((c) => [c.action, c.entityId, c.staffName])).toEqual([
      ['update', id, t.people.manager.name],
      ['update', id, t.people.owner.name],
    ]);
    expect(latest[1]!.after.variants[1]).toMatchObject({ available: false });
    // the stock change undone: 中杯 counts 20 again, 大杯 stays sold out; the 售罄 is no longer the latest change
    const undo = (changeId: string) =>
      app.request(`/api/knowledge/changes/${changeId}/undo`, { method: 'POST', token: t.tokens.owner });
    const undone = await undo(latest[0]!.id);
    expect(undone.body).toMatchObject({ action: 'update', staffName: t.people.owner.name, undoOf: latest[0]!.id });
    expect((await undo(latest[1]!.id)).status).toBe(409);
    const product = (await app.request('/api/knowledge/products', { token: manager() })).body.items.find(
      (p: { id: string }) => p.id === id,
    );
    expect(product.variants).toEqual([
      { options: size('中杯'), price: 1800, stock: 20, available: true },
      { options: size('大杯'), price: 2200, stock: 20, available: false },
    ]);
  });

  it('keeps staff from toggling (403) and another merchant’s product out of reach (404)', async () => {
    const { id } = (
      await app.request('/api/knowledge/products', { token: manager(), body: { ...TEA, name: '葡萄冻' } })
    ).body;
    const body = { options: size('大杯'), available: false };
    const path = `/api/knowledge/products/${id}/variant-stock`;
    expect((await app.request(path, { method: 'PUT', token: t.tokens.staff, body })).status).toBe(403);
    expect((await app.request(path, { method: 'PUT', token: other.tokens.manager, body })).status).toBe(404);
  });
});

describe('deleting FAQ and policies', () => {
  it('deletes an FAQ and a policy, each in the history and undoable', async () => {
    const faq = await app.request('/api/knowledge/faqs', {
      token: manager(),
      body: { questions: ['能带狗吗'], answer: '小型犬可以' },
    });
    const policy = await app.request('/api/knowledge/policies', {
      token: manager(),
      body: { kind: 'refund', title: '退款', content: '未制作可退' },
    });
    for (const [path, id] of [
      ['faqs', faq.body.id],
      ['policies', policy.body.id],
    ])
      expect((await app.request(`/api/knowledge/${path}/${id}`, { method: 'DELETE', token: manager() })).status).toBe(
        204,
      );
    expect((await app.request('/api/knowledge/faqs', { token: manager() })).body.items).toEqual([]);
    const [deleted] = (await app.request('/api/knowledge/history?limit=1', { token: manager() })).body
      .items as Change[];
    expect(deleted).toMatchObject({ action: 'delete', entity: 'policy', staffName: t.people.manager.name });
    await app.request(`/api/knowledge/changes/${deleted!.id}/undo`, { method: 'POST', token: manager() });
    expect((await app.request('/api/knowledge/policies', { token: manager() })).body.items).toMatchObject([
      { id: policy.body.id, title: '退款' },
    ]);
  });

  it('keeps staff from deleting (403)', async () => {
    const faq = await app.request('/api/knowledge/faqs', {
      token: manager(),
      body: { questions: ['几点关门'], answer: '十点' },
    });
    const res = await app.request(`/api/knowledge/faqs/${faq.body.id}`, { method: 'DELETE', token: t.tokens.staff });
    expect(res.status).toBe(403);
  });
});

describe('pages', () => {
  it('lists FAQ a page at a time, newest first, none repeated or skipped', async () => {
    const shop = await buildTenant(app.container);
    for (let i = 1; i <= 5; i++)
      await app.request('/api/knowledge/faqs', {
        token: shop.tokens.manager,
        body: { questions: [`问题${i}`], answer: `回答${i}` },
      });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const q = `limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await app.request(`/api/knowledge/faqs?${q}`, { token: shop.tokens.staff })).body;
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((f: { questions: string[] }) => f.questions[0]));
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['问题5', '问题4', '问题3', '问题2', '问题1']);
    // without a limit, the whole list (the setup step reads it so)
    expect((await app.request('/api/knowledge/faqs', { token: shop.tokens.staff })).body.items).toHaveLength(5);
  });

  it('pages the history, and refuses a made-up cursor', async () => {
    const first = (await app.request('/api/knowledge/history?limit=3', { token: manager() })).body;
    expect(first.items).toHaveLength(3);
    const next = (
      await app.request(`/api/knowledge/history?limit=3&cursor=${encodeURIComponent(first.nextCursor)}`, {
        token: manager(),
      })
    ).body;
    const ids = [...first.items, ...next.items].map((c: Change) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const bad = await app.request('/api/knowledge/history?cursor=%7B%22%24gt%22%3A1%7D', { token: manager() });
    expect(bad.status).toBe(400);
  });
});

describe('role rules', () => {
  it('a staff member cannot change a price', async () => {
    const cake = { name: '芒果千层', category: '甜品', price: 3200, tags: [] };
    const { id } = (await app.request('/api/knowledge/products', { token: manager(), body: cake })).body;
    const res = await app.request(`/api/knowledge/products/${id}`, {
      method: 'PUT',
      token: t.tokens.staff,
      body: { ...cake, price: 100 },
    });
    expect(res.status).toBe(403);
    const list = (await app.request('/api/knowledge/products', { token: t.tokens.staff })).body.items;
    expect(list.find((p: { id: string }) => p.id === id).price).toBe(3200);
  });
});
