// The sending lease is checked before anything is sent: a worker whose lease ran out and was taken over by another
// (it stalled, the resume job stepped in) sends nothing, so two senders racing for one draft reach the customer once.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { approveDraft, customerWithDraft, reached, storedDraft } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const inTenMinutes = () => new Date(Date.now() + 10 * 60_000);

/**
 * Holds the next `count` calls of a method (after letting `skip` through) at a gate — each after the real call,
 * before the caller sees its answer — so senders can be lined up at one point; `open()` lets them all go on.
 */
function gate<T extends object, K extends keyof T>(target: T, key: K, count: number, skip = 0) {
  const real = (target[key] as (...args: unknown[]) => Promise<unknown>).bind(target);
  let release!: () => void;
  const opened = new Promise<void>((resolve) => (release = resolve));
  let held = 0;
  let calls = 0;
  target[key] = (async (...args: unknown[]) => {
    const answer = await real(...args);
    if (++calls > skip && held < count) {
      held++;
      if (held === count) target[key] = real as T[K];
      await opened;
    }
    return answer;
  }) as T[K];
  return { held: () => held, open: release };
}

describe('two senders racing for one approved draft', () => {
  it('the one whose lease was taken over sends nothing: one group-send task', async () => {
    const c = await customerWithDraft(w, '两个进程抢着发');
    // both senders stop right after looking up the staff member who will send it, just before asking WeCom
    const staffLookup = gate(w.app.container.repositories.staff, 'findById', 2);
    const approval = approveDraft(w, c.draftId); // the approving request: it holds the lease, then stalls
    await vi.waitFor(() => expect(staffLookup.held()).toBe(1));
    // its lease runs out; the resume job (another worker) takes the draft over and gets as far
    const resumed = w.app.container.outreach.drafts.resumeInterrupted(inTenMinutes());
    await vi.waitFor(() => expect(staffLookup.held()).toBe(2));
    staffLookup.open();
    const [approved, taken] = await Promise.all([approval, resumed]);
    expect(approved.status).toBe(200);
    expect(taken).toBe(1);

    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 1 });
    const stored = await storedDraft(w, c.draftId);
    expect(stored).toMatchObject({ status: 'sent' });
    expect(stored!.audit.map((a) => a.action)).toEqual([
      'drafted',
      'approved',
      'dispatch_resumed',
      'group_send_requested',
      'group_send_created',
    ]);
  });

  it('nor on 微信客服: the customer gets the text once', async () => {
    const c = await customerWithDraft(w, '客服也抢着发');
    await w.kfCustomerWrites(c.externalUserId, '在吗');
    // both stop after finding the customer's open 微信客服 session, just before sending on it
    const sessions = gate(w.app.container.kfRepository, 'openWindow', 2);
    const approval = approveDraft(w, c.draftId);
    await vi.waitFor(() => expect(sessions.held()).toBe(1));
    const resumed = w.app.container.outreach.drafts.resumeInterrupted(inTenMinutes());
    await vi.waitFor(() => expect(sessions.held()).toBe(2));
    sessions.open();
    await Promise.all([approval, resumed]);

    expect(reached(w, c.externalUserId)).toEqual({ kf: [c.text], groupSends: 0 });
    const stored = await storedDraft(w, c.draftId);
    expect(stored).toMatchObject({ status: 'delivered' });
    expect(stored!.audit.map((a) => a.action)).toEqual(['drafted', 'approved', 'dispatch_resumed', 'kf_sent']);
  });
});

describe('a sender that stalls after marking the group send as asked', () => {
  it('does not ask WeCom once it has been taken over: the taker-over reports it uncertain, nothing is sent', async () => {
    const c = await customerWithDraft(w, '问企微前卡住了');
    // the approving request gets past group_send_requested, then stalls looking up the sender inside the group send
    const staffLookup = gate(w.app.container.repositories.staff, 'findById', 1, 1);
    const approval = approveDraft(w, c.draftId);
    await vi.waitFor(() => expect(staffLookup.held()).toBe(1));
    expect(await w.app.container.outreach.drafts.resumeInterrupted(inTenMinutes())).toBe(1);
    const taken = await storedDraft(w, c.draftId);
    expect(taken).toMatchObject({ status: 'failed' });
    expect(taken!.error).toContain('请在企业微信的客户群发记录里确认');
    staffLookup.open();
    await approval;

    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 0 });
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'failed' });
  });
});
