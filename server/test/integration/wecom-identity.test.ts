import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const oauthCode = (userid: string) => {
  const code = `oauth-${Math.random().toString(36).slice(2)}`;
  w.standin.state.oauthCodes.set(code, { corpId: w.corpId, userid, expiresAt: Date.now() + 300_000, used: false });
  return code;
};

describe('sidebar login (WeCom OAuth)', () => {
  it('turns an OAuth code into a session for that member, once', async () => {
    const code = oauthCode(w.tenant.people.staff.wecomUserId);
    const res = await w.app.request('/api/auth/wecom', { body: { corpId: w.corpId, code } });
    expect(res.status).toBe(200);
    expect(res.body.staff).toMatchObject({
      id: String(w.tenant.people.staff._id),
      role: 'staff',
      merchantId: w.tenant.merchantId,
    });
    const me = await w.app.request('/api/auth/me', { token: res.body.token });
    expect(me.body.wecomUserId).toBe(w.tenant.people.staff.wecomUserId);
    const reused = await w.app.request('/api/auth/wecom', { body: { corpId: w.corpId, code } });
    expect(reused.status).toBe(401);
    expect(reused.body.message).toBe('登录码已失效，请重新打开侧边栏');
  });

  it('refuses a member who is not our staff with a clear message', async () => {
    w.standin.state.addMember(w.corpId, 'stranger', '路人');
    const res = await w.app.request('/api/auth/wecom', { body: { corpId: w.corpId, code: oauthCode('stranger') } });
    expect(res.status).toBe(403);
    expect(res.body.message).toContain('把你加入小二应用的可见范围');
  });
});

describe('JS-SDK signatures', () => {
  it('signs config and agentConfig for the URL without its fragment, with cached tickets', async () => {
    const url = 'https://xiaoer.example.cn/sidebar/?entry=single#/customer';
    const res = await w.app.request(`/api/wecom/jssdk-signature?url=${encodeURIComponent(url)}`, {
      token: w.tenant.tokens.staff,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ corpId: w.corpId, agentId: 1000002 });
    const calls = w.standin.state.calls.get('/cgi-bin/get_jsapi_ticket');
    const again = await w.app.request(`/api/wecom/jssdk-signature?url=${encodeURIComponent(url)}`, {
      token: w.tenant.tokens.staff,
    });
    expect(w.standin.state.calls.get('/cgi-bin/get_jsapi_ticket')).toBe(calls);
    // recompute the signature: sha1 over the ticket, nonce, timestamp and the URL without '#'
    const ticketKey = await w.app.container.redis.keys(`xe:m:${w.tenant.merchantId}:wecom:jsapi-ticket:*`);
    const ticket = w.app.container.secrets.open((await w.app.container.redis.get(ticketKey[0]!))!);
    const { nonceStr, timestamp, signature } = again.body.config;
    const expected = createHash('sha1')
      .update(
        `jsapi_ticket=${ticket}&noncestr=${nonceStr}&timestamp=${timestamp}&url=https://xiaoer.example.cn/sidebar/?entry=single`,
      )
      .digest('hex');
    expect(signature).toBe(expected);
    expect(again.body.agentConfig.signature).not.toBe(signature);
  });

  it('requires a session and a valid URL', async () => {
    expect((await w.app.request('/api/wecom/jssdk-signature?url=https://a.cn/')).status).toBe(401);
    expect(
      (await w.app.request('/api/wecom/jssdk-signature?url=not-a-url', { token: w.tenant.tokens.staff })).status,
    ).toBe(400);
  });
});

describe('mini-program login', () => {
  const wxCode = (openid: string) => {
    const code = `js-${Math.random().toString(36).slice(2)}`;
    w.standin.state.miniProgramCodes.set(code, { openid, expiresAt: Date.now() + 300_000, used: false });
    return code;
  };

  it('binds an owner with a one-time invite code, then logs them straight in', async () => {
    const first = await w.app.request('/api/auth/miniprogram/login', { body: { code: wxCode('o-owner-1') } });
    expect(first.body.status).toBe('needs_binding');
    const invite = await w.app.request('/api/invites', {
      token: w.tenant.tokens.owner,
      body: { staffId: String(w.tenant.people.owner._id) },
    });
    expect(invite.status).toBe(201);
    expect(invite.body.code).toMatch(/^[A-Z2-9]{8}$/);
    const bound = await w.app.request('/api/auth/miniprogram/bind', {
      body: { bindTicket: first.body.bindTicket, inviteCode: invite.body.code.toLowerCase() },
    });
    expect(bound.status).toBe(200);
    expect(bound.body.staff).toMatchObject({ role: 'owner', id: String(w.tenant.people.owner._id) });
    const again = await w.app.request('/api/auth/miniprogram/login', { body: { code: wxCode('o-owner-1') } });
    expect(again.body).toMatchObject({ status: 'ok', session: { staff: { role: 'owner' } } });
    // the code was single use
    const second = await w.app.request('/api/auth/miniprogram/login', { body: { code: wxCode('o-other') } });
    const reuse = await w.app.request('/api/auth/miniprogram/bind', {
      body: { bindTicket: second.body.bindTicket, inviteCode: invite.body.code },
    });
    expect(reuse.status).toBe(400);
    expect(reuse.body.message).toBe('邀请码无效或已过期，请让老板重新生成');
  });

  it('only owners create invites, and a used wx.login code is refused', async () => {
    const res = await w.app.request('/api/invites', {
      token: w.tenant.tokens.manager,
      body: { staffId: String(w.tenant.people.manager._id) },
    });
    expect(res.status).toBe(403);
    const code = wxCode('o-x');
    await w.app.request('/api/auth/miniprogram/login', { body: { code } });
    const reused = await w.app.request('/api/auth/miniprogram/login', { body: { code } });
    expect(reused.status).toBe(401);
  });

  it("refuses an invite for another merchant's staff member (404) or a malformed id (400)", async () => {
    const other = await buildTenant(w.app.container);
    const foreign = await w.app.request('/api/invites', {
      token: w.tenant.tokens.owner,
      body: { staffId: String(other.people.owner._id) },
    });
    expect(foreign.status).toBe(404);
    const malformed = await w.app.request('/api/invites', {
      token: w.tenant.tokens.owner,
      body: { staffId: { $gt: '' } },
    });
    expect(malformed.status).toBe(400);
  });

  it('refreshes a session into a new token', async () => {
    const res = await w.app.request('/api/auth/refresh', { method: 'POST', token: w.tenant.tokens.staff });
    expect(res.status).toBe(200);
    expect(res.body.token).not.toBe(w.tenant.tokens.staff);
    expect(res.body.staff.role).toBe('staff');
  });
});
