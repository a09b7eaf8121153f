// The whole contact policy at the moment of sending, not only when the draft was written: a draft approved (one or
// many), auto-sent or resumed in the merchant's quiet hours waits and goes out when they end; one that would take the
// customer past the weekly cap (another draft reached them meanwhile) is cancelled with the reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addDraft,
  approveDraft,
  customerWithDraft,
  localClock,
  reached,
  setContactPolicy,
  storedDraft,
  today,
} from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const MINUTE = 60_000;
const later = (minutes: number) => new Date(Date.now() + minutes * MINUTE);
const resume = (at: Date) => w.app.container.outreach.drafts.resumeInterrupted(at);
/** Quiet hours from an hour ago to an hour from now (merchant-local). */
const quietNow = () => setContactPolicy(w, { quietStart: localClock(-60), quietEnd: localClock(60) });
const actions = async (id: string) => (await storedDraft(w, id))!.audit.map((a) => a.action);

describe('quiet hours at the moment of sending', () => {
  it('holds a draft approved in quiet hours and sends it once they are over', async () => {
    const c = await customerWithDraft(w, '夜里批的');
    await quietNow();
    const res = await approveDraft(w, c.draftId);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'approved' });
    expect(res.body.audit.at(-1)).toEqual({
      at: expect.any(String),
      by: 'system',
      action: 'held_quiet_hours',
      note: `现在是免打扰时段（${localClock(-60)}–${localClock(60)}），${localClock(60)}后自动发送`,
    });
    const sendAfter = (await storedDraft(w, c.draftId))!.sendAfter!.getTime();
    expect(res.body.sendAfter).toBe(new Date(sendAfter).toISOString());
    expect(sendAfter).toBeGreaterThan(later(58).getTime());
    expect(sendAfter).toBeLessThanOrEqual(later(60).getTime());
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 0 });

    await resume(later(30)); // still quiet
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'approved' });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 0 });

    await resume(later(61));
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'sent' });
    expect(await actions(c.draftId)).toEqual([
      'drafted',
      'approved',
      'held_quiet_hours',
      'quiet_hours_over',
      'group_send_requested',
      'group_send_created',
    ]);
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 1 });
  });

  it('holds drafts approved together, and sends nothing on 微信客服 either', async () => {
    const a = await customerWithDraft(w, '一起批的甲');
    const b = await customerWithDraft(w, '一起批的乙');
    await w.kfCustomerWrites(b.externalUserId, '在吗'); // the 48-hour window is open
    const before = reached(w, b.externalUserId).kf;
    await quietNow();
    const res = await w.app.request('/api/outreach/drafts/approve', {
      token: w.tenant.tokens.owner,
      body: { ids: [a.draftId, b.draftId] },
    });
    expect(res.body.results).toEqual([
      { id: a.draftId, status: 'approved' },
      { id: b.draftId, status: 'approved' },
    ]);
    expect(reached(w, a.externalUserId)).toEqual({ kf: [], groupSends: 0 });
    expect(reached(w, b.externalUserId)).toEqual({ kf: before, groupSends: 0 });
  });

  it('holds auto-sent drafts in quiet hours', async () => {
    const c = await customerWithDraft(w, '自动发的夜猫子', 'member_day');
    await quietNow();
    expect(await w.app.container.outreach.drafts.autoSend(w.tenant.merchantId, 'member_day', today(), new Date())).toBe(
      0,
    );
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'approved', sendAfter: expect.any(Date) });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });

  it('holds an interrupted send that is resumed in quiet hours', async () => {
    const c = await customerWithDraft(w, '断了又赶上夜里');
    // the process loses its database while finding who will send it (before WeCom is asked)
    const staff = w.app.container.repositories.staff;
    const findById = staff.findById.bind(staff);
    staff.findById = async () => {
      staff.findById = findById;
      throw new Error('connection reset');
    };
    expect((await approveDraft(w, c.draftId)).body).toMatchObject({ status: 'approved' });
    await setContactPolicy(w, { quietStart: localClock(0), quietEnd: localClock(60) });
    await resume(later(10));
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'approved', sendAfter: expect.any(Date) });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 0 });
    await resume(later(61));
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'sent' });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 1 });
  });

  it('cancels a held draft at once when the customer opts out', async () => {
    const c = await customerWithDraft(w, '等着的时候退订');
    await quietNow();
    expect((await approveDraft(w, c.draftId)).body).toMatchObject({ status: 'approved' });
    await w.app.request(`/api/customers/${c.customer._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.staff,
      body: { optedOut: true },
    });
    expect(await storedDraft(w, c.draftId)).toMatchObject({ status: 'cancelled', error: '客户已退订' });
    await resume(later(61));
    expect(reached(w, c.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });
});

describe('the weekly cap at the moment of sending', () => {
  it('cancels a draft once another one has reached the customer this week, and tells the owner why', async () => {
    const c = await customerWithDraft(w, '一周一条');
    await w.kfCustomerWrites(c.externalUserId, '在吗'); // both would go straight through 微信客服
    const second = await addDraft(w, c.customer._id, 'member_day', '会员日到啦，来店里坐坐～');
    await setContactPolicy(w, { perWeek: 1 });
    expect((await approveDraft(w, c.draftId)).body).toMatchObject({ status: 'delivered' });
    const res = await approveDraft(w, second);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ status: 'cancelled', error: '本周已达主动消息上限' });
    expect(res.body.audit.at(-1)).toMatchObject({ action: 'cancelled', note: '本周已达主动消息上限' });
    expect(reached(w, c.externalUserId)).toEqual({ kf: [c.text], groupSends: 0 });
  });

  it('lets the first of two held drafts go and cancels the second when quiet hours end', async () => {
    const c = await customerWithDraft(w, '夜里批了两条');
    await w.kfCustomerWrites(c.externalUserId, '在吗');
    const second = await addDraft(w, c.customer._id, 'member_day', '会员日到啦，来店里坐坐～');
    await setContactPolicy(w, { perWeek: 1 });
    await quietNow();
    expect((await approveDraft(w, c.draftId)).body).toMatchObject({ status: 'approved' });
    expect((await approveDraft(w, second)).body).toMatchObject({ status: 'approved' });
    await resume(later(61));
    const outcomes = [await storedDraft(w, c.draftId), await storedDraft(w, second)].map((d) => d!.status).sort();
    expect(outcomes).toEqual(['cancelled', 'delivered']);
    expect(reached(w, c.externalUserId).kf).toHaveLength(1);
    expect(reached(w, c.externalUserId).groupSends).toBe(0);
  });
});
