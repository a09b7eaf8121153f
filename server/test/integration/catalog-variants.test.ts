// Products hold what customers ask: each variant (颜色×尺码, 中杯/大杯) with its own price and stock, attributes
// (材质, 产地 …) and the owner's aliases. The product's price is its lowest variant's; its stock the variants' sum
// when each counts stock. A variant's stock is set on its own (a POS feed, "黄色 L 码卖完了"); another merchant's
// product is 404; the bot's knowledge is renewed on every write.
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

const opts = (colour: string, size: string) => [
  { name: '颜色', value: colour },
  { name: '尺码', value: size },
];
const TEE = {
  name: '纯棉圆领T恤',
  category: '上衣',
  variants: [
    { options: opts('黄色', 'M'), price: 8900, stock: 5 },
    { options: opts('黄色', 'L'), price: 8900, stock: 0 },
    { options: opts('白色', 'L'), price: 7900, stock: 12, sku: 'TEE-W-L' },
  ],
  attributes: [
    { name: '材质', value: '100% 棉' },
    { name: '产地', value: '广东佛山' },
    { name: '保养', value: '30 度以下水洗，不可漂白' },
  ],
  aliases: ['白T', 'tee'],
};
const products = (token = t.tokens.manager) => app.request('/api/knowledge/products', { token });

