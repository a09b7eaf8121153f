// Review: the customer timeline pages by time alone (customer-timeline.ts: nextCursor = the last entry's `at`, and
// every source reads `at < cursor`). Records sharing an instant — common for imported sheets, whose dates are days
// (00:00) — are cut at a page boundary: what did not fit on the page is never shown on the next.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildCustomer } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

it('pages through orders placed at the same instant without losing any', async () => {
  const c = await buildCustomer(w.app.container, w.tenant.merchantId, { name: '同一天的客户' });
  const day = new Date('2026-11-01T00:00:00+08:00');
  await w.app.container.repositories.orders.insertMany(
    w.tenant.merchantId,
    ['SD-1', 'SD-2', 'SD-3'].map((externalId) => ({
      externalId,
      customerId: c._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 1800, specs: [] }],
      amount: 1800,
      placedAt: day,
    })),
  );
  const get = (query: string) =>
    w.app.request(`/api/customers/${c._id}/timeline?${query}`, { token: w.tenant.tokens.staff });
  const first = await get('limit=2');
  expect(first.status).toBe(200);
  expect(first.body.items).toHaveLength(2);
  const seen = first.body.items.map((i: { id: string }) => i.id);
  let cursor: string | undefined = first.body.nextCursor;
  for (let pages = 0; cursor && pages < 5; pages++) {
    const next = await get(`limit=2&cursor=${encodeURIComponent(cursor)}`);
    expect(next.status).toBe(200);
    seen.push(...next.body.items.map((i: { id: string }) => i.id));
    cursor = next.body.nextCursor;
  }
  expect(new Set(seen).size).toBe(3);
});
