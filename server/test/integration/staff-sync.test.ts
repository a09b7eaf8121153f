// The owner's staff step: the members of the WeCom app's visible range synced from the stand-in (departments walked
// with their sub-departments, members named one by one, a name WeCom withheld given later by the member), kept in
// step by change_contact, the owner's claim of their own member (then their sidebar sign-in works as the owner),
// roles and shops with their rules, another merchant's ids, invites with their QR code.
import { deliverCallback } from '@xiaoer/dev-services/wecom-standin/callback-sender';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { freshAddress, OPERATOR_TEST_ENV, postPublic, signedInOperator, tokenOf } from '../support/operator.js';
import { shopWithTeam as shopWithTeamOf } from '../support/staff-team.js';
import { newShopWithCorp, setupCalls } from '../support/wecom-setup.js';
import { AGENT_ID, startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let operatorToken: string;
beforeAll(async () => {
  w = await startWecomTestApp({ role: 'all', env: { ...OPERATOR_TEST_ENV, JOBS_POLL_MS: '200' } });
  operatorToken = (await signedInOperator(w.app)).token;
});
afterAll(() => w.close());

type Member = { id: string; name: string; role: string; wecomUserId: string; shopIds: string[]; nameMissing: boolean };

const shopWithTeam = (name: string) => shopWithTeamOf(w, operatorToken, name);

const team = async (token: string): Promise<Member[]> => {
  const res = await w.app.request('/api/staff', { token });
  expect(res.status).toBe(200);
  return res.body.items;
};
const byUserId = (members: Member[], userid: string) => members.find((m) => m.wecomUserId === userid)!;

/** Starts the sync from the staff step and waits for the job to finish it. */
async function synced(token: string) {
  const started = await w.app.request('/api/staff/sync', { method: 'POST', token });
  expect(started.status).toBe(202);
  expect(started.body.sync.status).toBe('running');
  const deadline = Date.now() + 10_000;
  for (;;) {
    const res = await w.app.request('/api/staff/sync', { token });
    if (res.body.sync.status !== 'running' || Date.now() > deadline) return res.body.sync;
    await new Promise((r) => setTimeout(r, 100));
  }
}

const sessionOf = async (merchantId: MerchantId, userid: string) => {
  const member = await w.app.container.repositories.staff.findByWecomUserId(merchantId, userid);
  return (await w.app.container.services.auth.issueFor(member!)).token;
};

/** The sidebar's sign-in as the member signed in to WeCom: WeCom's OAuth page (the stand-in's), then our login. */
async function sidebarSignIn(corpId: string, userid: string) {
  w.standin.signedInAs(corpId, userid);
  const redirectUri = 'https://xiaoer.example.com/sidebar/';
  const oauth = await w.app.request(
    `/api/auth/wecom/oauth-url?corpId=${corpId}&redirectUri=${encodeURIComponent(redirectUri)}`,
    { headers: freshAddress() },
  );
  expect(oauth.status).toBe(200);
  const page = await fetch(oauth.body.url.replace('#wechat_redirect', ''), { redirect: 'manual' });
  const code = new URL(page.headers.get('location')!).searchParams.get('code');
  return postPublic(w.app, '/api/auth/wecom', { corpId, code });
}

describe('the staff step', () => {
  it("syncs the app's visible range: departments with sub-departments and members named; idempotent", async () => {
    const shop = await shopWithTeam('周记面馆');
    const first = await synced(shop.owner);
    expect(first).toMatchObject({ status: 'done', total: 5, synced: 5, namesWithheld: 1, deactivated: 0 });
    const members = await team(shop.owner);
    // the owner's placeholder and the five members the app sees; 外人 is outside the range
    expect(members.map((m) => m.wecomUserId).sort()).toEqual(['chen', 'li', 'wang', 'x7', 'zhou', '~setup-owner']);
    expect(byUserId(members, 'wang')).toMatchObject({ name: '王师傅', role: 'staff', nameMissing: false });
    // WeCom withheld 赵六's name: the userid stands in until they give it
    expect(byUserId(members, 'x7')).toMatchObject({ name: 'x7', nameMissing: true });

    // the owner sets a role; a second sync changes nothing and creates no one twice
    const li = byUserId(members, 'li');
    expect(
      (await w.app.request(`/api/staff/${li.id}`, { method: 'PUT', token: shop.owner, body: { role: 'manager' } }))
        .status,
    ).toBe(200);
    const again = await synced(shop.owner);
    expect(again).toMatchObject({ status: 'done', total: 5, synced: 5 });
    const after = await team(shop.owner);
    expect(after).toHaveLength(6);
    expect(byUserId(after, 'li').role).toBe('manager');

    // a member taken out of the range stops being staff at the next sync
    w.standin.state.corp(shop.corpId)!.apps[0]!.visibleUsers = ['zhou'];
    expect(await synced(shop.owner)).toMatchObject({ status: 'done', total: 4, deactivated: 1 });
    expect((await team(shop.owner)).map((m) => m.wecomUserId)).not.toContain('chen');

    // a 通讯录 tag in the range brings in the members it names
    w.standin.state.memberTags.set(`${shop.corpId}:7`, { users: ['out'], parties: [] });
    w.standin.state.corp(shop.corpId)!.apps[0]!.visibleTags = [7];
    expect(await synced(shop.owner)).toMatchObject({ status: 'done', total: 5 });
    expect(byUserId(await team(shop.owner), 'out')).toMatchObject({ name: '外人', role: 'staff' });
  });

  it("tells the owner WeCom's reason and fix in Chinese when the sync fails", async () => {
    const shop = await shopWithTeam('失败小馆');
    w.standin.state.injectError('/cgi-bin/user/simplelist', 60011);
    const failed = await synced(shop.owner);
    expect(failed).toMatchObject({ status: 'failed', error: { errcode: 60011 } });
    expect(failed.error.message).toContain('可见范围');
    expect(failed.error.fix).toContain('应用管理');
    // fixed, it runs again from the step
    expect(await synced(shop.owner)).toMatchObject({ status: 'done', total: 5 });
    // a range the admin emptied is said so, and takes nobody's access away
    const app = w.standin.state.corp(shop.corpId)!.apps[0]!;
    Object.assign(app, { visibleUsers: [], visibleParties: [] });
    const empty = await synced(shop.owner);
    expect(empty).toMatchObject({ status: 'failed', error: { message: '小二应用的可见范围里还没有成员' } });
    expect(empty.error.fix).toContain('可见范围');
    expect(await team(shop.owner)).toHaveLength(6);
  });

  it('starts by itself when the WeCom step connects the app', async () => {
    const shop = await newShopWithCorp(w);
    // the admin has let the server's address in already, so the sync can read the members at once
    w.standin.admin.setsTrustedDomain(shop.corp.corpId, 'xiaoer.example.com');
    w.standin.admin.setsTrustedIps(shop.corp.corpId);
    const saved = await setupCalls(w, shop.owner).saveApp({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secret: shop.corp.secret,
    });
    expect(saved.status).toBe(200);
    const deadline = Date.now() + 10_000;
    let sync = (await w.app.request('/api/staff/sync', { token: shop.owner })).body.sync;
    while (sync?.status !== 'done' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      sync = (await w.app.request('/api/staff/sync', { token: shop.owner })).body.sync;
    }
    // the stand-in app sees every member of the corp: the shop's three people
    expect(sync).toMatchObject({ status: 'done', total: 3, synced: 3 });
    const audit = await w.app.container.operator.audit.list(shop.tenant.merchantId);
    expect(audit.find((a) => a.action === 'staff.sync_started')).toMatchObject({
      actor: { kind: 'staff', id: shop.tenant.people.owner._id.toHexString() },
    });
  });

  it('way 1: a first sync WeCom refused (企业可信IP not set yet) runs again by itself once the live checks pass', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    // the owner saves the app before the admin has let the server's address in: the first sync fails on 60020
    await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId, secret: shop.corp.secret });
    const settled = async (until: (sync: { status: string } | null) => boolean) => {
      const deadline = Date.now() + 10_000;
      let sync = (await w.app.request('/api/staff/sync', { token: shop.owner })).body.sync;
      while (!until(sync) && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 100));
        sync = (await w.app.request('/api/staff/sync', { token: shop.owner })).body.sync;
      }
      return sync;
    };
    expect(await settled((sync) => sync?.status === 'failed')).toMatchObject({
      status: 'failed',
      error: { errcode: 60020 },
    });
    // the checks while the address is still refused start nothing
    const refused = await calls.checks();
    expect(refused.find((c) => c.key === 'trusted_ip')).toMatchObject({ status: 'failed' });
    expect((await w.app.request('/api/staff/sync', { token: shop.owner })).body.sync.status).toBe('failed');

    w.standin.admin.setsTrustedDomain(shop.corp.corpId, 'xiaoer.example.com');
    expect(w.standin.admin.setsTrustedIps(shop.corp.corpId)).toMatchObject({ ok: true });
    const passed = await calls.checks();
    expect(passed.find((c) => c.key === 'trusted_ip')).toMatchObject({ status: 'ok' });
    expect(await settled((sync) => sync?.status === 'done')).toMatchObject({ status: 'done', total: 3, synced: 3 });
    const started = async () =>
      (await w.app.container.operator.audit.list(shop.tenant.merchantId)).filter(
        (a) => a.action === 'staff.sync_started',
      );
    expect(await started()).toHaveLength(2);
    expect((await started())[0]).toMatchObject({ actor: { kind: 'system' } });
    // once a sync has completed, the checks leave the team to the owner's 重新同步
    await calls.checks();
    expect(await started()).toHaveLength(2);
  });

  it('needs a connected WeCom app and the owner to start', async () => {
    const created = await w.app.request('/api/operator/merchants', {
      token: operatorToken,
      body: { name: '未连接小店', industry: '零售' },
    });
    const redeemed = await postPublic(w.app, '/api/setup/redeem', { token: tokenOf(created.body.setupLink.url) });
    const res = await w.app.request('/api/staff/sync', { method: 'POST', token: redeemed.body.session.token });
    expect(res.status).toBe(409);
    expect(res.body.message).toContain('请先连接企业微信');
    expect((await w.app.request('/api/staff/sync', { token: redeemed.body.session.token })).body).toEqual({
      sync: null,
    });
  });
});

