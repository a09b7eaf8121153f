// Campaigns (群发) to a tag audience through the WeCom stand-in: one task per following staff member, and before that
// the preview of who receives it and who is left out and why — the same reckoning as the send.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Types } from 'mongoose';
import { buildCustomer } from '../support/factories.js';
import { quietHoursAwayFromNow } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
  await quietHoursAwayFromNow(w); // sent now, not held until quiet hours end (campaign-schedule.test.ts)
});
afterAll(() => w.close());

const DAY = 86_400_000;
const TAG = '周末活动';
const audience = { tags: [TAG] };

/** Earlier proactive messages the customer got (sent drafts), `daysAgo` each. */
async function sentDrafts(customerId: Types.ObjectId, daysAgo: number[]) {
  await w.app.container.repositories.drafts.insertMany(
    w.tenant.merchantId,
    daysAgo.map((d, i) => ({
      scenario: 'birthday',
      customerId,
      day: `2026-01-0${i + 1}`,
      text: '生日快乐',
      reason: 'test',
      citedIds: [],
      status: 'sent' as const,
      audit: [],
      createdAt: new Date(Date.now() - d * DAY),
      updatedAt: new Date(),
    })),
  );
}

const post = (path: string, body: unknown, token = w.tenant.tokens.manager) =>
  w.app.request(`/api/campaigns/${path}`, { token, body });

