// Orders from outside: the signed webhook (signature, clock skew, replay, idempotency keys), the API and
// spreadsheet import, with customers matched by WeCom id, phone or member number — and tenant walls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/modules/intake/intake-webhook.service.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { createEndpoint } from '../support/signed-delivery.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let tenant: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
let hook: { id: string; url: string; secret: string };

const order = (externalId: string, extra: Record<string, unknown> = {}) => ({
  externalId,
  placedAt: '2026-11-20T12:30:00+08:00',
  channel: '外卖',
  amount: 3600,
  items: [{ name: '杨枝甘露', quantity: 2, unitPrice: 1800 }],
  ...extra,
});

/** Delivers like a POS would: signed body, current timestamp. */
async function deliver(
  body: unknown,
  options: { secret?: string; timestamp?: number; key?: string; url?: string; raw?: string } = {},
) {
  const raw = options.raw ?? JSON.stringify(body);
  const timestamp = String(options.timestamp ?? Math.floor(Date.now() / 1000));
  const res = await fetch(options.url ?? hook.url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-xiaoer-timestamp': timestamp,
      'x-xiaoer-signature': signWebhook(options.secret ?? hook.secret, timestamp, raw),
      ...(options.key ? { 'idempotency-key': options.key } : {}),
    },
    body: raw,
  });
  return {
    status: res.status,
    replayed: res.headers.get('idempotent-replayed'),
    body: (await res.json()) as Record<string, any>,
  };
}

/** The merchant's orders of this POS number (at most one: the number is unique per merchant). */
const ordersOf = async (externalId: string) => {
  const order = await app.container.repositories.orders.findByExternalId(tenant.merchantId, externalId);
  return order ? [order] : [];
};

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  tenant = await buildTenant(app.container);
  other = await buildTenant(app.container);
  hook = await createEndpoint(app, tenant.tokens.owner);
});
afterAll(() => app.close());

describe('order webhook', () => {
  it('stores a signed order once, however often it is replayed, and matches the customer by phone', async () => {
    const customer = await buildCustomer(app.container, tenant.merchantId, { phone: '13800000001' });
    const first = await deliver({ orders: [order('POS-1', { customer: { phone: '13800000001' } })] });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: 1, created: 1, updated: 0, unmatchedCustomers: 0, failed: [] });
    for (let i = 0; i < 3; i++)
      expect((await deliver({ orders: [order('POS-1', { customer: { phone: '13800000001' } })] })).body.created).toBe(
        0,
      );
    const stored = await ordersOf('POS-1');
    expect(stored).toHaveLength(1);
    expect(String(stored[0]!.customerId)).toBe(customer._id.toHexString());
    // the same order later refunded: updated in place
    expect((await deliver({ orders: [order('POS-1', { status: 'refunded' })] })).body.updated).toBe(1);
    expect((await ordersOf('POS-1'))[0]!.status).toBe('refunded');
  });

  it('answers a retry with the same Idempotency-Key from memory, and refuses the key for a different body', async () => {
    const a = await deliver({ orders: [order('POS-2')] }, { key: 'batch-2' });
    const b = await deliver({ orders: [order('POS-2')] }, { key: 'batch-2' });
    expect(b.replayed).toBe('true');
    expect(b.body).toEqual(a.body);
    const c = await deliver({ orders: [order('POS-3')] }, { key: 'batch-2' });
    expect(c.status).toBe(409);
    expect(await ordersOf('POS-3')).toHaveLength(0);
    // another system of the shop picking the same key is another request, not a replay or a conflict
    const erp = await createEndpoint(app, tenant.tokens.owner, 'ERP');
    const d = await deliver({ orders: [order('ERP-3')] }, { ...erp, key: 'batch-2' });
    expect(d.status).toBe(200);
    expect(d.replayed).toBeNull();
    expect(await ordersOf('ERP-3')).toHaveLength(1);
  });

  it('refuses bad signatures, stale timestamps, another merchant’s secret, malformed and oversized bodies', async () => {
    expect((await deliver({ orders: [order('X-1')] }, { secret: 'whsec_wrong' })).status).toBe(401);
    const stale = await deliver({ orders: [order('X-2')] }, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    expect(stale.status).toBe(401);
    expect(stale.body.message).toContain('5 分钟');
    const otherHook = await createEndpoint(app, other.tokens.owner);
    expect((await deliver({ orders: [order('X-3')] }, { secret: otherHook.secret })).status).toBe(401); // their secret, our URL
    expect((await deliver(null, { raw: '{"orders": [' })).status).toBe(400);
    const tooBig = await deliver(null, {
      raw: JSON.stringify({ orders: [order('X-4', { pad: 'x'.repeat(1_100_000) })] }),
    });
    expect(tooBig.status).toBe(413);
    expect((await deliver({ orders: [] })).status).toBe(400);
    const { orders } = app.container.repositories;
    for (const t of [tenant, other]) expect(await orders.count(t.merchantId, { externalId: /^X-/ })).toBe(0);
  });

  it('takes the good orders of a batch and reports each bad one with its reasons', async () => {
    const res = await deliver({
      orders: [order('POS-4'), order('POS-5', { amount: 18.5, channel: '飞鸽传书' }), { nonsense: true }],
    });
    expect(res.body).toMatchObject({ received: 3, created: 1, unmatchedCustomers: 1 });
    expect(res.body.failed[0]).toEqual({
      index: 1,
      externalId: 'POS-5',
      errors: { amount: '金额单位是分，须为整数', channel: '渠道只能是 堂食、外卖、团购 或 线上' },
    });
    expect(res.body.failed[1].index).toBe(2);
  });

  it('shows the owner the URL but never the secret again; rotating stops the old secret', async () => {
    const view = await app.request('/api/intake/endpoints', { token: tenant.tokens.owner });
    expect(view.body.items.map((e: { name: string }) => e.name)).toEqual(['收银系统', 'ERP']);
    expect(JSON.stringify(view.body)).not.toContain(hook.secret);
    expect((await app.request('/api/intake/endpoints', { token: tenant.tokens.staff })).status).toBe(403);
    const rotated = await app.request(`/api/intake/endpoints/${hook.id}/secret`, {
      method: 'POST',
      token: tenant.tokens.owner,
    });
    expect((await deliver({ orders: [order('POS-6')] })).status).toBe(401); // the old secret
    const fresh = { ...hook, secret: rotated.body.secret as string }; // the URL stays
    expect((await deliver({ orders: [order('POS-6')] }, fresh)).status).toBe(200);
    hook = fresh;
  });
});