describe('a member the owner took off the team', () => {
  it('stays off through the next sync and a WeCom change event; only the owner brings them back', async () => {
    const shop = await shopWithTeam('停用面馆');
    await synced(shop.owner);
    const li = byUserId(await team(shop.owner), 'li');
    const off = await w.app.request(`/api/staff/${li.id}/deactivate`, { method: 'POST', token: shop.owner });
    expect(off.status).toBe(200);

    expect(await synced(shop.owner)).toMatchObject({ status: 'done' });
    expect(byUserId(await team(shop.owner), 'li')).toBeUndefined();
    await w.standin.directory.changes(shop.corpId, 'li', { name: '李店长二' });
    await w.drain();
    expect(byUserId(await team(shop.owner), 'li')).toBeUndefined();
    const listed = await w.app.request('/api/staff', { token: shop.owner });
    expect(listed.body.deactivated.map((m: Member) => m.wecomUserId)).toEqual(['li']);

    const back = await w.app.request(`/api/staff/${li.id}/reactivate`, { method: 'POST', token: shop.owner });
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({ wecomUserId: 'li' });
    expect(byUserId(await team(shop.owner), 'li')).toBeDefined();
    expect((await w.app.request('/api/staff', { token: shop.owner })).body.deactivated).toEqual([]);
    // and from now on the sync keeps them, as any member
    await synced(shop.owner);
    expect(byUserId(await team(shop.owner), 'li')).toBeDefined();
    const audit = (await w.app.container.operator.audit.list(shop.merchantId)).map((a) => a.action);
    expect(audit).toContain('staff.reactivated');
  });

  it('is brought back by nobody but the owner, and only when the owner took them off', async () => {
    const shop = await shopWithTeam('恢复面馆');
    await synced(shop.owner);
    const members = await team(shop.owner);
    const wang = byUserId(members, 'wang');
    // a member still on the team, or unknown: nothing to bring back
    const active = await w.app.request(`/api/staff/${wang.id}/reactivate`, { method: 'POST', token: shop.owner });
    expect(active.status).toBe(404);
    expect(active.body.message).toBe('没有找到被停用的这位员工');
    await w.app.request(`/api/staff/${wang.id}/deactivate`, { method: 'POST', token: shop.owner });
    const li = byUserId(members, 'li');
    await w.app.request(`/api/staff/${li.id}`, { method: 'PUT', token: shop.owner, body: { role: 'manager' } });
    const manager = await sessionOf(shop.merchantId, 'li');
    const byManager = await w.app.request(`/api/staff/${wang.id}/reactivate`, { method: 'POST', token: manager });
    expect(byManager.status).toBe(403);
    expect(byUserId(await team(shop.owner), 'wang')).toBeUndefined();
  });
});

