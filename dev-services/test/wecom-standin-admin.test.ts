// The WeCom admin console as the stand-in plays it (/__standin/admin/*), and the endpoints the owner's setup calls:
// a new app answers 60020 until 企业可信IP is set, which needs a callback URL or a trusted domain first; 接收消息 is
// saved only when the URL answers WeCom's signed echostr; API permissions and managed 微信客服 accounts are the admin's.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt } from '@wecom/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WecomStandIn } from '../src/wecom-standin/server.js';

const standin = new WecomStandIn();
const TOKEN = 'Tok3n';
const AES_KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
let echoServer: http.Server;
let echoUrl = '';

const admin = async (action: string, body: Record<string, unknown>) =>
  (await (
    await fetch(`${standin.url}/__standin/admin/${action}`, { method: 'POST', body: JSON.stringify(body) })
  ).json()) as Record<string, any>;
const api = async (method: 'GET' | 'POST', path: string, token: string, payload: Record<string, unknown> = {}) => {
  const query = new URLSearchParams({ access_token: token, ...(method === 'GET' ? (payload as object) : {}) });
  const res = await fetch(`${standin.url}${path}?${query}`, {
    method,
    ...(method === 'POST' && { body: JSON.stringify(payload) }),
  });
  return (await res.json()) as Record<string, any>;
};
const tokenFor = async (corpId: string, secret: string) =>
  ((await (await fetch(`${standin.url}/cgi-bin/gettoken?corpid=${corpId}&corpsecret=${secret}`)).json()) as any)
    .access_token as string;

beforeAll(async () => {
  await standin.start();
  // a callback URL that answers WeCom's check the way the product does: the decrypted echostr
  echoServer = http.createServer((req, res) => {
    const echostr = new URL(req.url ?? '/', 'http://x').searchParams.get('echostr') ?? '';
    res.end(decrypt(AES_KEY, echostr).message);
  });
  await new Promise<void>((r) => echoServer.listen(0, '127.0.0.1', r));
  echoUrl = `http://127.0.0.1:${(echoServer.address() as AddressInfo).port}/wecom/callback/x`;
});
afterAll(async () => {
  await standin.stop();
  echoServer.close();
});

describe('the admin console', () => {
  it('walks a new app through 接收消息, 企业可信IP and 可信域名 in the order WeCom allows', async () => {
    const app = await admin('create-app', { members: [{ userid: 'amei', name: '阿美' }] });
    const token = await tokenFor(app.corpId, app.secret);
    expect((await api('GET', '/cgi-bin/agent/get', token, { agentid: String(app.agentId) })).errcode).toBe(60020);
    expect(await admin('set-trusted-ips', { corpId: app.corpId })).toEqual({
      ok: false,
      error: '请先设置可信域名或接收消息服务器URL',
    });
    const wrongKey = await admin('save-callback', {
      corpId: app.corpId,
      url: echoUrl,
      token: TOKEN,
      encodingAesKey: 'x',
    });
    expect(wrongKey).toMatchObject({ ok: false });
    const deadUrl = await admin('save-callback', {
      corpId: app.corpId,
      url: 'http://127.0.0.1:9/cb',
      token: TOKEN,
      encodingAesKey: AES_KEY,
    });
    expect(deadUrl).toMatchObject({ ok: false, error: expect.stringContaining('openapi回调地址请求不通过') });
    expect(standin.state.corp(app.corpId)!.callback).toBeUndefined();
    expect(
      await admin('save-callback', { corpId: app.corpId, url: echoUrl, token: TOKEN, encodingAesKey: AES_KEY }),
    ).toEqual({ ok: true });
    expect(await admin('set-trusted-ips', { corpId: app.corpId })).toEqual({ ok: true });
    await admin('set-trusted-domain', { corpId: app.corpId, domain: 'xiaoer.example.com' });
    const agent = await api('GET', '/cgi-bin/agent/get', token, { agentid: String(app.agentId) });
    expect(agent).toMatchObject({ errcode: 0, agentid: app.agentId, close: 0, redirect_domain: 'xiaoer.example.com' });
  });

  it('answers 40056 for an unknown AgentId and 301002 for another app of the corp', async () => {
    const app = await admin('create-app', {});
    await admin('create-app', { corpId: app.corpId, agentId: 1000042 });
    await admin('set-trusted-domain', { corpId: app.corpId, domain: 'xiaoer.example.com' });
    await admin('set-trusted-ips', { corpId: app.corpId });
    const token = await tokenFor(app.corpId, app.secret);
    expect((await api('GET', '/cgi-bin/agent/get', token, { agentid: '999' })).errcode).toBe(40056);
    expect((await api('GET', '/cgi-bin/agent/get', token, { agentid: '1000042' })).errcode).toBe(301002);
    const reset = await admin('reset-secret', { corpId: app.corpId, agentId: app.agentId });
    expect(reset.secret).not.toBe(app.secret);
    const refused = (await (
      await fetch(`${standin.url}/cgi-bin/gettoken?corpid=${app.corpId}&corpsecret=${app.secret}`)
    ).json()) as { errcode: number };
    expect(refused.errcode).toBe(40001);
  });

  it('gives the app the 客户联系 and 微信客服 APIs, the accounts it manages and who may use 客户联系', async () => {
    const app = await admin('create-app', {
      members: [
        { userid: 'amei', name: '阿美' },
        { userid: 'xiaoli', name: '小李' },
      ],
      kfAccounts: [
        { openKfId: 'wkShop', name: '门店客服' },
        { openKfId: 'wkDelivery', name: '外卖客服' },
      ],
    });
    await admin('set-trusted-domain', { corpId: app.corpId, domain: 'xiaoer.example.com' });
    await admin('set-trusted-ips', { corpId: app.corpId });
    const token = await tokenFor(app.corpId, app.secret);
    expect((await api('GET', '/cgi-bin/externalcontact/get_follow_user_list', token)).errcode).toBe(48002);
    expect((await api('POST', '/cgi-bin/kf/account/list', token, { offset: 0, limit: 100 })).errcode).toBe(48002);

    await admin('set-permissions', {
      corpId: app.corpId,
      customerContact: true,
      kf: true,
      kfManaged: ['wkShop'],
      followUsers: ['amei'],
    });
    expect(await api('GET', '/cgi-bin/externalcontact/get_follow_user_list', token)).toMatchObject({
      errcode: 0,
      follow_user: ['amei'],
    });
    expect((await api('POST', '/cgi-bin/kf/account/list', token, { offset: 0, limit: 100 })).account_list).toEqual([
      expect.objectContaining({ open_kfid: 'wkShop', name: '门店客服', manage_privilege: true }),
      expect.objectContaining({ open_kfid: 'wkDelivery', name: '外卖客服', manage_privilege: false }),
    ]);
    expect((await api('GET', '/cgi-bin/kf/servicer/list', token, { open_kfid: 'wkDelivery' })).errcode).toBe(95000);
    expect((await api('GET', '/cgi-bin/kf/servicer/list', token, { open_kfid: 'wkShop' })).errcode).toBe(0);
    expect((await api('POST', '/cgi-bin/kf/account/list', token, { offset: 0, limit: 101 })).errcode).toBe(40058);
  });
});
