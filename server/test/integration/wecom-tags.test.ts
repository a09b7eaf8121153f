import { sealCallback } from '@xiaoer/dev-services/wecom-standin/callback-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENT_ID, startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const until = async (check: () => boolean | Promise<boolean>, ms = 15_000) => {
  const deadline = Date.now() + ms;
  while (!(await check()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  return check();
};
beforeAll(async () => {
  w = await startWecomTestApp({ role: 'all' });
  // The worker's automatic tagging runs once at start (then every 6 hours): let it finish first, or it may tag the
  // customers these tests add (新客户) in the middle of a test.
  const autoTagged = async () =>
    Boolean((await w.app.container.jobs.agenda.queryJobs({ name: 'tags.auto' })).jobs[0]?.lastFinishedAt);
  expect(await until(autoTagged, 15_000)).toBe(true);
});
afterAll(() => w.close());

const inboxSettled = () =>
  until(
    async () =>
      (await w.app.container.wecom.inbox.count(w.tenant.merchantId, { status: ['pending', 'processing'] })) === 0,
  );
const tagNamesOn = (externalUserId: string, userid: string) => {
  const ids = w.standin.state.contacts.get(externalUserId)?.followers.get(userid)?.tagIds ?? [];
  const all = (w.standin.state.tagGroups.get(w.corpId) ?? []).flatMap((g) => g.tags);
  return ids.map((id) => all.find((t) => t.id === id)?.name).sort();
};

describe('corp tags', () => {
  it('mirrors the tags the merchant made in WeCom, and again when WeCom says they changed', async () => {
    w.standin.state.tagGroups.set(w.corpId, [
      {
        groupId: 'g1',
        groupName: '客户等级',
        order: 0,
        tags: [{ id: 'et1', name: '金卡会员', order: 0, createTime: 0 }],
      },
    ]);
    const app = (await w.app.container.wecom.apps.findByCorpId(w.corpId))!;
    expect(await w.app.container.tagSync.pull(app)).toBe(1);
    w.standin.state.tagGroups.get(w.corpId)![0]!.tags.push({ id: 'et2', name: '银卡会员', order: 0, createTime: 0 });
    const { query, body } = sealCallback(w.standin.state.corp(w.corpId)!, AGENT_ID, {
      ToUserName: w.corpId,
      MsgType: 'event',
      Event: 'change_external_tag',
      ChangeType: 'create',
      Id: 'et2',
      TagType: 'tag',
      CreateTime: 5,
    });
    await fetch(`${w.app.url}/wecom/callback/${w.corpId}?${query}`, {
      method: 'POST',
      headers: { 'content-type': 'text/xml' },
      body,
    });
    expect(await inboxSettled()).toBe(true);
    const mirrored = await w.app.container.repositories.corpTags.list(w.tenant.merchantId);
    expect(mirrored.map((t) => t.name).sort()).toEqual(['金卡会员', '银卡会员']);
  });

  it("pushes a staff member's tag edit to WeCom, creating missing tags in our group, and removes ours only", async () => {
    const userid = w.tenant.people.staff.wecomUserId;
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, userid, { name: '标签顾客' });
    // a tag a member set by hand in WeCom, unknown to us: it must survive our pushes
    w.standin.state.tagGroups.get(w.corpId)!.push({
      groupId: 'gp',
      groupName: '个人',
      order: 0,
      tags: [{ id: 'etp', name: '手动标签', order: 0, createTime: 0 }],
    });
    w.standin.state.contacts.get(externalUserId)!.followers.get(userid)!.tagIds.push('etp');
    expect(await inboxSettled()).toBe(true);
    const customer = await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    );
    expect(customer).toBeTruthy();

    const res = await w.app.request(`/api/customers/${customer!._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.staff,
      body: { tags: ['少糖党', '金卡会员'] },
    });
    expect(res.status).toBe(200);
    expect(await until(() => tagNamesOn(externalUserId, userid).length === 3)).toBe(true);
    expect(tagNamesOn(externalUserId, userid)).toEqual(['少糖党', '手动标签', '金卡会员'].sort());
    expect(
      w.standin.state.tagGroups
        .get(w.corpId)!
        .find((g) => g.groupName === '小二标签')
        ?.tags.map((t) => t.name),
    ).toEqual(['少糖党']);

    await w.app.request(`/api/customers/${customer!._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.staff,
      body: { tags: ['少糖党'] },
    });
    expect(await until(() => tagNamesOn(externalUserId, userid).length === 2)).toBe(true);
    expect(tagNamesOn(externalUserId, userid)).toEqual(['少糖党', '手动标签'].sort());
  });

  it('lets many pushes create the same new tag at once (auto-tagging): the losers take the winner’s tag', async () => {
    const userid = w.tenant.people.staff.wecomUserId;
    const people = await Promise.all(
      ['并发一', '并发二', '并发三'].map((name) => w.standin.customers.addsMember(w.corpId, userid, { name })),
    );
    expect(await inboxSettled()).toBe(true);
    const app = (await w.app.container.wecom.apps.findByCorpId(w.corpId))!;
    const ids = [];
    for (const p of people) {
      const c = (await w.app.container.repositories.customers.findByExternalUserId(
        w.tenant.merchantId,
        p.externalUserId,
      ))!;
      await w.app.container.repositories.customers.update(w.tenant.merchantId, String(c._id), { tags: ['高价值客户'] });
      ids.push(String(c._id));
    }
    await Promise.all(ids.map((id) => w.app.container.tagSync.pushCustomer(app, w.tenant.merchantId, id)));
    for (const p of people) expect(tagNamesOn(p.externalUserId, userid)).toEqual(['高价值客户']);
    expect(
      w.standin.state.tagGroups
        .get(w.corpId)!
        .flatMap((g) => g.tags)
        .filter((t) => t.name === '高价值客户'),
    ).toHaveLength(1);
    // a customer WeCom never knew (an imported member with a made-up id): nothing to push, and no endless retries
    await w.app.container.repositories.customers.insertMany(w.tenant.merchantId, [
      {
        externalUserId: 'wmNeverAContact',
        name: '导入会员',
        gender: 'unknown',
        tags: ['高价值客户'],
        sourceChannel: 'import',
        followStaffIds: [],
        notes: [],
        firstContactAt: new Date(),
        lastContactAt: new Date(),
        consentMarketing: true,
        optedOut: false,
      } as never,
    ]);
    const ghost = (await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      'wmNeverAContact',
    ))!;
    expect(await w.app.container.tagSync.pushCustomer(app, w.tenant.merchantId, String(ghost._id))).toEqual({
      added: 0,
      removed: 0,
    });
  });

  it('keeps the edit when WeCom is failing, and the job retries until it is pushed', async () => {
    const userid = w.tenant.people.manager.wecomUserId;
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, userid, { name: '稍后同步' });
    expect(await inboxSettled()).toBe(true);
    const customer = await w.app.container.repositories.customers.findByExternalUserId(
      w.tenant.merchantId,
      externalUserId,
    );
    w.standin.state.injectError('/cgi-bin/externalcontact/mark_tag', 60020, 1);
    const res = await w.app.request(`/api/customers/${customer!._id}`, {
      method: 'PATCH',
      token: w.tenant.tokens.manager,
      body: { tags: ['爱尝新品'] },
    });
    expect(res.status).toBe(200);
    expect(res.body.tags).toEqual(['爱尝新品']);
    const failedOnce = () => (w.standin.state.injected.get('/cgi-bin/externalcontact/mark_tag') ?? []).length === 0;
    expect(await until(failedOnce)).toBe(true);
    expect(tagNamesOn(externalUserId, userid)).toEqual([]);
    expect(await until(() => tagNamesOn(externalUserId, userid).length === 1, 10_000)).toBe(true);
    expect(tagNamesOn(externalUserId, userid)).toEqual(['爱尝新品']);
  });
});