describe("WeCom's change_contact events", () => {
  it('bring in a new member, follow a rename and a new userid, and end a removed member at once', async () => {
    const shop = await shopWithTeam('事件面馆');
    await synced(shop.owner);
    const dir = w.standin.directory;
    const acknowledged = (deliveries: { body?: string }[]) => expect(deliveries.at(-1)?.body).toBe('success');

    acknowledged(await dir.joins(shop.corpId, { userid: 'xin', name: '小新', departments: [2] }));
    await w.drain();
    expect(byUserId(await team(shop.owner), 'xin')).toMatchObject({ name: '小新', role: 'staff' });

    acknowledged(await dir.changes(shop.corpId, 'xin', { name: '小新新' }));
    acknowledged(await dir.changes(shop.corpId, 'xin', { newUserId: 'xinxin' }));
    await w.drain();
    const renamed = byUserId(await team(shop.owner), 'xinxin');
    expect(renamed).toMatchObject({ name: '小新新' });
    expect(byUserId(await team(shop.owner), 'xin')).toBeUndefined();

    // 王师傅 is signed in; WeCom removes him: deactivated, and his session ends now
    const wang = await sessionOf(shop.merchantId, 'wang');
    expect((await w.app.request('/api/merchant', { token: wang })).status).toBe(200);
    acknowledged(await dir.leaves(shop.corpId, 'wang'));
    await w.drain();
    expect(byUserId(await team(shop.owner), 'wang')).toBeUndefined();
    expect((await w.app.request('/api/merchant', { token: wang })).status).toBe(401);
    expect((await sidebarSignIn(shop.corpId, 'wang')).status).toBe(403);
    // the same delete delivered again (a retry WeCom stamped anew, twice: the second a duplicate) changes nothing
    const again = {
      ToUserName: shop.corpId,
      FromUserName: 'sys',
      CreateTime: Math.floor(Date.now() / 1000) + 5,
      MsgType: 'event',
      Event: 'change_contact',
      ChangeType: 'delete_user',
      UserID: 'wang',
    };
    const corp = w.standin.state.corp(shop.corpId)!;
    acknowledged(await deliverCallback(corp, AGENT_ID, again));
    acknowledged(await deliverCallback(corp, AGENT_ID, again));
    await w.drain();
    expect(byUserId(await team(shop.owner), 'wang')).toBeUndefined();
    const audit = await w.app.container.operator.audit.list(shop.merchantId);
    expect(audit.filter((a) => a.action === 'staff.removed')).toHaveLength(1);
    expect(audit.filter((a) => a.action === 'staff.joined').map((a) => a.target)).toEqual(['xin']);
  });
});

