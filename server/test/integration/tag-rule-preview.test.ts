// The tag-rules page's preview: how many customers a rule as written would tag, counted from the merchant's own
// customers only, nothing saved; managers only; a rule without conditions refused.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let shop: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
const DAY = 86_400_000;

/** A customer with one completed order of `item` per day ago given. */
async function customerWithOrders(merchantId: MerchantId, name: string, daysAgo: number[], item = '杨枝甘露') {
  const c = await buildCustomer(app.container, merchantId, { name });
  await app.container.repositories.orders.insertMany(
    merchantId,
    daysAgo.map((ago, i) => ({
      externalId: `${name}-${i}`,
      customerId: c._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: item, quantity: 1, unitPrice: 2000, specs: [] }],
      amount: 2000,
      placedAt: new Date(Date.now() - ago * DAY),
    })),
  );
}

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  shop = await buildTenant(app.container);
  other = await buildTenant(app.container);
  await customerWithOrders(shop.merchantId, '常客甲', [1, 3, 5]);
  await customerWithOrders(shop.merchantId, '常客乙', [2, 9], '芋泥波波');
  await customerWithOrders(shop.merchantId, '新客丙', [4]);
  // another shop's regular, who must never be counted for this one
  await customerWithOrders(other.merchantId, '别家常客', [1, 2, 3, 4]);
});
afterAll(() => app.close());

const preview = (token: string, body: unknown) => app.request('/api/tag-rules/preview', { token, body });

describe('tag rule preview', () => {
  it('counts the customers of this merchant the rule would tag, and saves nothing', async () => {
    const twoVisits = await preview(shop.tokens.manager, { tag: '回头客', minVisits: 2 });
    expect(twoVisits.status).toBe(200);
    expect(twoVisits.body).toEqual({ customers: 3, matches: 2 });
    const mangoRegulars = await preview(shop.tokens.owner, { tag: '芒果控', minVisits: 2, boughtItem: '杨枝甘露' });
    expect(mangoRegulars.body).toEqual({ customers: 3, matches: 1 });
    // switched off, a draft still previews what it would tag once on
    expect(
      (await preview(shop.tokens.owner, { tag: '芒果控', enabled: false, boughtItem: '杨枝甘露' })).body.matches,
    ).toBe(2);
    expect((await app.request('/api/tag-rules', { token: shop.tokens.owner })).body.items).toEqual([]);
    // the other merchant counts only its own regular
    expect((await preview(other.tokens.owner, { tag: '回头客', minVisits: 2 })).body).toEqual({
      customers: 1,
      matches: 1,
    });
  });

  it('refuses a rule without conditions and plain staff', async () => {
    const empty = await preview(shop.tokens.owner, { tag: '空规则' });
    expect(empty.status).toBe(400);
    expect(JSON.stringify(empty.body)).toContain('请至少设置一个条件');
    expect((await preview(shop.tokens.staff, { tag: '回头客', minVisits: 2 })).status).toBe(403);
  });
});
