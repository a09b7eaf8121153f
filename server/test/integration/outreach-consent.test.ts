// Consent at the moment of sending: a customer who opted out (退订 on 微信客服, or staff marking it) or who is no
// longer a contact gets no proactive message, whichever way the draft would go out (微信客服 inside the 48-hour
// window, a group-send task, auto-send) — their pending drafts are cancelled with the reason, and a draft already
// approved is checked again when it is sent.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OPT_OUT_CONFIRMATION } from '../../src/modules/ai/auto-reply.service.js';
import * as drafts from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const DAY = drafts.today();
const customerWithDraft = (name: string, scenario?: string) => drafts.customerWithDraft(w, name, scenario);
const approve = (id: string) => drafts.approveDraft(w, id);
const draft = (id: string) => drafts.storedDraft(w, id);
const reached = (externalUserId: string) => drafts.reached(w, externalUserId);

beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

describe('opting out on 微信客服', () => {
  it('cancels the pending draft, and approving it afterwards sends nothing', async () => {
    const c = await customerWithDraft('退订的小周');
    expect(await w.kfCustomerWrites(c.externalUserId, '退订')).toEqual([OPT_OUT_CONFIRMATION]);

    const res = await approve(c.draftId);
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('客户已退订');
    expect(reached(c.externalUserId)).toEqual({ kf: [OPT_OUT_CONFIRMATION], groupSends: 0 });
    const stored = await draft(c.draftId);
    expect(stored).toMatchObject({ status: 'cancelled', error: '客户已退订' });
    expect(stored!.audit.at(-1)).toMatchObject({ by: 'system', action: 'cancelled', note: '客户已退订' });
  });

  it('leaves nothing for auto-send either', async () => {
    const c = await customerWithDraft('自动发送前退订', 'birthday');
    await w.kfCustomerWrites(c.externalUserId, 'TD');
    expect(await w.app.container.outreach.drafts.autoSend(w.tenant.merchantId, 'birthday', DAY)).toBe(0);
    expect(reached(c.externalUserId)).toEqual({ kf: [OPT_OUT_CONFIRMATION], groupSends: 0 });
    expect(await draft(c.draftId)).toMatchObject({ status: 'cancelled' });
  });
});

describe('the contact policy checked again at the moment of sending', () => {
  it('auto-send skips a customer who opted out after the draft was read (no 微信客服 message either)', async () => {
    const c = await customerWithDraft('刚退订的', 'member_day');
    await w.kfCustomerWrites(c.externalUserId, '在吗'); // the 48-hour window is open
    // the opt-out lands without the drafts inbox hearing of it (another process, a moment after the draft was read):
    // in one process the product's opt-out always tells the drafts inbox, so the race is written directly
    // eslint-disable-next-line test-boundary/no-raw-collections -- simulates another process's opt-out mid-send
    const customers = w.app.container.mongo.collection('customers');
    await customers.updateOne({ _id: c.customer._id }, { $set: { optedOut: true } });
    expect(await w.app.container.outreach.drafts.autoSend(w.tenant.merchantId, 'member_day', DAY)).toBe(0);
    expect(reached(c.externalUserId)).toEqual({ kf: [], groupSends: 0 });
    const stored = await draft(c.draftId);
    expect(stored).toMatchObject({ status: 'cancelled', error: '客户已退订' });
    expect(stored!.audit.map((a: { action: string }) => a.action)).toEqual(['drafted', 'auto_approved', 'cancelled']);
  });

  it('does not message a customer who deleted the staff member, even on 微信客服 inside the window', async () => {
    const c = await customerWithDraft('删了店员的');
    await w.kfCustomerWrites(c.externalUserId, '在吗');
    await w.standin.customers.deletesMember(w.corpId, w.tenant.people.staff.wecomUserId, c.externalUserId);
    await w.drain();
    const res = await approve(c.draftId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', error: '客户已删除员工' });
    expect(reached(c.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });

  it('still sends to a customer who may be messaged: 微信客服 inside the window, else a group-send task', async () => {
    const kf = await customerWithDraft('还在联系的');
    await w.kfCustomerWrites(kf.externalUserId, '在吗');
    const viaKf = await approve(kf.draftId);
    expect(viaKf.body).toMatchObject({ status: 'delivered' });
    expect(reached(kf.externalUserId)).toEqual({ kf: [kf.text], groupSends: 0 });

    const task = await customerWithDraft('没找过客服的');
    const viaTask = await approve(task.draftId);
    expect(viaTask.body).toMatchObject({ status: 'sent' });
    expect(reached(task.externalUserId)).toEqual({ kf: [], groupSends: 1 });
  });
});

describe('opting out after the draft became a group-send task', () => {
  it('stops the task the staff member has not confirmed yet, and cancels the draft', async () => {
    const c = await customerWithDraft('已建群发后退订');
    expect((await approve(c.draftId)).body).toMatchObject({ status: 'sent' }); // no 微信客服 window: a group-send task
    const task = () => w.standin.state.groupSendTasks.find((t) => t.externalUserIds.includes(c.externalUserId));
    expect(task()?.cancelledAt).toBeUndefined();

    const res = await w.app.request(`/api/customers/${c.customer._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.staff,
      body: { optedOut: true },
    });
    expect(res.status).toBe(200);
    expect(task()?.cancelledAt).toEqual(expect.any(Number));
    const stored = await draft(c.draftId);
    expect(stored).toMatchObject({ status: 'cancelled', error: '客户已退订' });
    expect(stored!.audit.at(-1)).toMatchObject({
      by: 'system',
      action: 'cancelled',
      note: expect.stringContaining('已停止'),
    });
  });

  it('stops it at the next delivery check when WeCom could not be reached at the opt-out', async () => {
    const c = await customerWithDraft('退订时企微不通');
    expect((await approve(c.draftId)).body).toMatchObject({ status: 'sent' });
    w.standin.state.injectError('/cgi-bin/externalcontact/cancel_groupmsg_send', -1, 100); // busy, past the client's retries
    await w.app.request(`/api/customers/${c.customer._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.staff,
      body: { optedOut: true },
    });
    const task = () => w.standin.state.groupSendTasks.find((t) => t.externalUserIds.includes(c.externalUserId));
    expect(task()?.cancelledAt).toBeUndefined();
    expect(await draft(c.draftId)).toMatchObject({ status: 'sent' });

    w.standin.state.injected.delete('/cgi-bin/externalcontact/cancel_groupmsg_send'); // WeCom is back
    await w.app.container.outreach.drafts.refreshDelivery(w.tenant.merchantId);
    expect(task()?.cancelledAt).toEqual(expect.any(Number));
    expect(await draft(c.draftId)).toMatchObject({ status: 'cancelled', error: '客户已退订' });
  });
});
