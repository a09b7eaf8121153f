// Each way the WeCom admin console's side of the setup goes wrong, reproduced in the stand-in, gets its own message
// and fix: a wrong Secret, corp ID or AgentId, a callback URL WeCom has not verified or cannot reach, 企业可信IP,
// a missing 客户联系 permission, the sidebar's trusted domain, and 微信客服 accounts not authorised to the app.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { byKey, completeSetup, newShopWithCorp, setupCalls, type SetupCheck } from '../support/wecom-setup.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp({ env: { EGRESS_IPS: '203.0.113.7' } });
});
afterAll(() => w.close());

const statuses = (checks: SetupCheck[]) => Object.fromEntries(checks.map((c) => [c.key, c.status]));

describe('WeCom setup checks', () => {
  it('pass for a shop that followed every step', async () => {
    const shop = await newShopWithCorp(w);
    const calls = await completeSetup(w, shop);
    const checks = await calls.checks();
    expect(checks.filter((c) => c.status !== 'ok')).toEqual([]);
    expect(checks.map((c) => c.key)).toEqual([
      'secret',
      'agent',
      'callback_reachable',
      'callback_verified',
      'trusted_ip',
      'customer_contact',
      'jssdk_domain',
      'kf_api',
      'kf_chosen',
      `kf:${shop.kfAccounts[0]!.openKfId}`,
    ]);
    expect(byKey(checks, 'callback_verified').message).toBe('企业微信已验证回调地址');
  });

  it('wait for the credentials before anything else', async () => {
    const shop = await newShopWithCorp(w);
    const checks = await setupCalls(w, shop.owner).checks();
    expect(byKey(checks, 'secret')).toMatchObject({ status: 'waiting', message: '还没有填写企业微信应用信息' });
    expect(checks.filter((c) => c.key !== 'secret').every((c) => c.status === 'skipped')).toBe(true);
  });

  it('refuse a wrong corp ID, Secret or AgentId when saved, naming the field with its fix, and store nothing', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    const { corpId, agentId, secret } = shop.corp;

    const wrongCorp = await calls.saveApp({ corpId: `ww${randomBytes(8).toString('hex')}`, agentId, secret });
    expect(wrongCorp.status).toBe(400);
    expect(wrongCorp.body.fields.corpId).toContain('企业 ID（CorpID）不正确（错误码 40013）');
    expect(wrongCorp.body.fields.corpId).toContain('我的企业 → 企业信息');

    const wrongSecret = await calls.saveApp({ corpId, agentId, secret: `${secret.slice(0, -4)}AAAA` });
    expect(wrongSecret.status).toBe(400);
    expect(wrongSecret.body.fields.secret).toContain('应用 Secret 不正确（错误码 40001）');
    expect(wrongSecret.body.fields.secret).toContain('查看 Secret');

    // the AgentId can be checked once WeCom answers this server (企业可信IP), which the admin may do before the owner
    w.standin.admin.setsTrustedDomain(corpId, new URL(w.app.url).host);
    w.standin.admin.setsTrustedIps(corpId);
    const wrongAgent = await calls.saveApp({ corpId, agentId: 1000099, secret });
    expect(wrongAgent.status).toBe(400);
    expect(wrongAgent.body.fields.agentId).toContain('应用 AgentId 不正确（错误码 40056）');
    const another = w.standin.admin.createsApp({ corpId, agentId: 1000010 });
    const otherApp = await calls.saveApp({ corpId, agentId: another.agentId, secret });
    expect(otherApp.status).toBe(400);
    expect(otherApp.body.fields.agentId).toContain('AgentId 和 Secret 不属于同一个应用（错误码 301002）');

    expect((await calls.view()).body.app).toBeNull();
    expect(await w.app.container.operator.audit.list(asMerchantId(shop.tenant.merchantId))).toEqual([]);
    expect((await calls.saveApp({ corpId, agentId, secret })).status).toBe(200);
  });

  it('say so when the Secret was reset in WeCom, and hold back what needs it', async () => {
    const shop = await newShopWithCorp(w);
    const calls = await completeSetup(w, shop);
    w.standin.admin.resetsSecret(shop.corp.corpId);
    const checks = await calls.checks();
    expect(byKey(checks, 'secret')).toMatchObject({ status: 'failed', message: '应用 Secret 不正确（错误码 40001）' });
    expect(byKey(checks, 'secret').fix).toContain('查看 Secret');
    expect(statuses(checks)).toMatchObject({
      agent: 'skipped',
      callback_reachable: 'ok',
      callback_verified: 'ok',
      trusted_ip: 'skipped',
      customer_contact: 'skipped',
      kf_api: 'skipped',
    });
  });

  it('wait for WeCom to verify the callback URL, telling where to paste it', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    const { body } = await calls.saveApp({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secret: shop.corp.secret,
    });
    // the admin pastes a URL with a typo: WeCom cannot verify it and does not save it
    const typo = await w.standin.admin.savesCallback(shop.corp.corpId, {
      url: body.paste.callbackUrl.replace('/wecom/callback/', '/wecom/callbak/'),
      token: body.app.callbackToken,
      encodingAesKey: body.app.encodingAesKey,
    });
    expect(typo.ok).toBe(false);
    const checks = await calls.checks();
    expect(byKey(checks, 'callback_reachable').status).toBe('ok');
    expect(byKey(checks, 'callback_verified')).toMatchObject({
      status: 'waiting',
      message: '企业微信还没有验证回调地址',
    });
    expect(byKey(checks, 'callback_verified').fix).toContain('接收消息 → 设置API接收');
    expect((await calls.view()).body.steps[1]).toMatchObject({ key: 'callback', done: false });
  });

  it('name 企业可信IP, with the addresses to add, before the checks that need it', async () => {
    const shop = await newShopWithCorp(w);
    const calls = await completeSetup(w, shop);
    w.standin.admin.removesTrustedIps(shop.corp.corpId);
    const checks = await calls.checks();
    expect(byKey(checks, 'trusted_ip')).toMatchObject({ status: 'failed' });
    expect(byKey(checks, 'trusted_ip').message).toContain('错误码 60020');
    expect(byKey(checks, 'trusted_ip').fix).toContain('企业可信IP，添加 203.0.113.7');
    expect(statuses(checks)).toMatchObject({
      secret: 'ok',
      agent: 'skipped',
      customer_contact: 'skipped',
      jssdk_domain: 'skipped',
      kf_api: 'skipped',
    });
    // should WeCom refuse even the token, the Secret is not blamed
    w.standin.state.injectError('/cgi-bin/gettoken', 60020);
    const refused = await calls.checks();
    expect(byKey(refused, 'secret')).toMatchObject({ status: 'skipped', message: '设置企业可信IP后才能验证 Secret' });
    expect(byKey(refused, 'trusted_ip').fix).toContain('203.0.113.7');
  });

  it('report a missing 客户联系 permission, nobody allowed to use it, and members outside the visible range', async () => {
    const shop = await newShopWithCorp(w);
    const calls = await completeSetup(w, shop);
    w.standin.admin.setsPermissions(shop.corp.corpId, { customerContact: false });
    let check = byKey(await calls.checks(), 'customer_contact');
    expect(check).toMatchObject({ status: 'failed', message: '小二应用还没有客户联系权限（错误码 48002）' });
    expect(check.fix).toContain('客户联系 → API → 可调用接口的应用');

    w.standin.admin.setsPermissions(shop.corp.corpId, { customerContact: true, followUsers: [] });
    check = byKey(await calls.checks(), 'customer_contact');
    expect(check).toMatchObject({ status: 'failed', message: '还没有成员可以使用客户联系' });
    expect(check.fix).toContain('权限配置 → 使用范围');

    w.standin.admin.setsPermissions(shop.corp.corpId, { followUsers: null });
    w.standin.state.injectError('/cgi-bin/externalcontact/get_follow_user_list', 60011);
    check = byKey(await calls.checks(), 'customer_contact');
    expect(check.message).toBe('小二应用的可见范围不包含开启了客户联系的成员（错误码 60011）');
    expect(byKey(await calls.checks(), 'customer_contact').status).toBe('ok');
  });

  it("report the sidebar's trusted domain missing or another one, naming the domain to set", async () => {
    const shop = await newShopWithCorp(w);
    const calls = await completeSetup(w, shop);
    const host = new URL(w.app.url).host;
    w.standin.admin.setsTrustedDomain(shop.corp.corpId, '');
    let check = byKey(await calls.checks(), 'jssdk_domain');
    expect(check).toMatchObject({
      status: 'failed',
      message: '侧边栏的可信域名还没有设置，侧边栏无法在企业微信里打开',
    });
    expect(check.fix).toContain(`网页授权及JS-SDK，把「${host}」设为可信域名`);
    w.standin.admin.setsTrustedDomain(shop.corp.corpId, 'shop.example.com');
    check = byKey(await calls.checks(), 'jssdk_domain');
    expect(check.message).toContain('可信域名是「shop.example.com」');
    expect(check.fix).toContain(host);
  });

  describe('微信客服', () => {
    it('lists the accounts, lets the owner choose only those authorised to the app, and records the choice', async () => {
      const shop = await newShopWithCorp(w);
      const calls = await completeSetup(w, shop);
      const [shopKf, deliveryKf] = shop.kfAccounts;
      w.standin.admin.setsPermissions(shop.corp.corpId, { kfManaged: [shopKf!.openKfId] });
      const listed = await calls.kfAccounts();
      expect(listed.status).toBe(200);
      expect(listed.body).toEqual({
        accounts: [
          { openKfId: shopKf!.openKfId, name: '门店客服', authorised: true, served: true },
          { openKfId: deliveryKf!.openKfId, name: '外卖客服', authorised: false, served: false },
        ],
      });

      const refused = await calls.chooseKf([shopKf!.openKfId, deliveryKf!.openKfId]);
      expect(refused.status).toBe(400);
      expect(refused.body.fields['openKfIds.1']).toContain('「外卖客服」还没有授权给小二的应用管理');
      expect(refused.body.fields['openKfIds.1']).toContain('可管理的客服账号');
      // another corp's account is not one of this corp's
      const foreign = await calls.chooseKf([w.credentials.kfAccounts[0]!.openKfId]);
      expect(foreign.status).toBe(400);
      expect(foreign.body.fields['openKfIds.0']).toContain('没有这个客服账号');

      expect((await calls.chooseKf([])).body.kfAccounts).toEqual([]);
      const chosen = await calls.chooseKf([shopKf!.openKfId]);
      expect(chosen.body.kfAccounts).toEqual([{ openKfId: shopKf!.openKfId, name: '门店客服' }]);
      const actions = (await w.app.container.operator.audit.list(asMerchantId(shop.tenant.merchantId))).map(
        (e) => e.action,
      );
      expect(actions.slice(0, 2)).toEqual(['wecom.kf_accounts.changed', 'wecom.kf_accounts.changed']);
    });

    it('reports a served account taken away from the app, one whose receptionists the app cannot see, and one a person is receiving on', async () => {
      const shop = await newShopWithCorp(w);
      const calls = await completeSetup(w, shop);
      const served = shop.kfAccounts[0]!.openKfId;
      w.standin.admin.setsPermissions(shop.corp.corpId, { kfManaged: [shop.kfAccounts[1]!.openKfId] });
      let check = byKey(await calls.checks(), `kf:${served}`);
      expect(check).toMatchObject({
        status: 'failed',
        message: '「门店客服」还没有授权给小二的应用管理，小二收不到也回复不了它的消息',
      });
      expect(check.fix).toContain('可管理的客服账号');

      w.standin.admin.setsPermissions(shop.corp.corpId, { kfManaged: null });
      w.standin.state.injectError('/cgi-bin/kf/servicer/list', 95000);
      check = byKey(await calls.checks(), `kf:${served}`);
      expect(check.message).toBe('这个微信客服账号不存在，或没有授权给小二的应用管理（错误码 95000）');
      w.standin.state.injectError('/cgi-bin/kf/servicer/list', 60011);
      check = byKey(await calls.checks(), `kf:${served}`);
      expect(check.message).toBe('这个客服账号的接待人员不在小二应用的可见范围内（错误码 60011）');

      w.standin.state.kfReceptionistsOnline.add(served);
      check = byKey(await calls.checks(), `kf:${served}`);
      expect(check.status).toBe('failed');
      expect(check.fix).toContain('接待方式');
      w.standin.state.kfReceptionistsOnline.delete(served);
      expect(byKey(await calls.checks(), `kf:${served}`).status).toBe('ok');
    });

    it('explains an app without the 微信客服 API, in the list, the choice and the checks', async () => {
      const shop = await newShopWithCorp(w);
      const calls = await completeSetup(w, shop);
      w.standin.admin.setsPermissions(shop.corp.corpId, { kf: false });
      const listed = await calls.kfAccounts();
      expect(listed.body.accounts).toEqual([]);
      expect(listed.body.problem.message).toBe('小二应用还没有微信客服的接口权限（错误码 48002）');
      expect(listed.body.problem.fix).toContain('微信客服 → API → 可调用接口的应用');
      const chosen = await calls.chooseKf([shop.kfAccounts[0]!.openKfId]);
      expect(chosen.status).toBe(409);
      expect(chosen.body.message).toContain('小二应用还没有微信客服的接口权限');
      const checks = await calls.checks();
      expect(byKey(checks, 'kf_api')).toMatchObject({
        status: 'failed',
        message: '小二应用还没有微信客服的接口权限（错误码 48002）',
      });
      expect(byKey(checks, `kf:${shop.kfAccounts[0]!.openKfId}`).status).toBe('skipped');
    });

    it('waits for the owner to choose an account, and says when none is authorised to the app', async () => {
      const shop = await newShopWithCorp(w);
      const calls = await completeSetup(w, shop);
      await calls.chooseKf([]);
      w.standin.admin.setsPermissions(shop.corp.corpId, { kfManaged: [] });
      const checks = await calls.checks();
      expect(byKey(checks, 'kf_chosen')).toMatchObject({
        status: 'waiting',
        message: '还没有选择由小二接待的客服账号',
      });
      expect(byKey(checks, 'kf_api').message).toBe('找到 2 个微信客服账号，但没有一个授权给小二的应用管理');
    });
  });
});

