// Who may change a customer's consent and what staff may learn of their phone number: anyone may record an opt-out
// (and the customer's pending drafts are cancelled); only the owner may clear it, with a reason, kept in the
// customer's consent log. Staff find a customer by the full phone number only, so a masked number stays masked.
import type { DraftStatus } from '@xiaoer/common/constants/outreach';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { awayFromWindowEdge } from '../support/rate-window.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { STAFF_PHONE_LOOKUPS } from '../../src/modules/customers/customer-limits.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
});
afterAll(() => app.close());

const patch = (id: unknown, token: string, body: unknown) =>
  app.request(`/api/customers/${id}`, { method: 'PATCH', token, body });

describe('opt-out', () => {
  it('staff may record an opt-out, which cancels the customer’s pending drafts', async () => {
    const c = await buildCustomer(app.container, t.merchantId, { name: '不想收消息' });
    const drafts = app.container.repositories.drafts;
    const at = new Date();
    const draft = (scenario: string, status: DraftStatus) => ({
      customerId: c._id,
      scenario,
      day: '2026-01-01',
      status,
      text: '好久不见～',
      reason: '40天没来了',
      citedIds: [],
      audit: [],
      createdAt: at,
      updatedAt: at,
    });
    await drafts.insertMany(t.merchantId, [draft('dormant_winback', 'pending'), draft('birthday', 'rejected')]);

    const res = await patch(c._id, t.tokens.staff, { optedOut: true });
    expect(res.status).toBe(200);
    expect(res.body.optedOut).toBe(true);
    const left = (await drafts.list(t.merchantId, { customerId: c._id })).sort((a, b) =>
      b.scenario.localeCompare(a.scenario),
    );
    expect(left.map((d) => [d.scenario, d.status, d.error])).toEqual([
      ['dormant_winback', 'cancelled', '客户已退订'],
      ['birthday', 'rejected', undefined],
    ]);
    const stored = await app.container.repositories.customers.findById(t.merchantId, String(c._id));
    const byStaff = { action: 'opted_out', by: String(t.people.staff._id), at: expect.any(Date) };
    expect(stored!.consentLog).toEqual([expect.objectContaining(byStaff)]);
  });

  it('only the owner clears it, with a reason, and the clearing is kept in the consent log', async () => {
    const c = await buildCustomer(app.container, t.merchantId, { name: '又想收了', optedOut: true });
    const reason = '客户到店当面说想继续收新品消息';

    for (const token of [t.tokens.staff, t.tokens.manager]) {
      expect((await patch(c._id, token, { optedOut: false })).status).toBe(403);
      const refused = await patch(c._id, token, { optedOut: false, optOutReason: reason });
      expect(refused.status).toBe(403);
      expect(refused.body).toMatchObject({ error: 'forbidden', message: '只有老板可以恢复客户接收营销消息' });
    }
    const noReason = await patch(c._id, t.tokens.owner, { optedOut: false });
    expect(noReason.status).toBe(400);
    expect(noReason.body.fields).toEqual({ optOutReason: '请写明恢复接收的原因' });
    expect((await app.container.repositories.customers.findById(t.merchantId, String(c._id)))!.optedOut).toBe(true);

    const cleared = await patch(c._id, t.tokens.owner, { optedOut: false, optOutReason: reason });
    expect(cleared.status).toBe(200);
    expect(cleared.body.optedOut).toBe(false);
    const byOwner = { at: expect.any(String), by: String(t.people.owner._id), action: 'opt_out_cleared', reason };
    expect(cleared.body.consentLog).toEqual([byOwner]);
    // staff do not read the log; a change that changes nothing is not logged again
    expect((await app.request(`/api/customers/${c._id}`, { token: t.tokens.staff })).body.consentLog).toBeUndefined();
    expect((await patch(c._id, t.tokens.staff, { optedOut: false, remark: '老客' })).status).toBe(200);
    expect((await app.request(`/api/customers/${c._id}`, { token: t.tokens.owner })).body.consentLog).toHaveLength(1);
  });
});

describe('finding a customer by phone', () => {
  it('staff need the full number; managers and owners may search by its last digits', async () => {
    await buildCustomer(app.container, t.merchantId, { name: '手机客户', phone: '13912343227' });
    const names = async (token: string, q: string) => {
      const res = await app.request(`/api/customers?q=${q}`, { token });
      expect(res.status).toBe(200);
      return res.body.items.map((c: { name: string; phone?: string }) => `${c.name}:${c.phone}`);
    };
    for (const partial of ['3227', '43227', '343227', '2343227', '1912343227']) {
      expect(await names(t.tokens.staff, partial)).toEqual([]);
    }
    expect(await names(t.tokens.staff, '13912343227')).toEqual(['手机客户:139****3227']);
    expect(await names(t.tokens.staff, '13912340000')).toEqual([]);
    expect(await names(t.tokens.manager, '3227')).toEqual(['手机客户:13912343227']);
    expect(await names(t.tokens.owner, '43227')).toEqual(['手机客户:13912343227']);
  });

  it('staff cannot walk the hidden digits of a number: full-number lookups are limited per staff member', async () => {
    // Masked 139****3227 leaves 10,000 candidates; the limit makes trying them take weeks, not minutes.
    const u = await buildTenant(app.container); // a staff member who has not looked anything up yet
    await awayFromWindowEdge(STAFF_PHONE_LOOKUPS.windowMs, 10_000);
    const lookup = (token: string, n: number) =>
      app.request(`/api/customers?q=1391234${String(n).padStart(4, '0')}`, { token });
    const statuses: number[] = [];
    for (let n = 0; n < STAFF_PHONE_LOOKUPS.limit + 1; n++) statuses.push((await lookup(u.tokens.staff, n)).status);
    expect(statuses.slice(0, STAFF_PHONE_LOOKUPS.limit).every((s) => s === 200)).toBe(true);
    const refused = await lookup(u.tokens.staff, 9999);
    expect(statuses.at(-1)).toBe(429);
    expect(refused.status).toBe(429);
    expect(refused.body.message).toMatch(/手机号/);
    // a name search still works for that staff member, and the manager is not limited by the staff member's count
    expect(
      (await app.request(`/api/customers?q=${encodeURIComponent('手机客户')}`, { token: u.tokens.staff })).status,
    ).toBe(200);
    expect((await lookup(u.tokens.manager, 1)).status).toBe(200);
  });
});
