// Who may change what on a customer's profile: staff add notes (and a phone number when none is recorded, as they
// take it at the counter); the phone once recorded, the birthday and the POS member number are the manager's and the
// owner's. A member number typed here is what a POS order names the customer by.
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

const patch = (id: unknown, token: string, body: unknown) =>
  app.request(`/api/customers/${id}`, { method: 'PATCH', token, body });
const stored = (id: unknown) => app.container.repositories.customers.findById(t.merchantId, String(id));

describe('profile edits by role', () => {
  it('staff cannot change the birthday, member number or a recorded phone; managers and owners can', async () => {
    const c = await buildCustomer(app.container, t.merchantId, { name: '有号码', phone: '13900001234' });
    for (const body of [{ birthday: '1990-02-03' }, { memberNo: 'VIP-1' }, { phone: '13900005678' }]) {
      const refused = await patch(c._id, t.tokens.staff, body);
      expect(refused.status).toBe(403);
      expect(refused.body.message).toMatch(/店长|老板/);
    }
    expect(await stored(c._id)).toMatchObject({ phone: '13900001234' });
    expect((await stored(c._id))!.memberNo).toBeUndefined();

    const byManager = await patch(c._id, t.tokens.manager, { phone: '13900005678', birthday: '1990-02-03' });
    expect(byManager.status).toBe(200);
    expect(byManager.body).toMatchObject({ phone: '13900005678', birthday: '1990-02-03' });
    const byOwner = await patch(c._id, t.tokens.owner, { memberNo: 'VIP-0099' });
    expect(byOwner.body).toMatchObject({ memberNo: 'VIP-0099' });
    // staff read the member number, the phone masked
    const asStaff = await app.request(`/api/customers/${c._id}`, { token: t.tokens.staff });
    expect(asStaff.body).toMatchObject({ memberNo: 'VIP-0099', phone: '139****5678' });
  });

  it('staff may record a phone number when none is recorded yet, and notes', async () => {
    const c = await buildCustomer(app.container, t.merchantId, { name: '没留号码' });
    const res = await patch(c._id, t.tokens.staff, { phone: '13700001111', remark: '常点少糖' });
    expect(res.status).toBe(200);
    expect(res.body.phone).toBe('137****1111');
    const note = await app.request(`/api/customers/${c._id}/notes`, {
      token: t.tokens.staff,
      body: { text: '下周来' },
    });
    expect(note.status).toBe(201);
    expect((await stored(c._id))!.phone).toBe('13700001111');
  });

  it('rejects a malformed member number and another merchant’s customer', async () => {
    const c = await buildCustomer(app.container, t.merchantId);
    expect((await patch(c._id, t.tokens.owner, { memberNo: 'x'.repeat(40) })).status).toBe(400);
    expect((await patch(c._id, t.tokens.owner, { memberNo: ' ' })).status).toBe(400);
    const theirs = await buildCustomer(app.container, other.merchantId);
    expect((await patch(theirs._id, t.tokens.owner, { memberNo: 'VIP-2' })).status).toBe(404);
  });
});

describe('opt-out from the console', () => {
  it('anyone records it with a reason (PUT, as wx.request knows no PATCH); only the owner clears it', async () => {
    const c = await buildCustomer(app.container, t.merchantId, { name: '不想收了' });
    const put = (token: string, body: unknown) =>
      app.request(`/api/customers/${c._id}`, { method: 'PUT', token, body });
    const reason = '客户当面说不想再收活动消息';
    expect((await put(t.tokens.staff, { optedOut: true, optOutReason: reason })).body.optedOut).toBe(true);
    expect((await stored(c._id))!.consentLog).toEqual([
      expect.objectContaining({ action: 'opted_out', by: String(t.people.staff._id), reason }),
    ]);
    expect((await put(t.tokens.staff, { optedOut: false, optOutReason: '想收了' })).status).toBe(403);
    expect((await put(t.tokens.manager, { optedOut: false, optOutReason: '想收了' })).status).toBe(403);
    const cleared = await put(t.tokens.owner, { optedOut: false, optOutReason: '客户又来问新品了' });
    expect(cleared.body.optedOut).toBe(false);
    expect(cleared.body.consentLog.map((e: { reason?: string }) => e.reason)).toEqual([reason, '客户又来问新品了']);
  });
});

describe('member number and POS orders', () => {
  it('an order naming the member number typed on the profile finds the customer', async () => {
    const c = await buildCustomer(app.container, t.merchantId, { name: '会员王' });
    expect((await patch(c._id, t.tokens.manager, { memberNo: 'M-2026-77' })).status).toBe(200);
    const res = await app.request('/api/intake/orders', {
      token: t.tokens.manager,
      body: {
        orders: [
          {
            externalId: 'POS-MEMBER-1',
            placedAt: '2026-11-20T12:30:00+08:00',
            channel: '堂食',
            amount: 3600,
            items: [{ name: '杨枝甘露', quantity: 2, unitPrice: 1800 }],
            customer: { memberNo: 'M-2026-77' },
          },
        ],
      },
    });
    expect(res.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
    const order = await app.container.repositories.orders.findByExternalId(t.merchantId, 'POS-MEMBER-1');
    expect(String(order!.customerId)).toBe(String(c._id));
  });
});
