// The owner's business step of the setup: the merchant's name and industry, its shops (one to five, each with
// address and phone) and its opening hours, each change recorded in the merchant's audit list with who made it, and
// the bot's knowledge renewed at once. Owner only; another merchant's shop is simply not there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShop, buildTenant } from '../support/factories.js';
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

const SHOP = { name: '春熙路店', address: '成都市锦江区春熙路 88 号', phone: '028-12345678' };
const as = (token: string, method: string, path: string, body?: unknown) =>
  app.request(`/api/merchant${path}`, { method, token, body });
const auditOf = async (tenant = t) =>
  (await app.container.operator.audit.list(tenant.merchantId)).map((e) => ({
    action: e.action,
    actor: e.actor,
    target: e.target,
  }));
const ownerActor = () => ({ kind: 'staff', id: t.people.owner._id.toHexString() });

describe('the business: name and industry', () => {
  it('lets the owner rename the business and change its industry, recorded with who did it', async () => {
    const res = await as(t.tokens.owner, 'PUT', '/profile', { name: ' 茶语时光 ', industry: '零售' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: '茶语时光', industry: '零售', shops: [{ id: t.shop._id.toHexString() }] });
    expect((await as(t.tokens.staff, 'GET', '')).body).toMatchObject({ name: '茶语时光', industry: '零售' });
    expect((await auditOf())[0]).toEqual({
      action: 'merchant.profile_updated',
      actor: ownerActor(),
      target: t.merchantId,
    });
    expect((await app.container.knowledge.base.get(t.merchantId)).merchant.name).toBe('茶语时光');
    expect((await as(other.tokens.owner, 'GET', '')).body.name).toBe(other.merchant.name); // the other is untouched
  });

  it('is the owner’s alone', async () => {
    for (const token of [t.tokens.manager, t.tokens.staff])
      expect((await as(token, 'PUT', '/profile', { name: '改名', industry: '餐饮' })).status).toBe(403);
  });

  it('names each wrong field in Chinese', async () => {
    const res = await as(t.tokens.owner, 'PUT', '/profile', { name: '', industry: '美容美发' });
    expect(res.status).toBe(400);
    expect(res.body.fields).toEqual({
      name: '请填写店铺名称',
      industry: '行业请从这几项里选：餐饮、零售、电商、本地服务、教育培训',
    });
    const smuggled = await as(t.tokens.owner, 'PUT', '/profile', {
      name: '茶语',
      industry: '餐饮',
      merchantId: other.merchantId,
    });
    expect(smuggled.status).toBe(400);
  });
});

describe('the shops', () => {
  it('adds a shop with its address and phone, which the bot knows at once', async () => {
    const res = await as(t.tokens.owner, 'POST', '/shops', { ...SHOP, phone: '138 0013 8000' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({ id: expect.any(String), ...SHOP, phone: '13800138000' });
    expect((await auditOf())[0]).toEqual({ action: 'shop.added', actor: ownerActor(), target: res.body.id });
    const kb = await app.container.knowledge.base.get(t.merchantId);
    expect(kb.shops.map((s) => s.address)).toContain(SHOP.address);
  });

  it('edits a shop, and refuses a phone nobody could dial', async () => {
    const shopId = t.shop._id.toHexString();
    const bad = await as(t.tokens.owner, 'PUT', `/shops/${shopId}`, { ...SHOP, name: '总店', phone: '12345' });
    expect(bad.status).toBe(400);
    expect(bad.body.fields).toEqual({ phone: '电话格式不对：手机号 11 位，座机请带区号，如 028-12345678' });
    const missing = await as(t.tokens.owner, 'PUT', `/shops/${shopId}`, { name: '总店' });
    expect(missing.body.fields).toMatchObject({ address: expect.any(String), phone: expect.any(String) });
    const res = await as(t.tokens.owner, 'PUT', `/shops/${shopId}`, { ...SHOP, name: '总店' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: shopId, ...SHOP, name: '总店' });
    expect((await auditOf())[0]).toEqual({ action: 'shop.updated', actor: ownerActor(), target: shopId });
  });

  it('holds at most five shops', async () => {
    const count = (await as(t.tokens.owner, 'GET', '')).body.shops.length as number;
    for (let i = count; i < 5; i++) expect((await as(t.tokens.owner, 'POST', '/shops', SHOP)).status).toBe(201);
    const sixth = await as(t.tokens.owner, 'POST', '/shops', SHOP);
    expect(sixth.status).toBe(409);
    expect(sixth.body.message).toBe('每个商户最多 5 家门店');
  });

  it('removes a shop nobody belongs to, and keeps one whose staff would be left without it', async () => {
    const [, spare] = (await as(t.tokens.owner, 'GET', '')).body.shops as { id: string }[];
    expect((await as(t.tokens.owner, 'DELETE', `/shops/${spare!.id}`)).status).toBe(204);
    expect((await auditOf())[0]).toEqual({ action: 'shop.removed', actor: ownerActor(), target: spare!.id });
    const shopIds = ((await as(t.tokens.owner, 'GET', '')).body.shops as { id: string }[]).map((s) => s.id);
    expect(shopIds).not.toContain(spare!.id);
    expect((await as(t.tokens.owner, 'DELETE', `/shops/${spare!.id}`)).status).toBe(404);

    const staffed = await buildShop(app.container, t.merchantId, { address: '成都市武侯区' });
    const shopId = staffed._id.toHexString();
    await app.container.repositories.staff.insertMany(t.merchantId, [
      { wecomUserId: 'shop-member', name: '小李', role: 'staff', shopIds: [staffed._id], active: true },
    ]);
    const kept = await as(t.tokens.owner, 'DELETE', `/shops/${shopId}`);
    expect(kept.status).toBe(409);
    expect(kept.body.message).toBe('还有 1 位员工属于这家门店，请先在「员工」里调整他们的门店');
  });

  it('is the owner’s alone, and another merchant’s shop is not there (404, unchanged)', async () => {
    const theirs = other.shop._id.toHexString();
    for (const token of [t.tokens.manager, t.tokens.staff]) {
      expect((await as(token, 'POST', '/shops', SHOP)).status).toBe(403);
      expect((await as(token, 'DELETE', `/shops/${theirs}`)).status).toBe(403);
    }
    expect((await as(t.tokens.owner, 'PUT', `/shops/${theirs}`, SHOP)).status).toBe(404);
    expect((await as(t.tokens.owner, 'DELETE', `/shops/${theirs}`)).status).toBe(404);
    const theirShops = (await as(other.tokens.owner, 'GET', '')).body.shops;
    expect(theirShops).toEqual([{ id: theirs, name: other.shop.name }]);
    expect(await auditOf(other)).toEqual([]);
    const malformed = await as(t.tokens.owner, 'PUT', '/shops/not-an-id', SHOP);
    expect(malformed.status).toBe(400);
    expect(malformed.body.fields).toEqual({ id: '编号格式不正确' });
  });
});

describe('the opening hours', () => {
  it('are recorded in the audit list with who set them', async () => {
    const res = await as(t.tokens.owner, 'PUT', '/business-hours', {
      businessHours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '09:00', close: '21:00' })),
      holidays: [{ date: '2027-02-06', name: '春节', closed: true }],
    });
    expect(res.status).toBe(200);
    expect(res.body.businessHours).toHaveLength(5);
    expect((await auditOf())[0]).toEqual({
      action: 'merchant.hours_updated',
      actor: ownerActor(),
      target: t.merchantId,
    });
  });
});
