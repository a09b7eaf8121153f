// Orders from the POS that named a customer none of ours matched are listed with what they named, for a manager or
// the owner to link by hand; linking may keep the order's phone / member number on the customer (never replacing
// theirs), is audited, and the order then shows on the customer's timeline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
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

const order = (externalId: string, customer: Record<string, string>, placedAt: string) => ({
  externalId,
  placedAt,
  channel: '外卖',
  amount: 3600,
  items: [{ name: '杨枝甘露', quantity: 2, unitPrice: 1800 }],
  customer,
});
const post = (token: string, orders: unknown[]) => app.request('/api/intake/orders', { token, body: { orders } });

describe('unmatched orders', () => {
  it('are listed with what identified them, to managers and owners only, per merchant', async () => {
    expect(
      (
        await post(t.tokens.manager, [
          order('UM-1', { phone: '13600001111', memberNo: 'VIP-9' }, '2026-11-20T12:30:00+08:00'),
          order('UM-2', { memberNo: 'VIP-10' }, '2026-11-21T12:30:00+08:00'),
          order('UM-3', {}, '2026-11-22T12:30:00+08:00'), // names nobody: nothing to link by
        ])
      ).body,
    ).toMatchObject({ created: 3, unmatchedCustomers: 3 });
    await post(other.tokens.manager, [order('UM-X', { phone: '13600009999' }, '2026-11-23T12:30:00+08:00')]);

    const first = await app.request('/api/customers/unmatched/orders?limit=1', { token: t.tokens.manager });
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({ externalId: 'UM-2', amount: 3600, title: '杨枝甘露×2', ref: { memberNo: 'VIP-10' } }),
    ]);
    const next = await app.request(
      `/api/customers/unmatched/orders?limit=5&cursor=${encodeURIComponent(first.body.nextCursor)}`,
      { token: t.tokens.owner },
    );
    expect(next.body.items.map((o: { externalId: string; ref: object }) => [o.externalId, o.ref])).toEqual([
      ['UM-1', { phone: '13600001111', memberNo: 'VIP-9' }],
    ]);
    expect(next.body.nextCursor).toBeUndefined();
    expect((await app.request('/api/customers/unmatched/orders', { token: t.tokens.staff })).status).toBe(403);
  });

  it('links one to a customer, keeps its identifiers only where the customer has none, and audits it', async () => {
    const c = await buildCustomer(app.container, t.merchantId, { name: '外卖老客', phone: '13900007777' });
    const [um1] = (
      await app.request('/api/customers/unmatched/orders?limit=5', { token: t.tokens.manager })
    ).body.items.filter((o: { externalId: string }) => o.externalId === 'UM-1');
    const link = (id: string, token: string, body: unknown) =>
      app.request(`/api/customers/unmatched/orders/${id}/link`, { token, body });
    expect((await link(um1.id, t.tokens.staff, { customerId: String(c._id) })).status).toBe(403);
    const theirs = await buildCustomer(app.container, other.merchantId);
    expect((await link(um1.id, t.tokens.manager, { customerId: String(theirs._id) })).status).toBe(404);

    const res = await link(um1.id, t.tokens.manager, { customerId: String(c._id), saveIdentifier: true });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ orderId: um1.id, customerId: String(c._id), saved: ['memberNo'] });
    const stored = await app.container.repositories.customers.findById(t.merchantId, String(c._id));
    expect(stored).toMatchObject({ phone: '13900007777', memberNo: 'VIP-9' }); // the shop's phone stays
    expect((await link(um1.id, t.tokens.manager, { customerId: String(c._id) })).status).toBe(404); // once

    const listed = await app.request('/api/customers/unmatched/orders?limit=5', { token: t.tokens.manager });
    expect(listed.body.items.map((o: { externalId: string }) => o.externalId)).toEqual(['UM-2']);
    const timeline = await app.request(`/api/customers/${c._id}/timeline`, { token: t.tokens.staff });
    expect(timeline.body.items.map((e: { kind: string; id: string }) => [e.kind, e.id])).toEqual([['order', um1.id]]);
    const audit = await app.container.operator.audit.list(t.merchantId);
    expect(audit[0]).toMatchObject({
      action: 'order.linked_to_customer',
      target: um1.id,
      actor: { kind: 'staff', id: String(t.people.manager._id) },
    });
    // the next order from the POS with that member number finds the customer by itself
    expect(
      (await post(t.tokens.manager, [order('UM-4', { memberNo: 'VIP-9' }, '2026-11-24T12:30:00+08:00')])).body,
    ).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  });

  it('another merchant’s order id is not found', async () => {
    const [theirs] = (await app.request('/api/customers/unmatched/orders', { token: other.tokens.owner })).body.items;
    const mine = await buildCustomer(app.container, t.merchantId);
    const res = await app.request(`/api/customers/unmatched/orders/${theirs.id}/link`, {
      token: t.tokens.owner,
      body: { customerId: String(mine._id) },
    });
    expect(res.status).toBe(404);
  });
});
