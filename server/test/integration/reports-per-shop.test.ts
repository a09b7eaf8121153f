// Reports per shop: orders carry the shop they were taken at, an owner reads every shop's figures or one shop's, a
// manager assigned to a shop reads only that shop's (another shop of the merchant is 403, another merchant's 404).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildShop, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
let wanda: string;
let campus: string;

const order = (externalId: string, shopId: string, amount: number) => ({
  externalId,
  placedAt: '2026-11-20T12:00:00+08:00',
  channel: '堂食',
  amount,
  shopId,
});
const report = (token: string, shopId?: string) =>
  app.request(`/api/reports?period=day&date=2026-11-20${shopId ? `&shopId=${shopId}` : ''}`, { token });

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  other = await buildTenant(app.container);
  wanda = t.shop._id.toHexString();
  campus = (await buildShop(app.container, t.merchantId, { name: '大学城店' }))._id.toHexString();
  const res = await app.request('/api/intake/orders', {
    token: t.tokens.owner,
    body: { orders: [order('W-1', wanda, 3000), order('W-2', wanda, 2000), order('C-1', '大学城店', 1600)] },
  });
  expect(res.body).toMatchObject({ created: 3, failed: [] });
});
afterAll(() => app.close());

describe('reports per shop', () => {
  it('gives the owner every shop’s figures, the shops to pick from, and one shop’s on request', async () => {
    const all = await report(t.tokens.owner);
    expect(all.status).toBe(200);
    expect(all.body.figures.orders.value).toBe(3);
    expect(all.body.figures.revenue.value).toBe(6600);
    expect(all.body).not.toHaveProperty('shop');
    expect(all.body.everyShop).toBe(true);
    expect(all.body.shops.map((s: { id: string }) => s.id).sort()).toEqual([wanda, campus].sort());
    const one = await report(t.tokens.owner, campus);
    expect(one.body.shop).toEqual({ id: campus, name: '大学城店' });
    expect(one.body.figures.orders.value).toBe(1);
    expect(one.body.figures.revenue.value).toBe(1600);
    expect(one.body.summary).toMatch(/^大学城店：.*营业额¥16/);
    expect(all.body.summary).not.toMatch(/^大学城店/);
    expect(one.body.daily.find((d: { date: string }) => d.date === '2026-11-20')).toMatchObject({ orders: 1 });
  });

  it('keeps a manager of one shop to that shop', async () => {
    // unassigned, the manager runs the whole business
    expect((await report(t.tokens.manager)).body.figures.orders.value).toBe(3);
    await app.container.repositories.staff.assign(t.merchantId, t.people.manager._id.toHexString(), {
      shopIds: [wanda],
    });
    const mine = await report(t.tokens.manager);
    expect(mine.body.shop).toMatchObject({ id: wanda });
    expect(mine.body.figures.orders.value).toBe(2);
    expect(mine.body.shops.map((s: { id: string }) => s.id)).toEqual([wanda]);
    expect(mine.body.everyShop).toBe(false);
    const theirs = await report(t.tokens.manager, campus);
    expect(theirs.status).toBe(403);
    expect(theirs.body.message).toBe('只能查看你负责的门店的报表');
  });

  it('answers 404 for another merchant’s shop and 400 for a malformed one', async () => {
    expect((await report(other.tokens.owner, wanda)).status).toBe(404);
    expect((await report(t.tokens.owner, other.shop._id.toHexString())).status).toBe(404);
    expect((await report(t.tokens.owner, 'not-a-shop')).status).toBe(400);
    expect((await report(t.tokens.staff, wanda)).status).toBe(403);
  });
});