describe('products with variants, attributes and aliases', () => {
  let id: string;

  it('creates a product from its variants: the lowest variant price, the stock their sum', async () => {
    const versionBefore = await app.container.knowledge.version.current(t.merchantId);
    const res = await app.request('/api/knowledge/products', { token: t.tokens.manager, body: TEE });
    expect(res.status).toBe(201);
    id = res.body.id;
    expect(res.body).toMatchObject({
      name: '纯棉圆领T恤',
      price: 7900,
      stock: 17,
      available: true,
      variants: [
        { options: opts('黄色', 'M'), price: 8900, stock: 5, available: true },
        { options: opts('黄色', 'L'), price: 8900, stock: 0, available: true },
        { options: opts('白色', 'L'), price: 7900, stock: 12, available: true, sku: 'TEE-W-L' },
      ],
      attributes: TEE.attributes,
      aliases: ['白T', 'tee'],
      specs: [],
    });
    expect(await app.container.knowledge.version.current(t.merchantId)).not.toBe(versionBefore);
    const kb = await app.container.knowledge.base.get(t.merchantId);
    expect(kb.products.find((p) => p.name === '纯棉圆领T恤')?.variants).toHaveLength(3);
  });

  it('sets one variant’s stock: only that one changes, and the product’s total follows', async () => {
    const res = await app.request(`/api/knowledge/products/${id}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { options: [...opts('黄色', 'L')].reverse(), stock: 3 },
    });
    expect(res.status).toBe(200);
    expect(res.body.variants.map((v: { stock: number }) => v.stock)).toEqual([5, 3, 12]);
    expect(res.body.stock).toBe(20);
    const bySku = await app.request(`/api/knowledge/products/${id}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { sku: 'TEE-W-L', available: false },
    });
    expect(bySku.body.variants[2]).toMatchObject({ stock: 12, available: false });
    // a variant that stops counting stock leaves the product's total unknown, not "8 left"
    const uncounted = await app.request(`/api/knowledge/products/${id}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { options: opts('黄色', 'M'), stock: null },
    });
    expect(uncounted.body.variants[0]).not.toHaveProperty('stock');
    expect(uncounted.body).not.toHaveProperty('stock');
    const stored = await app.container.repositories.products.findById(t.merchantId, id);
    expect(stored!.variants.map((v) => v.stock)).toEqual([undefined, 3, 12]);
  });

  it('lands two stock changes of two variants made at the same moment', async () => {
    const repo = app.container.repositories.products;
    await Promise.all([
      repo.setVariantStock(t.merchantId, { id }, { options: opts('黄色', 'M') }, { stock: 7 }),
      repo.setVariantStock(t.merchantId, { name: '纯棉圆领T恤' }, { sku: 'TEE-W-L' }, { stock: 9 }),
    ]);
    const stored = await repo.findById(t.merchantId, id);
    expect(stored!.variants.map((v) => v.stock)).toEqual([7, 3, 9]);
    expect(stored!.stock).toBe(19);
  });

  it('replaces variants on update, the price following the cheapest', async () => {
    const res = await app.request(`/api/knowledge/products/${id}`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { ...TEE, variants: [{ options: opts('黑色', 'XL'), price: 9900 }], aliases: [] },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ price: 9900, aliases: [], variants: [{ options: opts('黑色', 'XL') }] });
    expect(res.body).not.toHaveProperty('stock');
  });

  it('keeps a product without variants as before, its add-on specs and allergens too', async () => {
    const res = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: {
        name: '杨枝甘露',
        category: '鲜果茶',
        price: 1800,
        stock: 30,
        specs: [{ name: '甜度', options: [{ label: '少糖' }, { label: '全糖' }] }],
        allergens: ['牛奶'],
        attributes: [{ name: '保质期', value: '现做现喝，2 小时内' }],
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ price: 1800, stock: 30, variants: [], allergens: ['牛奶'] });
    const cleared = await app.request(`/api/knowledge/products/${res.body.id}`, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { name: '杨枝甘露', category: '鲜果茶', price: 1900 },
    });
    expect(cleared.body).toMatchObject({ price: 1900, allergens: [], attributes: [] });
    expect(cleared.body).not.toHaveProperty('stock');
  });

  it('names each wrong field in Chinese', async () => {
    const res = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: {
        name: '卫衣',
        category: '上衣',
        variants: [
          { options: opts('灰色', 'M'), price: 12.5 },
          { options: [], price: 100 },
          { options: [...opts('灰色', 'M')].reverse(), price: 100, stock: -1 },
        ],
        attributes: [
          { name: '材质', value: '棉' },
          { name: '材质', value: '' },
        ],
        aliases: [''],
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.fields).toMatchObject({
      'variants.0.price': '金额应以分为单位（整数）',
      'variants.1.options': '请填写规格，如 颜色=黄色',
      'variants.2.stock': '库存不能为负',
      'attributes.1.value': '属性的值不能为空',
      'aliases.0': '别名不能为空',
    });
    const noPrice = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: { name: '卫衣', category: '上衣' },
    });
    expect(noPrice.body.fields).toEqual({ price: '请填写价格' });
    const twice = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: {
        name: '卫衣',
        category: '上衣',
        variants: [
          { options: opts('灰色', 'M'), price: 100 },
          { options: [...opts('灰色', 'M')].reverse(), price: 100 },
        ],
      },
    });
    expect(twice.body.fields).toEqual({ 'variants.1.options': '规格「尺码=M;颜色=灰色」重复了' });
    const sameCode = await app.request('/api/knowledge/products', {
      token: t.tokens.manager,
      body: {
        name: '卫衣',
        category: '上衣',
        variants: [
          { options: opts('灰色', 'M'), price: 100, sku: 'HD-1' },
          { options: opts('灰色', 'L'), price: 100, sku: 'HD-1' },
        ],
      },
    });
    expect(sameCode.body.fields).toEqual({ 'variants.1.sku': '编码「HD-1」重复了' });
  });

  it('answers 404 for another merchant’s product and for a variant the product does not have', async () => {
    const body = { options: opts('黑色', 'XL'), stock: 1 };
    const path = `/api/knowledge/products/${id}/variant-stock`;
    expect((await app.request(path, { method: 'PUT', token: other.tokens.manager, body })).status).toBe(404);
    expect(
      (await app.request(`/api/knowledge/products/${id}`, { method: 'PUT', token: other.tokens.manager, body: TEE }))
        .status,
    ).toBe(404);
    const missing = await app.request(path, {
      method: 'PUT',
      token: t.tokens.manager,
      body: { options: opts('紫色', 'S'), stock: 1 },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('没有找到这个商品或规格');
    expect((await products(other.tokens.manager)).body.items).toEqual([]);
  });

  it('lets staff read and only managers set stock', async () => {
    const res = await app.request(`/api/knowledge/products/${id}/variant-stock`, {
      method: 'PUT',
      token: t.tokens.staff,
      body: { options: opts('黑色', 'XL'), stock: 1 },
    });
    expect(res.status).toBe(403);
    expect((await products(t.tokens.staff)).status).toBe(200);
  });
});
