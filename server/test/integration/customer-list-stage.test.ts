// The customer list by lifecycle stage: the stage the automatic tagging stored (visits of every kind), filtered and
// paged by the list's keyset, searched together with the name, and per merchant only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let shop: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
const DAY = 86_400_000;

/** A customer known for 200 days, with one completed order per day ago given. */
async function customer(merchantId: MerchantId, name: string, daysAgo: number[]) {
  const known = new Date(Date.now() - 200 * DAY);
  const c = await buildCustomer(app.container, merchantId, { name, firstContactAt: known, lastContactAt: known });
  await app.container.repositories.orders.insertMany(
    merchantId,
    daysAgo.map((ago, i) => ({
      externalId: `${name}-${i}`,
      customerId: c._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 1800, specs: [] }],
      amount: 1800,
      placedAt: new Date(Date.now() - ago * DAY),
    })),
  );
  return c;
}

const names = (res: { body: { items: { name: string }[] } }) => res.body.items.map((c) => c.name).sort();

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  shop = await buildTenant(app.container);
  other = await buildTenant(app.container);
  await customer(shop.merchantId, '活跃甲', [1, 4, 8]);
  await customer(shop.merchantId, '活跃乙', [2, 6]);
  await customer(shop.merchantId, '沉睡丙', [40, 45]);
  await customer(shop.merchantId, '流失丁', [150, 160]);
  await customer(other.merchantId, '别家活跃', [1, 2]);
  for (const t of [shop, other])
    expect((await app.request('/api/tag-rules/apply', { token: t.tokens.owner, body: {} })).status).toBe(200);
});
afterAll(() => app.close());

const list = (token: string, query: string) => app.request(`/api/customers?${query}`, { token });

describe('customer list by lifecycle stage', () => {
  it('lists the stage the automatic tagging found, each customer carrying it', async () => {
    const active = await list(shop.tokens.staff, `lifecycle=${encodeURIComponent('活跃')}`);
    expect(active.status).toBe(200);
    expect(names(active)).toEqual(['活跃乙', '活跃甲']);
    expect(active.body.items.every((c: { lifecycle?: string }) => c.lifecycle === '活跃')).toBe(true);
    expect(names(await list(shop.tokens.staff, `lifecycle=${encodeURIComponent('沉睡')}`))).toEqual(['沉睡丙']);
    expect(names(await list(shop.tokens.staff, `lifecycle=${encodeURIComponent('流失')}`))).toEqual(['流失丁']);
  });

  it('pages one stage with the cursor and combines it with the search', async () => {
    const stage = `lifecycle=${encodeURIComponent('活跃')}`;
    const first = await list(shop.tokens.manager, `${stage}&limit=1`);
    expect(first.body.items).toHaveLength(1);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await list(
      shop.tokens.manager,
      `${stage}&limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(second.body.items).toHaveLength(1);
    expect(second.body.nextCursor).toBeUndefined();
    expect([...names(first), ...names(second)].sort()).toEqual(['活跃乙', '活跃甲']);
    expect(names(await list(shop.tokens.manager, `${stage}&q=${encodeURIComponent('甲')}`))).toEqual(['活跃甲']);
  });

  it('refuses an unknown stage and never lists another merchant’s customers', async () => {
    const bad = await list(shop.tokens.owner, `lifecycle=${encodeURIComponent('睡着')}`);
    expect(bad.status).toBe(400);
    expect(names(await list(other.tokens.owner, `lifecycle=${encodeURIComponent('活跃')}`))).toEqual(['别家活跃']);
  });
});