describe('orders through the API and spreadsheets', () => {
  it('matches customers by WeCom id and member number, and keeps tenants apart', async () => {
    const byWecom = await buildCustomer(app.container, tenant.merchantId, { externalUserId: 'wmIntake01' });
    const byMember = await buildCustomer(app.container, tenant.merchantId, { memberNo: 'VIP-0007' });
    await buildCustomer(app.container, other.merchantId, { phone: '13900000009' });
    const res = await app.request('/api/intake/orders', {
      token: tenant.tokens.manager,
      body: {
        orders: [
          order('API-1', { customer: { externalUserId: 'wmIntake01' } }),
          order('API-2', { customer: { memberNo: 'VIP-0007' } }),
          order('API-3', { customer: { phone: '13900000009' } }),
        ],
      },
    });
    expect(res.body).toMatchObject({ created: 3, unmatchedCustomers: 1 }); // the phone belongs to another merchant's customer
    expect(String((await ordersOf('API-1'))[0]!.customerId)).toBe(byWecom._id.toHexString());
    expect(String((await ordersOf('API-2'))[0]!.customerId)).toBe(byMember._id.toHexString());
    expect((await ordersOf('API-3'))[0]!.customerId).toBeUndefined();
    expect(
      (await app.request('/api/intake/orders', { token: tenant.tokens.staff, body: { orders: [order('API-4')] } }))
        .status,
    ).toBe(403);
  });

  it('imports a POS export: good rows in, bad rows reported by row, a dry run changes nothing', async () => {
    const csv = [
      '订单号,下单时间,订单来源,订单状态,实收金额,商品明细,会员手机号',
      'S-1,2026/11/20 12:30,美团外卖,已完成,36,杨枝甘露x2,13800000001',
      'S-2,2026/11/20 13:00,堂食,已完成,¥15.00,芋泥波波,',
      'S-3,昨天中午,堂食,已完成,15,芋泥波波,',
      ',2026/11/20 14:00,堂食,已完成,15,芋泥波波,',
      'S-5,2026/11/20 15:00,堂食,已完成,十五元,芋泥波波,',
    ].join('\n');
    const preview = await app.request('/api/intake/orders/import', {
      token: tenant.tokens.manager,
      body: { format: 'csv', content: csv, dryRun: true },
    });
    expect(preview.body).toMatchObject({ dryRun: true, created: 2, received: 5 });
    expect(preview.body.mapping).toMatchObject({
      订单号: 'externalId',
      订单来源: 'channel',
      实收金额: 'amount',
      会员手机号: 'phone',
    });
    expect(await ordersOf('S-1')).toHaveLength(0);
    const res = await app.request('/api/intake/orders/import', {
      token: tenant.tokens.manager,
      body: { format: 'csv', content: csv, dryRun: false },
    });
    expect(res.body).toMatchObject({ created: 2, unmatchedCustomers: 1 });
    expect(res.body.failed.map((f: { row: number }) => f.row)).toEqual([4, 5, 6]);
    expect(res.body.failed[0].errors.placedAt).toContain('下单时间格式不正确');
    expect(res.body.failed[1].errors.externalId).toBe('缺少订单号');
    expect(res.body.failed[2].errors.amount).toBe('金额必须是数字（单位：分）');
    const [s1] = await ordersOf('S-1');
    expect(s1).toMatchObject({ channel: '外卖', amount: 3600, placedAt: new Date('2026-11-20T04:30:00Z') });
    // imported again: nothing new
    expect(
      (
        await app.request('/api/intake/orders/import', {
          token: tenant.tokens.manager,
          body: { format: 'csv', content: csv, dryRun: false },
        })
      ).body.created,
    ).toBe(0);
    const noId = await app.request('/api/intake/orders/import', {
      token: tenant.tokens.manager,
      body: { format: 'csv', content: '时间,金额\n2026/11/20,15', dryRun: false },
    });
    expect(noId.status).toBe(400);
    expect(noId.body.message).toContain('订单号');
  });
});
