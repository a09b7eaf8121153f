// The shop's other records through the same three doors as orders (signed webhook, API, spreadsheet): stock levels
// and movements applied once however often they are resent, appointments, course packages used up by attendance
// once, member cards, reviews — per-row errors, dry runs and tenant walls.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/modules/intake/intake-webhook.service.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let tenant: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
let urls: Record<string, string>;
let secret: string;

async function deliver(kind: string, body: unknown, key?: string) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(urls[kind] ?? `${urls.orders!.replace(/\/orders$/, '')}/${kind}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-xiaoer-timestamp': timestamp,
      'x-xiaoer-signature': signWebhook(secret, timestamp, raw),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const api = (path: string, body: unknown, token = tenant.tokens.manager) =>
  app.request(`/api/intake/${path}`, { token, body });
const shopData = () => app.container.shopData;

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  tenant = await buildTenant(app.container);
  other = await buildTenant(app.container);
  const created = await app.request('/api/intake/endpoints', { token: tenant.tokens.owner, body: { name: 'ERP' } });
  secret = created.body.secret;
  urls = Object.fromEntries(
    Object.entries(created.body.endpoint.urls as Record<string, string>).map(([k, u]) => [
      k,
      u.replace(/^https?:\/\/[^/]+/, app.url),
    ]),
  );
});
afterAll(() => app.close());

describe('stock', () => {
  it('takes level snapshots and applies each movement once, however often it is resent', async () => {
    const level = await deliver('stock', {
      items: [
        { externalId: '芒果', quantity: 40, unit: '个', low: 20, critical: 8 },
        { externalId: '牛奶', quantity: -1 },
      ],
    });
    expect(level.body).toMatchObject({
      received: 2,
      created: 1,
      failed: [{ index: 1, externalId: '牛奶', errors: { quantity: '数量不能为负' } }],
    });
    const movement = { externalId: 'MV-1', item: '芒果', change: -15, reason: 'sale', at: '2026-11-23T10:00:00+08:00' };
    for (let i = 0; i < 3; i++) await deliver('stock-movements', { movements: [movement] });
    await deliver('stock-movements', {
      movements: [
        {
          externalId: 'MV-2',
          item: '芒果',
          change: 30,
          reason: 'purchase',
          at: '2026-11-23T11:00:00+08:00',
          expiresOn: '2026-11-26',
        },
      ],
    });
    const mango = await shopData().stock.findOne(tenant.merchantId, { name: '芒果' });
    expect(mango).toMatchObject({
      quantity: 55,
      unit: '个',
      low: 20,
      critical: 8,
      batches: [{ quantity: 30, expiresOn: '2026-11-26' }],
    });
    expect(await shopData().movements.count(tenant.merchantId)).toBe(2);
    const bad = await deliver('stock-movements', {
      movements: [{ externalId: 'MV-3', item: '芒果', change: 0, reason: 'gift', at: 'yesterday' }],
    });
    expect(Object.keys(bad.body.failed[0].errors).sort()).toEqual(['at', 'change', 'reason']);
  });

  it('imports an inventory export with Chinese headers, expiry as a batch, and names the bad rows', async () => {
    const csv = ['品名,库存,单位,安全库存,保质期至', '椰果,12,包,10,2026/11/25', '珍珠,abc,包,,', '红豆,5,包,,'].join(
      '\n',
    );
    const preview = await api('stock/import', { format: 'csv', content: csv, dryRun: true });
    expect(preview.body).toMatchObject({
      dryRun: true,
      created: 2,
      mapping: { 品名: 'externalId', 库存: 'quantity', 安全库存: 'low', 保质期至: 'expiresOn' },
    });
    expect(await shopData().stock.count(tenant.merchantId, { name: '椰果' })).toBe(0);
    const res = await api('stock/import', { format: 'csv', content: csv, dryRun: false });
    expect(res.body.failed).toEqual([{ row: 3, errors: { quantity: '数量必须是数字' } }]);
    const coconut = await shopData().stock.findOne(tenant.merchantId, { name: '椰果' });
    expect(coconut).toMatchObject({ quantity: 12, low: 10, batches: [{ quantity: 12, expiresOn: '2026-11-25' }] });
  });
});

describe('services, courses, cards and reviews', () => {
  it('stores appointments by booking number with the customer matched by phone', async () => {
    const customer = await buildCustomer(app.container, tenant.merchantId, { phone: '13700000001' });
    const booking = {
      externalId: 'BK-1',
      service: '染发',
      startAt: '2026-11-20T14:00:00+08:00',
      status: 'booked',
      staffName: 'Tony',
      customer: { phone: '13700000001' },
    };
    expect((await deliver('appointments', { appointments: [booking] })).body).toMatchObject({
      created: 1,
      unmatchedCustomers: 0,
    });
    expect(
      (await deliver('appointments', { appointments: [{ ...booking, status: 'completed', amount: 38800 }] })).body,
    ).toMatchObject({ created: 0, updated: 1 });
    const stored = await shopData().appointments.findOne(tenant.merchantId, { externalId: 'BK-1' });
    expect(stored).toMatchObject({
      status: 'completed',
      amount: 38800,
      customerId: customer._id,
      startAt: new Date('2026-11-20T06:00:00Z'),
    });
    const sheet = [
      '预约号,服务项目,预约时间,状态,技师,手机号',
      'BK-2,美甲,2026/11/21 15:00,已完成,小美,13700000001',
      'BK-3,,2026/11/21 16:00,已取消,,',
    ].join('\n');
    const res = await api('appointments/import', { format: 'csv', content: sheet, dryRun: false });
    expect(res.body).toMatchObject({ created: 1, failed: [{ row: 3, errors: { service: '缺少服务项目' } }] });
  });

  it('uses a course package’s hours once per attended class, never below zero', async () => {
    await buildCustomer(app.container, tenant.merchantId, { phone: '13700000002' });
    await api('course-packages', {
      packages: [
        {
          externalId: 'PK-1',
          course: '少儿英语',
          studentName: '乐乐',
          totalHours: 48,
          remainingHours: 6,
          customer: { phone: '13700000002' },
        },
      ],
    });
    const classes = [
      { externalId: 'AT-1', packageId: 'PK-1', at: '2026-11-21T10:00:00+08:00', hours: 2 },
      { externalId: 'AT-2', packageId: 'PK-1', at: '2026-11-22T10:00:00+08:00', status: 'leave' },
    ];
    for (let i = 0; i < 2; i++) await api('attendance', { attendance: classes });
    const pk1 = () => shopData().packages.findOne(tenant.merchantId, { externalId: 'PK-1' });
    expect(await pk1()).toMatchObject({ remainingHours: 4 });
    await api('attendance', {
      attendance: [{ externalId: 'AT-3', packageId: 'PK-1', at: '2026-11-23T10:00:00+08:00', hours: 6 }],
    });
    expect(await pk1()).toMatchObject({ remainingHours: 0 });
    const bad = await api('course-packages', {
      packages: [{ externalId: 'PK-2', course: '奥数', totalHours: 10, remainingHours: 12 }],
    });
    expect(bad.body.failed[0].errors).toEqual({ remainingHours: '剩余课时不能多于总课时' });
  });

  it('keeps member cards and reviews, and rejects what is not one', async () => {
    expect(
      (await api('member-cards', { cards: [{ externalId: 'C-1', cardName: '储值卡', balance: 12000 }] })).body,
    ).toMatchObject({ created: 1, unmatchedCustomers: 1 });
    const cardSheet = ['会员卡号,卡类型,储值余额,剩余次数', 'C-2,洗护次卡,0,2'].join('\n');
    expect((await api('member-cards/import', { format: 'csv', content: cardSheet, dryRun: false })).body).toMatchObject(
      { created: 1, failed: [] },
    );
    expect(await shopData().cards.findOne(tenant.merchantId, { externalId: 'C-2' })).toMatchObject({
      cardName: '洗护次卡',
      balance: 0,
      visitsLeft: 2,
    });
    const review = { externalId: 'RV-1', platform: '美团', rating: 5, text: '好喝', at: '2026-11-23T12:00:00+08:00' };
    expect(
      (await deliver('reviews', { reviews: [review, { ...review, externalId: 'RV-2', rating: 6 }] })).body,
    ).toMatchObject({ created: 1, failed: [{ index: 1, errors: { rating: '评分必须是 1 到 5 的数字' } }] });
    expect((await deliver('reviews', { reviews: [review] })).body).toMatchObject({ created: 0 });
  });
});

describe('doors and walls', () => {
  it('refuses unknown kinds, empty batches, another merchant’s secret and staff members', async () => {
    expect((await deliver('recipes', { recipes: [{}] })).status).toBe(404);
    expect((await deliver('reviews', { reviews: [] })).body.fields).toEqual({ reviews: '没有评价' });
    expect((await deliver('reviews', { orders: [{}] })).status).toBe(400);
    expect((await api('recipes', { recipes: [] })).status).toBe(400);
    expect((await api('stock', { items: [{ externalId: '芒果', quantity: 1 }] }, tenant.tokens.staff)).status).toBe(
      403,
    );
    // another merchant's API call writes to their own shop only
    await api('stock', { items: [{ externalId: '芒果', quantity: 999 }] }, other.tokens.manager);
    expect((await shopData().stock.findOne(tenant.merchantId, { name: '芒果' }))!.quantity).toBe(55);
    expect((await shopData().stock.findOne(other.merchantId, { name: '芒果' }))!.quantity).toBe(999);
    const theirs = await app.request('/api/intake/endpoints', { token: other.tokens.owner, body: { name: 'ERP' } });
    const raw = JSON.stringify({ items: [{ externalId: '芒果', quantity: 0 }] });
    const ts = String(Math.floor(Date.now() / 1000));
    const forged = await fetch(urls.stock!, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-xiaoer-timestamp': ts,
        'x-xiaoer-signature': signWebhook(theirs.body.secret, ts, raw),
      },
      body: raw,
    });
    expect(forged.status).toBe(401);
  });

  it('answers a retried delivery from its idempotency key, and tells another kind with the same key apart', async () => {
    const body = { reviews: [{ externalId: 'RV-9', rating: 4, at: '2026-11-23T12:00:00+08:00' }] };
    const first = await deliver('reviews', body, 'key-9');
    const again = await deliver('reviews', body, 'key-9');
    expect(again.body).toEqual(first.body);
    expect(
      (
        await deliver(
          'reviews',
          { reviews: [{ externalId: 'RV-10', rating: 4, at: '2026-11-23T12:00:00+08:00' }] },
          'key-9',
        )
      ).status,
    ).toBe(409);
  });
});
