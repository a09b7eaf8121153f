import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let a: Awaited<ReturnType<typeof buildTenant>>;
let b: Awaited<ReturnType<typeof buildTenant>>;

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  a = await buildTenant(app.container);
  b = await buildTenant(app.container);
});
afterAll(() => app.close());

describe('tenant isolation', () => {
  it("answers 404 when merchant A's staff asks for merchant B's customer by id", async () => {
    const theirs = await buildCustomer(app.container, b.merchantId, { name: '乙店熟客' });
    const res = await app.request(`/api/customers/${theirs._id}`, { token: a.tokens.staff });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: 'not_found', message: '没有找到这位客户，可能已被删除' });
    // the owner of B sees them
    const own = await app.request(`/api/customers/${theirs._id}`, { token: b.tokens.owner });
    expect(own.status).toBe(200);
    expect(own.body.name).toBe('乙店熟客');
  });

  it("cannot change or annotate another merchant's customer, and leaves it untouched", async () => {
    const theirs = await buildCustomer(app.container, b.merchantId, { remark: '原备注' });
    const patch = await app.request(`/api/customers/${theirs._id}`, {
      method: 'PATCH',
      token: a.tokens.owner,
      body: { remark: '改了' },
    });
    const note = await app.request(`/api/customers/${theirs._id}/notes`, {
      token: a.tokens.owner,
      body: { text: '偷看' },
    });
    expect([patch.status, note.status]).toEqual([404, 404]);
    const after = await app.container.repositories.customers.findById(b.merchantId, theirs._id.toHexString());
    expect(after?.remark).toBe('原备注');
    expect(after?.notes).toHaveLength(0);
  });

  it("lists only the session's merchant's customers", async () => {
    await buildCustomer(app.container, a.merchantId, { name: '甲店张三' });
    await buildCustomer(app.container, b.merchantId, { name: '乙店李四' });
    const res = await app.request('/api/customers?limit=100', { token: a.tokens.staff });
    const names = res.body.items.map((c: { name: string }) => c.name);
    expect(names).toContain('甲店张三');
    expect(names).not.toContain('乙店李四');
    expect(names).not.toContain('乙店熟客');
  });

  it('ignores a merchant id smuggled into the body or query', async () => {
    const mine = await buildCustomer(app.container, a.merchantId);
    const res = await app.request(`/api/customers/${mine._id}`, {
      method: 'PATCH',
      token: a.tokens.owner,
      body: { merchantId: String(b.merchant._id) },
    });
    expect(res.status).toBe(400);
    expect(res.body.error).toBe('validation_failed');
    const listed = await app.request(`/api/customers?merchantId=${b.merchant._id}`, { token: a.tokens.staff });
    expect(listed.status).toBe(400);
    expect(listed.body.fields._).toContain('merchantId');
  });
});

describe('roles', () => {
  const hours = { businessHours: [{ weekday: 1, open: '09:00', close: '22:00' }], holidays: [] };

  it('refuses an owner-only endpoint to staff and managers with 403', async () => {
    for (const role of ['staff', 'manager'] as const) {
      const res = await app.request('/api/merchant/business-hours', {
        method: 'PUT',
        token: a.tokens[role],
        body: hours,
      });
      expect(res.status).toBe(403);
      expect(res.body).toEqual({ error: 'forbidden', message: '你没有权限进行这个操作，请联系老板或店长' });
    }
    const merchant = await app.container.repositories.merchants.findById(a.merchantId);
    expect(merchant?.businessHours).toHaveLength(0);
  });

  it('lets the owner change business hours', async () => {
    const res = await app.request('/api/merchant/business-hours', {
      method: 'PUT',
      token: a.tokens.owner,
      body: hours,
    });
    expect(res.status).toBe(200);
    expect(res.body.businessHours).toEqual(hours.businessHours);
    expect(res.body.shops).toHaveLength(1);
  });

  it('lets managers but not staff list the team', async () => {
    expect((await app.request('/api/staff', { token: a.tokens.staff })).status).toBe(403);
    const res = await app.request('/api/staff', { token: a.tokens.manager });
    expect(res.status).toBe(200);
    expect(res.body.items.map((s: { role: string }) => s.role).sort()).toEqual(['manager', 'owner', 'staff']);
  });

  it('masks phone numbers for staff but not for managers', async () => {
    const c = await buildCustomer(app.container, a.merchantId, { phone: '13812345678' });
    const asStaff = await app.request(`/api/customers/${c._id}`, { token: a.tokens.staff });
    const asManager = await app.request(`/api/customers/${c._id}`, { token: a.tokens.manager });
    expect(asStaff.body.phone).toBe('138****5678');
    expect(asManager.body.phone).toBe('13812345678');
  });

  it('requires a session for every /api route', async () => {
    const none = await app.request('/api/customers');
    const bad = await app.request('/api/customers', { token: 'not-a-token' });
    expect([none.status, bad.status]).toEqual([401, 401]);
    expect(none.body.error).toBe('unauthenticated');
    expect(none.headers.get('www-authenticate')).toBe('Bearer');
  });
});
