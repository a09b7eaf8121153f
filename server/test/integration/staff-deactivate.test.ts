// The staff page's deactivation: the owner takes a member off the team and their sessions end at once; managers
// cannot, nobody deactivates themself or the last owner, another merchant's member is not found; audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildStaff, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

const deactivate = (token: string, id: string) => app.request(`/api/staff/${id}/deactivate`, { method: 'POST', token });

describe('deactivating a member', () => {
  it("ends the member's sessions at once and takes them off the list, audited", async () => {
    const t = await buildTenant(app.container);
    const staffId = t.people.staff._id.toHexString();
    expect((await app.request('/api/merchant', { token: t.tokens.staff })).status).toBe(200);
    const res = await deactivate(t.tokens.owner, staffId);
    expect(res.status).toBe(200);
    expect((await app.request('/api/merchant', { token: t.tokens.staff })).status).toBe(401);
    const list = await app.request('/api/staff', { token: t.tokens.owner });
    expect(list.body.items.map((m: { id: string }) => m.id)).not.toContain(staffId);
    expect((await deactivate(t.tokens.owner, staffId)).status).toBe(404);
    const audit = await app.container.operator.audit.list(t.merchantId);
    expect(audit.map((a) => a.action)).toContain('staff.deactivated');
  });

  it('is the owner’s alone, never oneself nor the last owner', async () => {
    const t = await buildTenant(app.container);
    const forbidden = await deactivate(t.tokens.manager, t.people.staff._id.toHexString());
    expect(forbidden.status).toBe(403);
    expect((await deactivate(t.tokens.staff, t.people.manager._id.toHexString())).status).toBe(403);
    const self = await deactivate(t.tokens.owner, t.people.owner._id.toHexString());
    expect(self.status).toBe(409);
    expect(self.body.message).toContain('不能停用你自己');
    // with a second owner, the first can be taken off; the member still on the team keeps working
    const second = await buildStaff(app.container, t.merchantId, 'owner');
    const secondToken = (await app.container.services.auth.issueFor(second)).token;
    expect((await deactivate(secondToken, t.people.owner._id.toHexString())).status).toBe(200);
    expect((await app.request('/api/merchant', { token: t.tokens.owner })).status).toBe(401);
    expect((await app.request('/api/merchant', { token: t.tokens.manager })).status).toBe(200);
  });

  it("does not find another merchant's member", async () => {
    const a = await buildTenant(app.container);
    const b = await buildTenant(app.container);
    expect((await deactivate(a.tokens.owner, b.people.staff._id.toHexString())).status).toBe(404);
    expect((await app.request('/api/merchant', { token: b.tokens.staff })).status).toBe(200);
    expect((await deactivate(a.tokens.owner, 'not-an-id')).status).toBe(400);
  });
});