describe("the owner's claim, roles and shops", () => {
  it("replaces the setup link's placeholder: the owner's sidebar sign-in works as the owner from then on", async () => {
    const shop = await shopWithTeam('认领小馆');
    await synced(shop.owner);
    const zhou = byUserId(await team(shop.owner), 'zhou');
    // before the claim, 周老板's WeCom sign-in is an ordinary member's
    const before = await sidebarSignIn(shop.corpId, 'zhou');
    expect(before.body.staff).toMatchObject({ id: zhou.id, role: 'staff' });

    const claimed = await w.app.request('/api/staff/claim', {
      method: 'POST',
      token: shop.owner,
      body: { staffId: zhou.id },
    });
    expect(claimed.status).toBe(200);
    expect(claimed.body.staff).toMatchObject({ id: zhou.id, name: '周老板', role: 'owner' });
    // the placeholder is gone, and its session with it
    expect((await w.app.request('/api/merchant', { token: shop.owner })).status).toBe(401);
    const members = await team(claimed.body.token);
    expect(members.map((m) => m.wecomUserId)).not.toContain('~setup-owner');
    expect(members.filter((m) => m.role === 'owner').map((m) => m.id)).toEqual([zhou.id]);

    const after = await sidebarSignIn(shop.corpId, 'zhou');
    expect(after.status).toBe(200);
    expect(after.body.staff).toMatchObject({ id: zhou.id, name: '周老板', role: 'owner' });
    // once only
    const twice = await w.app.request('/api/staff/claim', {
      method: 'POST',
      token: after.body.token,
      body: { staffId: zhou.id },
    });
    expect(twice.status).toBe(409);
    const audit = await w.app.container.operator.audit.list(shop.merchantId);
    expect(audit.find((a) => a.action === 'staff.owner_claimed')).toMatchObject({ target: zhou.id });
  });

  it("only the owner changes roles, the last owner stays, managers arrange staff's shops, audited", async () => {
    const shop = await shopWithTeam('角色小馆');
    await synced(shop.owner);
    const members = await team(shop.owner);
    const [li, wang, placeholder] = [
      byUserId(members, 'li'),
      byUserId(members, 'wang'),
      byUserId(members, '~setup-owner'),
    ];
    const put = (token: string, id: string, body: unknown) =>
      w.app.request(`/api/staff/${id}`, { method: 'PUT', token, body });
    expect((await put(shop.owner, li.id, { role: 'manager' })).status).toBe(200);
    // the role change ends li's old session: the new role holds from the next sign-in
    const manager = await sessionOf(shop.merchantId, 'li');
    const forbidden = await put(manager, wang.id, { role: 'manager' });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.message).toContain('只有老板');

    const shopRes = await w.app.request('/api/merchant/shops', {
      token: shop.owner,
      body: { name: '一店', address: '徐汇区天钥桥路 1 号', phone: '021-64000000' },
    });
    expect(shopRes.status).toBe(201);
    const assigned = await put(manager, wang.id, { shopIds: [shopRes.body.id] });
    expect(assigned.status).toBe(200);
    expect(assigned.body.shopIds).toEqual([shopRes.body.id]);
    expect((await put(manager, placeholder.id, { shopIds: [] })).status).toBe(403);
    const unknownShop = await put(shop.owner, wang.id, { shopIds: ['0123456789abcdef01234567'] });
    expect(unknownShop.status).toBe(400);
    expect((await put(shop.owner, wang.id, { role: 'boss' })).status).toBe(400);

    // the last owner cannot be demoted; with a second owner, they can
    const last = await put(shop.owner, placeholder.id, { role: 'manager' });
    expect(last.status).toBe(409);
    expect(last.body.message).toContain('至少要保留一位老板');
    expect((await put(shop.owner, li.id, { role: 'owner' })).status).toBe(200);
    expect((await put(shop.owner, placeholder.id, { role: 'manager' })).status).toBe(200);

    const actions = (await w.app.container.operator.audit.list(shop.merchantId)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining([
        'staff.sync_started',
        'staff.role_changed.to_manager',
        'staff.shops_changed',
        'staff.role_changed.to_owner',
      ]),
    );
  });

  it("another merchant's staff id is not found", async () => {
    const a = await shopWithTeam('甲店');
    const b = await shopWithTeam('乙店');
    await synced(b.owner);
    const theirs = byUserId(await team(b.owner), 'wang');
    expect(
      (await w.app.request(`/api/staff/${theirs.id}`, { method: 'PUT', token: a.owner, body: { role: 'manager' } }))
        .status,
    ).toBe(404);
    expect(
      (await w.app.request('/api/staff/claim', { method: 'POST', token: a.owner, body: { staffId: theirs.id } }))
        .status,
    ).toBe(404);
    expect((await w.app.request(`/api/staff/${theirs.id}/invite`, { method: 'POST', token: a.owner })).status).toBe(
      404,
    );
    expect(byUserId(await team(b.owner), 'wang').role).toBe('staff');
  });
});

