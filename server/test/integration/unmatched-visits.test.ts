// Bookings and course packages that named a customer none of ours matched: kept with what they named, listed for a
// manager or the owner, linked by hand (audited, optionally keeping the number) — then on the customer's timeline
// and counted as their visits (a package's classes too). Staff may not; other merchants see nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let shop: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
const HOUR = 3_600_000;

const post = (path: string, token: string, body: unknown) => app.request(path, { token, body });
const unmatched = (kind: string, token = shop.tokens.manager, query = '') =>
  app.request(`/api/customers/unmatched-visits/${kind}${query}`, { token });

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  shop = await buildTenant(app.container);
  other = await buildTenant(app.container);
  const res = await post('/api/intake/appointments', shop.tokens.manager, {
    appointments: [
      {
        externalId: 'BK-1',
        service: '洗剪吹',
        status: 'completed',
        amount: 8800,
        startAt: new Date(Date.now() - 2 * HOUR).toISOString(),
        customer: { phone: '13911112222' },
      },
      {
        externalId: 'BK-2',
        service: '染发',
        status: 'completed',
        startAt: new Date(Date.now() - 5 * HOUR).toISOString(),
        customer: { memberNo: 'VIP-9' },
      },
      // no customer named at all: nothing to link, not listed
      { externalId: 'BK-3', service: '剪发', startAt: new Date(Date.now() - HOUR).toISOString() },
    ],
  });
  expect(res.body).toMatchObject({ created: 3 });
  await post('/api/intake/course-packages', shop.tokens.manager, {
    packages: [
      {
        externalId: 'PK-1',
        course: '钢琴',
        studentName: '小明',
        totalHours: 20,
        remainingHours: 20,
        customer: { phone: '13933334444' },
      },
    ],
  });
  await post('/api/intake/attendance', shop.tokens.manager, {
    attendance: [{ externalId: 'AT-1', packageId: 'PK-1', at: new Date(Date.now() - 3 * HOUR).toISOString() }],
  });
});
afterAll(() => app.close());

describe('bookings and course packages that matched no customer', () => {
  it('lists them newest first with what they named, one page at a time', async () => {
    const first = await unmatched('appointments', shop.tokens.manager, '?limit=1');
    expect(first.status).toBe(200);
    expect(first.body.items).toEqual([
      expect.objectContaining({
        externalId: 'BK-1',
        title: '洗剪吹 · 已完成',
        amount: 8800,
        ref: { phone: '13911112222' },
      }),
    ]);
    const next = await unmatched(
      'appointments',
      shop.tokens.owner,
      `?limit=1&cursor=${encodeURIComponent(first.body.nextCursor)}`,
    );
    expect(next.body.items.map((a: { externalId: string }) => a.externalId)).toEqual(['BK-2']);
    expect(next.body.nextCursor).toBeUndefined();
    const packages = await unmatched('course-packages');
    expect(packages.body.items).toEqual([
      expect.objectContaining({
        externalId: 'PK-1',
        title: '钢琴（小明） · 剩 19 课时',
        ref: { phone: '13933334444' },
      }),
    ]);
  });

  it('links a booking by hand: on the timeline, counted as a visit, the number kept, audited', async () => {
    const c = await buildCustomer(app.container, shop.merchantId, { name: '陈女士' });
    const before = await app.request(`/api/customers/${c._id}/profile`, { token: shop.tokens.owner });
    expect(before.body.insights.visits).toBe(0);
    const bk1 = (await unmatched('appointments')).body.items.find(
      (a: { externalId: string }) => a.externalId === 'BK-1',
    );
    const linked = await post(`/api/customers/unmatched-visits/appointments/${bk1.id}/link`, shop.tokens.manager, {
      customerId: String(c._id),
      saveIdentifier: true,
    });
    expect(linked.status).toBe(200);
    expect(linked.body).toEqual({ id: bk1.id, customerId: String(c._id), saved: ['phone'] });
    const timeline = await app.request(`/api/customers/${c._id}/timeline`, { token: shop.tokens.owner });
    expect(JSON.stringify(timeline.body)).toContain('洗剪吹');
    const after = await app.request(`/api/customers/${c._id}/profile`, { token: shop.tokens.owner });
    expect(after.body.insights).toMatchObject({ visits: 1, totalSpend: 8800 });
    expect((await app.container.repositories.customers.findById(shop.merchantId, String(c._id)))?.phone).toBe(
      '13911112222',
    );
    const audit = await app.container.operator.audit.list(shop.merchantId);
    expect(JSON.stringify(audit)).toContain('appointment.linked_to_customer');
    // gone from the list; a second link says it is taken
    expect((await unmatched('appointments')).body.items.map((a: { externalId: string }) => a.externalId)).toEqual([
      'BK-2',
    ]);
    const again = await post(`/api/customers/unmatched-visits/appointments/${bk1.id}/link`, shop.tokens.manager, {
      customerId: String(c._id),
    });
    expect(again.status).toBe(404);
    expect(again.body.message).toBe('没有找到这条待认领的记录，可能已被认领');
  });

  it('links a course package: its classes count as the student’s visits', async () => {
    const c = await buildCustomer(app.container, shop.merchantId, { name: '小明妈妈' });
    const pk = (await unmatched('course-packages')).body.items[0];
    const linked = await post(`/api/customers/unmatched-visits/course-packages/${pk.id}/link`, shop.tokens.owner, {
      customerId: String(c._id),
    });
    expect(linked.body).toEqual({ id: pk.id, customerId: String(c._id), saved: [] });
    const profile = await app.request(`/api/customers/${c._id}/profile`, { token: shop.tokens.owner });
    expect(profile.body.insights.visits).toBe(1);
    expect((await unmatched('course-packages')).body.items).toEqual([]);
  });

  it('refuses staff, another merchant, an unknown kind and a customer of another merchant', async () => {
    expect((await unmatched('appointments', shop.tokens.staff)).status).toBe(403);
    expect((await unmatched('appointments', other.tokens.owner)).body.items).toEqual([]);
    expect((await unmatched('orders-and-more')).status).toBe(400);
    const bk2 = (await unmatched('appointments')).body.items[0];
    const stranger = await buildCustomer(app.container, other.merchantId, { name: '别家客' });
    const wrongCustomer = await post(`/api/customers/unmatched-visits/appointments/${bk2.id}/link`, shop.tokens.owner, {
      customerId: String(stranger._id),
    });
    expect(wrongCustomer.status).toBe(404);
    const wrongShop = await post(`/api/customers/unmatched-visits/appointments/${bk2.id}/link`, other.tokens.owner, {
      customerId: String(stranger._id),
    });
    expect(wrongShop.status).toBe(404);
    expect((await unmatched('appointments')).body.items.map((a: { externalId: string }) => a.externalId)).toEqual([
      'BK-2',
    ]);
  });
});