describe('WeCom setup checks when nobody can reach the callback URL', () => {
  let unreachable: WecomTestApp;
  beforeAll(async () => {
    // PUBLIC_URL names an address nothing answers on (a wrong DNS record, a closed firewall), and no egress IP is set
    unreachable = await startWecomTestApp({ env: { PUBLIC_URL: 'http://127.0.0.1:9' } });
  });
  afterAll(() => unreachable.close());

  it('fails our own check, shows WeCom failing too, and says plainly that the egress IP is unknown', async () => {
    const shop = await newShopWithCorp(unreachable);
    const calls = setupCalls(unreachable, shop.owner);
    const { body } = await calls.saveApp({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secret: shop.corp.secret,
    });
    expect(body.paste.callbackUrl).toBe(`http://127.0.0.1:9/wecom/callback/${shop.corp.corpId}`);
    expect(body.paste.egressIps).toEqual([]);
    expect(body.paste.egressIpsNote).toContain('出口 IP 还没有登记');
    const pasted = await unreachable.standin.admin.savesCallback(shop.corp.corpId, {
      url: body.paste.callbackUrl,
      token: body.app.callbackToken,
      encodingAesKey: body.app.encodingAesKey,
    });
    expect(pasted).toMatchObject({ ok: false, error: expect.stringContaining('回调地址请求不通过') });
    const checks = await calls.checks();
    expect(byKey(checks, 'callback_reachable').status).toBe('failed');
    expect(byKey(checks, 'callback_reachable').message).toContain('无法访问');
    expect(byKey(checks, 'callback_reachable').fix).toContain('请联系小二服务商');
    expect(byKey(checks, 'callback_verified')).toMatchObject({ status: 'failed' });
    // a new app's calls are refused until 企业可信IP is set, and the address to add is not known here
    expect(byKey(checks, 'trusted_ip').fix).toContain('请先向服务商获取');
  });
});