describe("a member's own name and invites", () => {
  it('the member whose name WeCom withheld gives it at first sign-in, once', async () => {
    const shop = await shopWithTeam('姓名小馆');
    await synced(shop.owner);
    const signedIn = await sidebarSignIn(shop.corpId, 'x7');
    expect(signedIn.status).toBe(200);
    const me = await w.app.request('/api/auth/me', { token: signedIn.body.token });
    expect(me.body).toMatchObject({ name: 'x7', nameMissing: true });
    const empty = await w.app.request('/api/staff/me/name', {
      method: 'PUT',
      token: signedIn.body.token,
      body: { name: '  ' },
    });
    expect(empty.status).toBe(400);
    expect(empty.body.fields.name).toBe('请填写姓名');
    const given = await w.app.request('/api/staff/me/name', {
      method: 'PUT',
      token: signedIn.body.token,
      body: { name: '赵六' },
    });
    expect(given.status).toBe(200);
    expect(given.body).toMatchObject({ name: '赵六', nameMissing: false });
    // a later sync (WeCom still withholding it) keeps the name they gave
    await synced(shop.owner);
    expect(byUserId(await team(shop.owner), 'x7').name).toBe('赵六');
    const wang = await sessionOf(shop.merchantId, 'wang');
    expect(
      (await w.app.request('/api/staff/me/name', { method: 'PUT', token: wang, body: { name: '别人' } })).status,
    ).toBe(409);
  });

  it("gives the owner a one-time invite with the console's sign-in link as a QR code", async () => {
    const shop = await shopWithTeam('邀请小馆');
    await synced(shop.owner);
    const li = byUserId(await team(shop.owner), 'li');
    const res = await w.app.request(`/api/staff/${li.id}/invite`, { method: 'POST', token: shop.owner });
    expect(res.status).toBe(200);
    expect(res.body.code).toMatch(/^[A-Z2-9]{8}$/);
    expect(res.body.link).toBe(`https://xiaoer.example.com/console/#/pages/login/index?invite=${res.body.code}`);
    expect(res.body.qrImage).toMatch(/^data:image\/png;base64,/);
    const manager = await sessionOf(shop.merchantId, 'li');
    expect((await w.app.request(`/api/staff/${li.id}/invite`, { method: 'POST', token: manager })).status).toBe(403);
  });
});
