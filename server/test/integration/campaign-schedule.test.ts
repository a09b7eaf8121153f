// Scheduled campaigns through the real server and the WeCom stand-in: one set for a chosen time (a festival) or asked
// for inside quiet hours waits, nothing made in WeCom; it can be cancelled until it goes; when its time comes the
// schedule job sends it once however many workers run it, reckoning the audience again — whoever opted out or
// reached the weekly cap since is never messaged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignHelpers } from '../support/campaign-helpers.js';
import { groupSendHelpers } from '../support/group-send-helpers.js';
import { localClock, quietHoursAwayFromNow, setContactPolicy } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const h = campaignHelpers(() => w);
const g = groupSendHelpers(() => w);
beforeAll(async () => {
  w = await startWecomTestApp();
  await quietHoursAwayFromNow(w);
  await setContactPolicy(w, { perWeek: 5 });
});
afterAll(() => w.close());

const HOUR = 3_600_000;
const sendDue = (at: Date) => w.app.container.campaigns.service.sendDue(w.tenant.merchantId, at);

describe('a scheduled campaign', () => {
  const names = ['阿美', '阿强', '阿珍'];
  const customers: Awaited<ReturnType<typeof h.contact>>[] = [];
  beforeAll(async () => {
    for (const name of names) customers.push(await h.contact(name));
    customers.push(await h.contact('小白', 'manager'));
  });

  it('waits for its chosen time, nothing made in WeCom, and shows in the list as scheduled', async () => {
    const sendAt = new Date(Date.now() + 2 * HOUR);
    const res = await h.send({ audience: {}, text: '中秋快乐～', key: 'festival-0001', sendAt: sendAt.toISOString() });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'scheduled', tasks: [], matched: 4 });
    expect(new Date(res.body.sendAt).getTime()).toBe(sendAt.getTime());
    expect(h.tasks('中秋快乐～')).toEqual([]);
    expect(await sendDue(new Date())).toBe(0); // not yet
    expect(h.tasks('中秋快乐～')).toEqual([]);
    const list = (await h.list()).body.campaigns;
    expect(list[0]).toMatchObject({ status: 'scheduled', text: '中秋快乐～', sendAt: sendAt.toISOString() });
    // the same request again (a retried tap) is the same campaign
    const again = await h.send({
      audience: {},
      text: '中秋快乐～',
      key: 'festival-0001',
      sendAt: sendAt.toISOString(),
    });
    expect(again.body.campaignId).toBe(res.body.campaignId);
  });

  it('goes once when its time comes, with several workers at once, and never to who opted out since', async () => {
    const sendAt = new Date(Date.now() + HOUR);
    const res = await h.send({ audience: {}, text: '国庆上新', key: 'national-0001', sendAt: sendAt.toISOString() });
    expect(res.body.senders.reduce((n: number, s: { recipients: number }) => n + s.recipients, 0)).toBe(4);
    expect((await g.optOut(customers[0]!._id)).status).toBe(200);

    const due = new Date(sendAt.getTime() + 60_000);
    const runs = await Promise.all([sendDue(due), sendDue(due), sendDue(due)]);
    expect(runs.reduce((a, b) => a + b, 0)).toBe(1); // one worker took it up; the festival's time has not come
    const made = h.tasks('国庆上新');
    expect(made).toHaveLength(2); // one per staff member
    const reached = made.flatMap((t) => t.externalUserIds);
    expect(reached).not.toContain(customers[0]!.externalUserId);
    expect(reached.sort()).toEqual(
      customers
        .slice(1)
        .map((c) => c.externalUserId)
        .sort(),
    );
    expect(h.tasks('中秋快乐～')).toEqual([]);

    const detail = (await h.detail(res.body.campaignId)).body;
    expect(detail.status).toBe('sent');
    expect(detail.excluded).toEqual([{ reason: 'opted_out', count: 1, sample: ['阿美'] }]);
    expect(await sendDue(due)).toBe(0); // nothing goes twice
    expect(h.tasks('国庆上新')).toHaveLength(2);
  });

  it('leaves out who reached the weekly cap between scheduling and sending', async () => {
    await setContactPolicy(w, { perWeek: 1 }); // 阿强, 阿珍 and 小白 each had a campaign this week
    const sendAt = new Date(Date.now() + HOUR);
    await h.send({ audience: {}, text: '周末特惠', key: 'weekend-cap-01', sendAt: sendAt.toISOString() });
    expect(await sendDue(new Date(sendAt.getTime() + 60_000))).toBe(1);
    expect(h.tasks('周末特惠')).toEqual([]);
    const list = (await h.list()).body.campaigns;
    const detail = (await h.detail(list.find((c: { text: string }) => c.text === '周末特惠').id)).body;
    expect(detail.excluded).toEqual([
      { reason: 'opted_out', count: 1, sample: ['阿美'] },
      { reason: 'weekly_cap', count: 3, sample: expect.arrayContaining(['阿强', '小白']) },
    ]);
    await setContactPolicy(w, { perWeek: 5 });
  });

  it('can be cancelled before it goes, and then never goes', async () => {
    const sendAt = new Date(Date.now() + HOUR);
    const res = await h.send({ audience: {}, text: '元宵猜灯谜', key: 'lantern-0001', sendAt: sendAt.toISOString() });
    const cancelled = await h.cancel(res.body.campaignId);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.status).toBe('cancelled');
    expect((await h.cancel(res.body.campaignId)).status).toBe(200); // a second tap changes nothing
    expect(await sendDue(new Date(sendAt.getTime() + 60_000))).toBe(0);
    expect(h.tasks('元宵猜灯谜')).toEqual([]);
    // asking to send it again under the same key does not bring it back
    const again = await h.send({ audience: {}, text: '元宵猜灯谜', key: 'lantern-0001' });
    expect(again.status).toBe(409);
    expect(h.tasks('元宵猜灯谜')).toEqual([]);
  });

  it('cannot be cancelled once it went, nor by staff or another shop', async () => {
    const sent = (await h.list()).body.campaigns.find((c: { text: string }) => c.text === '国庆上新');
    const res = await h.cancel(sent.id);
    expect(res.status).toBe(409);
    expect(res.body.message).toBe('这次群发已经发出，不能取消了');
    const scheduled = await h.send({
      audience: {},
      text: '端午安康',
      key: 'dragon-0001',
      sendAt: new Date(Date.now() + HOUR).toISOString(),
    });
    expect((await h.cancel(scheduled.body.campaignId, w.tenant.tokens.staff)).status).toBe(403);
    const other = await w.addMerchant();
    expect((await h.cancel(scheduled.body.campaignId, other.tenant.tokens.manager)).status).toBe(404);
    expect((await h.detail(scheduled.body.campaignId)).body.status).toBe('scheduled');
  });

  it('refuses a time already past', async () => {
    const res = await h.send({
      audience: {},
      text: '过期',
      key: 'past-000001',
      sendAt: new Date(Date.now() - 3 * HOUR).toISOString(),
    });
    expect(res.status).toBe(400);
    expect(res.body.message).toBe('发送时间已经过了，请重新选择');
  });
});

describe('a campaign asked for inside quiet hours', () => {
  it('waits until they end, then goes', async () => {
    await setContactPolicy(w, { quietStart: localClock(-60), quietEnd: localClock(60), perWeek: 10 });
    const newcomer = await h.contact('新来的阿梅'); // the others already had a group message today (WeCom's cap)
    const res = await h.send({ audience: {}, text: '早安新品', key: 'quiet-000001' });
    expect(res.status).toBe(201);
    expect(res.body.status).toBe('scheduled');
    const sendAt = new Date(res.body.sendAt);
    expect(Math.abs(sendAt.getTime() - (Date.now() + HOUR))).toBeLessThan(2 * 60_000);
    expect(h.tasks('早安新品')).toEqual([]);
    expect(await sendDue(new Date(sendAt.getTime() + 60_000))).toBeGreaterThanOrEqual(1);
    expect(h.tasks('早安新品').flatMap((t) => t.externalUserIds)).toEqual([newcomer.externalUserId]);
  });
});
