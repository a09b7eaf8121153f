// Withdrawing an opted-out customer from group sends made by hand (GroupSendService.withdraw): WeCom cannot drop one
// recipient from a task, so it is stopped and made again for the others. Two opt-outs at once must not each remake
// the same task minus only their own customer, one task WeCom refuses to stop must not keep the customer on the
// others, and the task made again names only customers who may still receive it.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { GROUP_SEND_WITHDRAWAL_RETRY } from '../../src/modules/campaigns/group-send-withdrawal.job.js';
import { groupSendHelpers } from '../support/group-send-helpers.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const { wecomCustomer, optOut, groupSend, liveTasks } = groupSendHelpers(() => w);

/** A group send made two days ago (past the one-per-day cap, so the same customers may get another today). */
async function groupSendTwoDaysAgo(customerIds: unknown[], text: string) {
  vi.useFakeTimers({ toFake: ['Date'], now: Date.now() - 2 * 86_400_000 });
  try {
    expect((await groupSend(customerIds, text)).status).toBe(201);
  } finally {
    vi.useRealTimers();
  }
}

describe('taking an opted-out customer off group sends', () => {
  it('leaves both customers out when two of one task opt out at the same moment, and the rest get it once', async () => {
    const [a, b, c] = [await wecomCustomer('甲'), await wecomCustomer('乙'), await wecomCustomer('丙')];
    const text = '并发退订测试';
    expect((await groupSend([a._id, b._id, c._id], text)).status).toBe(201);

    const [ra, rb] = await Promise.all([optOut(a._id), optOut(b._id)]);
    expect([ra.status, rb.status]).toEqual([200, 200]);

    const live = liveTasks(text);
    for (const t of live) expect(t.externalUserIds).not.toEqual(expect.arrayContaining([a.externalUserId]));
    for (const t of live) expect(t.externalUserIds).not.toEqual(expect.arrayContaining([b.externalUserId]));
    expect(live.map((t) => t.externalUserIds)).toEqual([[c.externalUserId]]);
  });

  it('still withdraws the other tasks when WeCom refuses to stop one, and the retry job takes it up later', async () => {
    const [d, e] = [await wecomCustomer('丁'), await wecomCustomer('戊')];
    await groupSendTwoDaysAgo([d._id, e._id], '第一次群发');
    expect((await groupSend([d._id, e._id], '第二次群发')).status).toBe(201);
    w.standin.state.injectError('/cgi-bin/externalcontact/cancel_groupmsg_send', 41063, 1);

    expect((await optOut(e._id)).status).toBe(200);
    const naming = (t: { externalUserIds: string[] }) => t.externalUserIds.includes(e.externalUserId!);
    const stillNaming = [...liveTasks('第一次群发'), ...liveTasks('第二次群发')].filter(naming);
    expect(stillNaming).toHaveLength(1); // only the one WeCom refused
    expect([...liveTasks('第一次群发'), ...liveTasks('第二次群发')].filter((t) => !naming(t))).toHaveLength(1);

    // the retry job takes it up: 戊 is left out of it too, and 丁 still gets each text once
    const job = w.app.container.jobDefinitions.find((j) => j.name === GROUP_SEND_WITHDRAWAL_RETRY)!;
    await job.handler({} as never);
    const live = [...liveTasks('第一次群发'), ...liveTasks('第二次群发')];
    expect(live.filter(naming)).toEqual([]);
    expect(live.map((t) => t.externalUserIds)).toEqual([[d.externalUserId], [d.externalUserId]]);
    await job.handler({} as never); // the next tick changes nothing
    expect(w.standin.state.groupSendTasks.filter((t) => t.text === '第一次群发')).toHaveLength(2);
  });

  it('makes the task again only for recipients who may still receive it', async () => {
    const [f, g, h] = [await wecomCustomer('己'), await wecomCustomer('庚'), await wecomCustomer('辛')];
    expect((await groupSend([f._id, g._id, h._id], '周末活动')).status).toBe(201);
    // 庚 left the staff member's contacts after the task was made
    await w.app.container.repositories.customers.setContactStatus(
      w.tenant.merchantId,
      g.externalUserId!,
      'deleted_by_customer',
    );

    expect((await optOut(f._id)).status).toBe(200);
    expect(liveTasks('周末活动').map((t) => t.externalUserIds)).toEqual([[h.externalUserId]]);
  });

  it('lets only one opt-out claim a task, and none once it is stopped', async () => {
    const [i, j] = [await wecomCustomer('壬'), await wecomCustomer('癸')];
    expect((await groupSend([i._id, j._id], '认领测试')).status).toBe(201);
    const repo = w.app.container.repositories.groupSends;
    const [task] = await repo.openNaming(w.tenant.merchantId, i.externalUserId!, new Date(0));
    const now = new Date();
    const claims = await Promise.all(
      [1, 2, 3].map(() => repo.claimForWithdrawal(w.tenant.merchantId, task!._id, now, 60_000)),
    );
    expect(claims.filter(Boolean)).toHaveLength(1);
    // a claim of a worker that died midway may be taken over once stale
    expect(
      await repo.claimForWithdrawal(w.tenant.merchantId, task!._id, new Date(now.getTime() + 120_000), 60_000),
    ).toBe(true);
    await repo.markCancelled(w.tenant.merchantId, task!._id, now);
    await repo.releaseWithdrawal(w.tenant.merchantId, task!._id);
    expect(await repo.claimForWithdrawal(w.tenant.merchantId, task!._id, now, 60_000)).toBe(false);
  });
});
