// 服务商代开发 as the stand-in plays it: the template's token only from a ticket it pushed (40085), pre-auth codes that
// work only with their session set, the admin's scan pushing create_auth with the link's State, the temporary code
// exchanged once (40078 after), the permanent code being the app's Secret, and cancel_auth taking the app away.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { decrypt } from '@wecom/crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WecomStandIn } from '../src/wecom-standin/server.js';

const standin = new WecomStandIn();
const template = {
  suiteId: 'dktemplate0001',
  secret: 'template-secret-0001',
  token: 'Tok3n',
  encodingAesKey: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
};
/** what the template's 指令回调URL received, decrypted */
const received: { receiveId: string; xml: string }[] = [];
let instructionServer: http.Server;

const service = async (method: 'GET' | 'POST', path: string, query: Record<string, string>, body?: object) => {
  const res = await fetch(`${standin.url}/cgi-bin/service/${path}?${new URLSearchParams(query)}`, {
    method,
    ...(body && { body: JSON.stringify(body) }),
  });
  return (await res.json()) as Record<string, any>;
};
const field = (xml: string, name: string) => new RegExp(`<${name}><!\\[CDATA\\[([^\\]]*)\\]\\]>`).exec(xml)?.[1];

beforeAll(async () => {
  await standin.start();
  instructionServer = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      const encrypted = /<Encrypt><!\[CDATA\[([^\]]+)\]\]>/.exec(raw)![1]!;
      const opened = decrypt(template.encodingAesKey, encrypted);
      received.push({ receiveId: opened.id, xml: opened.message });
      res.end('success');
    });
  });
  await new Promise<void>((r) => instructionServer.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(instructionServer.address() as AddressInfo).port}`;
  standin.suite.configures({ ...template, instructionUrl: `${url}/suite`, dataUrl: `${url}/data/$CORPID$` });
});
afterAll(async () => {
  await standin.stop();
  instructionServer.close();
});

describe('the 代开发 template in the stand-in', () => {
  let suiteToken = '';

  it('gives the template’s token only for its id, secret and a ticket it pushed', async () => {
    const creds = { suite_id: template.suiteId, suite_secret: template.secret };
    expect(await service('POST', 'get_suite_token', {}, { ...creds, suite_ticket: 'made-up' })).toMatchObject({
      errcode: 40085,
    });
    const { ticket, deliveries } = await standin.suite.pushesTicket();
    expect(deliveries.at(-1)).toMatchObject({ status: 200, body: 'success' });
    expect(received.at(-1)!.receiveId).toBe(template.suiteId);
    expect(field(received.at(-1)!.xml, 'InfoType')).toBe('suite_ticket');
    expect(field(received.at(-1)!.xml, 'SuiteTicket')).toBe(ticket);
    expect(await service('POST', 'get_suite_token', {}, { ...creds, suite_id: 'dkother' })).toMatchObject({
      errcode: 40083,
    });
    expect(await service('POST', 'get_suite_token', {}, { ...creds, suite_secret: 'x' })).toMatchObject({
      errcode: 40080,
    });
    const ok = await service('POST', 'get_suite_token', {}, { ...creds, suite_ticket: ticket });
    expect(ok).toMatchObject({ errcode: 0, expires_in: 7200 });
    suiteToken = ok.suite_access_token;
    expect(await service('GET', 'get_pre_auth_code', { suite_access_token: 'nope' })).toMatchObject({
      errcode: 40082,
    });
  });

  it('installs the app on the admin’s scan, exchanges the code once, and takes the app away on cancel', async () => {
    const { pre_auth_code: pre } = await service('GET', 'get_pre_auth_code', { suite_access_token: suiteToken });
    const installUrl = `https://open.work.weixin.qq.com/3rdapp/install?suite_id=${template.suiteId}&pre_auth_code=${pre}&redirect_uri=x&state=Shop42`;
    // WeCom's page refuses a pre-auth code whose session was not set
    await expect(standin.suite.scans({ installUrl })).rejects.toThrow(/preauthcode校验失败/);
    expect(
      await service(
        'POST',
        'set_session_info',
        { suite_access_token: suiteToken },
        { pre_auth_code: pre, session_info: { auth_type: 1 } },
      ),
    ).toMatchObject({ errcode: 0 });
    const scan = await standin.suite.scans({ installUrl, corpName: '茶语时光', adminUserid: 'LaoBan' });
    const pushed = received.at(-1)!.xml;
    expect(field(pushed, 'InfoType')).toBe('create_auth');
    expect(field(pushed, 'State')).toBe('Shop42');
    expect(field(pushed, 'AuthCode')).toBe(scan.authCode);

    const grant = await service(
      'POST',
      'get_permanent_code',
      { suite_access_token: suiteToken },
      { auth_code: scan.authCode },
    );
    expect(grant).toMatchObject({
      errcode: 0,
      auth_corp_info: { corpid: scan.corpId, corp_name: '茶语时光' },
      auth_info: { agent: [{ agentid: scan.agentId }] },
      auth_user_info: { userid: 'LaoBan' },
      state: 'Shop42',
    });
    expect(
      await service('POST', 'get_permanent_code', { suite_access_token: suiteToken }, { auth_code: scan.authCode }),
    ).toMatchObject({ errcode: 40078 });
    // the permanent code is the app's Secret
    const token = await (
      await fetch(`${standin.url}/cgi-bin/gettoken?corpid=${scan.corpId}&corpsecret=${grant.permanent_code}`)
    ).json();
    expect(token).toMatchObject({ errcode: 0 });
    expect(
      await service(
        'POST',
        'get_auth_info',
        { suite_access_token: suiteToken },
        { auth_corpid: scan.corpId, permanent_code: 'wrong' },
      ),
    ).toMatchObject({ errcode: 40084 });

    await standin.suite.cancels(scan.corpId);
    expect(field(received.at(-1)!.xml, 'InfoType')).toBe('cancel_auth');
    expect(field(received.at(-1)!.xml, 'AuthCorpId')).toBe(scan.corpId);
    const after = await (
      await fetch(`${standin.url}/cgi-bin/gettoken?corpid=${scan.corpId}&corpsecret=${grant.permanent_code}`)
    ).json();
    expect(after).toMatchObject({ errcode: 40001 });
  });
});
