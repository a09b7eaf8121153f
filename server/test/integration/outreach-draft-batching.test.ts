// Approving many drafts at once ("全部通过"): drafts of one scenario with the same text, for customers one staff member
// follows, become one WeCom group-send task that member confirms once — not one task per customer. Each draft keeps
// its own record and result.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCustomer } from '../support/factories.js';
import { addDraft, quietHoursAwayFromNow, storedDraft } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
  await quietHoursAwayFromNow(w);
});
afterAll(() => w.close());

const TEXT = '好久不见～本周回店饮品第二杯半价，欢迎来坐坐';
const approveAll = (ids: string[]) =>
  w.app.request('/api/outreach/drafts/approve', { token: w.tenant.tokens.owner, body: { ids } });

describe('approving many drafts at once', () => {
  const ids: string[] = [];
  const externalIds: string[] = [];
  let personalised = '';

  beforeAll(async () => {
    const { staff, manager } = w.tenant.people;
    // real contacts in the stand-in (WeCom reports a send to anyone else as failed)
    for (let i = 0; i < 50; i++) {
      const follower = (i % 2 ? manager : staff).wecomUserId;
      externalIds.push((await w.standin.customers.addsMember(w.corpId, follower, { name: `老客${i}` })).externalUserId);
    }
    await w.drain();
    for (const externalId of externalIds) {
      const c = await w.app.container.repositories.customers.findByExternalUserId(w.tenant.merchantId, externalId);
      ids.push(await addDraft(w, c!._id, 'dormant_winback', TEXT));
    }
    const own = await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '李姐',
      followStaffIds: [staff._id],
    });
    personalised = await addDraft(w, own._id, 'dormant_winback', '李姐，您常点的桂花乌龙回来了～');
  });

  it('makes one task per staff member for identical drafts, and one for a draft with its own text', async () => {
    const before = w.standin.state.groupSendTasks.length;
    const res = await approveAll([...ids, personalised]);
    expect(res.status).toBe(200);
    expect(res.body.results.every((r: { status?: string }) => r.status === 'sent')).toBe(true);
    const made = w.standin.state.groupSendTasks.slice(before);
    expect(made).toHaveLength(3);
    const batch = made.filter((t) => t.text === TEXT);
    expect(batch.map((t) => t.sender).sort()).toEqual(
      [w.tenant.people.staff.wecomUserId, w.tenant.people.manager.wecomUserId].sort(),
    );
    expect(batch.flatMap((t) => t.externalUserIds).sort()).toEqual([...externalIds].sort());
    // each draft keeps its own record, pointing at its staff member's task
    const drafts = await Promise.all(ids.map((id) => storedDraft(w, id)));
    expect(new Set(drafts.map((d) => String(d!.groupSendId))).size).toBe(2);
    expect(drafts.every((d) => d!.status === 'sent')).toBe(true);
  });

  it('makes no second task when the same approval is sent again', async () => {
    const before = w.standin.state.groupSendTasks.length;
    const res = await approveAll(ids.slice(0, 10));
    expect(res.body.results.every((r: { error?: string }) => r.error)).toBe(true);
    expect(w.standin.state.groupSendTasks.length).toBe(before);
  });

  it('takes a customer who opts out afterwards off the shared task, and the others still get their results', async () => {
    const leaving = (await storedDraft(w, ids[0]!))!;
    const res = await w.app.request(`/api/customers/${leaving.customerId}`, {
      method: 'PATCH',
      token: w.tenant.tokens.staff,
      body: { optedOut: true },
    });
    expect(res.status).toBe(200);
    expect((await storedDraft(w, ids[0]!))!.status).toBe('cancelled');
    const live = w.standin.state.groupSendTasks.filter((t) => t.text === TEXT && !t.cancelledAt);
    expect(live).toHaveLength(2);
    expect(live.flatMap((t) => t.externalUserIds)).not.toContain(externalIds[0]);
    expect(live.flatMap((t) => t.externalUserIds)).toHaveLength(49);

    for (const t of live) t.sentAt = Date.now(); // both staff members confirm in WeCom
    const outcome = await w.app.container.outreach.drafts.refreshDelivery(w.tenant.merchantId);
    expect(outcome).toEqual({ delivered: 49, failed: 0 }); // the personalised draft's task is not confirmed yet
    expect((await storedDraft(w, ids[2]!))!.status).toBe('delivered');
  });
});