describe('campaigns (群发) to an audience', () => {
  const byStaff: string[] = [];
  const byManager: string[] = [];
  let optedOutName = '';

  beforeAll(async () => {
    const { staff, manager } = w.tenant.people;
    for (let i = 0; i < 50; i++) {
      const follower = i % 2 ? manager : staff;
      const c = await buildCustomer(w.app.container, w.tenant.merchantId, {
        name: `活动客${i}`,
        tags: [TAG],
        followStaffIds: [follower._id],
      });
      (i % 2 ? byManager : byStaff).push(c.externalUserId!);
    }
    const optedOut = await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '退订的王女士',
      tags: [TAG],
      followStaffIds: [staff._id],
      optedOut: true,
    });
    optedOutName = optedOut.name;
    await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '只留了手机号',
      tags: [TAG],
      externalUserId: undefined,
    });
    await buildCustomer(w.app.container, w.tenant.merchantId, { name: '没人跟进', tags: [TAG], followStaffIds: [] });
    const capped = await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '本周收满了',
      tags: [TAG],
      followStaffIds: [staff._id],
    });
    await sentDrafts(capped._id, [1, 2]);
    const cooling = await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '一直没回',
      tags: [TAG],
      followStaffIds: [staff._id],
    });
    await sentDrafts(cooling._id, [1, 9]);
    await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '别的标签',
      tags: ['新品'],
      followStaffIds: [staff._id],
    });
  });

  let preview: { matched: number; senders: unknown[]; excluded: { reason: string; count: number; sample: string[] }[] };

  it('previews who receives it per staff member and who is left out, with the reason and names', async () => {
    const res = await post('preview', { audience });
    expect(res.status).toBe(200);
    preview = res.body;
    expect(preview.matched).toBe(55);
    expect(preview.senders).toEqual(
      expect.arrayContaining([
        { staffId: String(w.tenant.people.staff._id), name: w.tenant.people.staff.name, recipients: 25 },
        { staffId: String(w.tenant.people.manager._id), name: w.tenant.people.manager.name, recipients: 25 },
      ]),
    );
    expect(preview.excluded).toEqual([
      { reason: 'opted_out', count: 1, sample: [optedOutName] },
      { reason: 'not_wecom_contact', count: 1, sample: ['只留了手机号'] },
      { reason: 'no_follow_staff', count: 1, sample: ['没人跟进'] },
      { reason: 'weekly_cap', count: 1, sample: ['本周收满了'] },
      { reason: 'cool_down', count: 1, sample: ['一直没回'] },
    ]);
    expect(JSON.stringify(res.body)).not.toMatch(/wm_ext_|wecomUserId|externalUserId/); // no WeCom ids
  });

  it('makes one WeCom task per staff member with all their recipients, exactly as previewed', async () => {
    const before = w.standin.state.groupSendTasks.length;
    const res = await post('send', { audience, text: '周末第二杯半价', key: 'weekend-0001' });
    expect(res.status).toBe(201);
    const made = w.standin.state.groupSendTasks.slice(before);
    expect(made).toHaveLength(2);
    const of = (sender: string) => made.find((t) => t.sender === sender)!;
    expect(new Set(of(w.tenant.people.staff.wecomUserId).externalUserIds)).toEqual(new Set(byStaff));
    expect(new Set(of(w.tenant.people.manager.wecomUserId).externalUserIds)).toEqual(new Set(byManager));
    expect(made.every((t) => t.text === '周末第二杯半价')).toBe(true);
    const { tasks, uncertain, campaignId, status, ...reckoned } = res.body;
    expect(status).toBe('sent');
    expect(campaignId).toMatch(/^[0-9a-f]{24}$/);
    expect(reckoned).toEqual(preview);
    expect(uncertain).toBe(0);
    expect(tasks.map((t: { recipients: number }) => t.recipients)).toEqual([25, 25]);
  });

  it('makes no second task when the same send is retried or doubled', async () => {
    const before = w.standin.state.groupSendTasks.length;
    const first = await post('send', { audience, text: '周末第二杯半价', key: 'weekend-0001' });
    expect(first.status).toBe(201);
    expect(w.standin.state.groupSendTasks.length).toBe(before);
    expect(first.body.senders).toHaveLength(2); // this campaign's own tasks do not cap its recipients

    // a new campaign to a one-off audience, its request sent twice at once
    const c = await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '双击客',
      tags: ['双击'],
      followStaffIds: [w.tenant.people.staff._id],
    });
    const body = { audience: { tags: ['双击'] }, text: '新品试饮', key: 'double-0001' };
    const [a, b] = await Promise.all([post('send', body), post('send', body)]);
    expect([a.status, b.status].sort()).toContain(201);
    expect([a.status, b.status].every((s) => s === 201 || s === 409)).toBe(true);
    const again = await post('send', body);
    expect(again.status).toBe(201);
    expect(w.standin.state.groupSendTasks.filter((t) => t.externalUserIds.includes(c.externalUserId!))).toHaveLength(1);
  });

  it('leaves out who already got a group message today (WeCom’s cap) from the next campaign', async () => {
    const res = await post('preview', { audience });
    expect(res.body.senders).toEqual([]);
    expect(res.body.excluded).toContainEqual(expect.objectContaining({ reason: 'group_send_cap', count: 50 }));
  });

  it('leaves out a customer who opted out after the preview', async () => {
    const c = await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '刚退订',
      tags: ['刚退订'],
      followStaffIds: [w.tenant.people.staff._id],
    });
    const other = await buildCustomer(w.app.container, w.tenant.merchantId, {
      name: '还在',
      tags: ['刚退订'],
      followStaffIds: [w.tenant.people.staff._id],
    });
    const shown = await post('preview', { audience: { tags: ['刚退订'] } });
    expect(shown.body.senders).toEqual([expect.objectContaining({ recipients: 2 })]);
    await w.app.container.repositories.customers.optOut(
      w.tenant.merchantId,
      { id: String(c._id) },
      { by: 'customer', via: 'kf' },
    );
    const before = w.standin.state.groupSendTasks.length;
    const sent = await post('send', { audience: { tags: ['刚退订'] }, text: '会员日', key: 'optout-0001' });
    expect(sent.body.excluded).toEqual([{ reason: 'opted_out', count: 1, sample: ['刚退订'] }]);
    const made = w.standin.state.groupSendTasks.slice(before);
    expect(made.map((t) => t.externalUserIds)).toEqual([[other.externalUserId]]);
  });

  it('takes a customer who opts out after the task was made off it (stopped and made again for the others)', async () => {
    const [c, other] = [
      await buildCustomer(w.app.container, w.tenant.merchantId, {
        name: '事后退订',
        tags: ['事后'],
        followStaffIds: [w.tenant.people.staff._id],
      }),
      await buildCustomer(w.app.container, w.tenant.merchantId, {
        name: '照常收到',
        tags: ['事后'],
        followStaffIds: [w.tenant.people.staff._id],
      }),
    ];
    const sent = await post('send', { audience: { tags: ['事后'] }, text: '店庆', key: 'after-0001' });
    expect(sent.status).toBe(201);
    const optedOut = await w.app.request(`/api/customers/${c._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.staff,
      body: { optedOut: true },
    });
    expect(optedOut.status).toBe(200);
    const live = w.standin.state.groupSendTasks.filter((t) => t.text === '店庆' && !t.cancelledAt);
    expect(live.map((t) => t.externalUserIds)).toEqual([[other.externalUserId]]);
  });

  it('is for managers, checks its input, and keeps each shop’s tasks to itself', async () => {
    expect((await post('preview', { audience }, w.tenant.tokens.staff)).status).toBe(403);
    expect((await post('send', { audience, text: 'x', key: 'short' })).status).toBe(400);
    expect((await post('send', { audience, text: ' ', key: 'blank-text-01' })).status).toBe(400);
    expect((await post('preview', { audience: { lastVisitDays: { min: 30, max: 7 } } })).status).toBe(400);
    expect((await post('preview', { audience: { lifecycle: ['常客'] } })).status).toBe(400);

    const mine = await post('send', { audience, text: '周末第二杯半价', key: 'weekend-0001' });
    const other = await w.addMerchant();
    const peek = await w.app.request(`/api/group-sends/${mine.body.tasks[0].id}`, {
      token: other.tenant.tokens.manager,
    });
    expect(peek.status).toBe(404);
    const theirs = await post('preview', { audience }, other.tenant.tokens.manager);
    expect(theirs.body).toEqual({ matched: 0, senders: [], excluded: [] });
  });
});
