import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp();
});
afterAll(() => w.close());

const check = async () => {
  const res = await w.app.request('/api/wecom/config-check', { token: w.tenant.tokens.manager });
  expect(res.status).toBe(200);
  return res.body.checks as { key: string; ok: boolean; message: string; fix?: string }[];
};

describe('WeCom configuration check', () => {
  it('passes every check for a correct setup, including our own callback URL', async () => {
    const checks = await check();
    expect(checks.filter((c) => !c.ok)).toEqual([]);
    expect(checks.map((c) => c.key)).toEqual(
      expect.arrayContaining([
        'app',
        'secret',
        'callback',
        'contacts',
        'tags',
        'jssdk',
        `kf:${w.credentials.kfAccounts[0]!.openKfId}`,
      ]),
    );
  });

  it('explains a wrong secret and stops there', async () => {
    const corp = w.standin.state.corp(w.corpId)!;
    const secret = corp.apps[0]!.secret;
    corp.apps[0]!.secret = 'rotated-in-admin-console';
    try {
      const checks = await check();
      expect(checks.at(-1)).toMatchObject({ key: 'secret', ok: false, message: '应用 Secret 不正确（错误码 40001）' });
      expect(checks.at(-1)!.fix).toContain('查看 Secret');
    } finally {
      corp.apps[0]!.secret = secret;
    }
  });

  it('names the trusted-IP problem, the missing 微信客服 authorisation and an online receptionist, each with its fix', async () => {
    const corp = w.standin.state.corp(w.corpId)!;
    const openKfId = w.credentials.kfAccounts[0]!.openKfId;
    corp.apps[0]!.kfAuthorised = false;
    let checks = await check();
    expect(checks.find((c) => c.key === `kf:${openKfId}`)).toMatchObject({
      ok: false,
      message: '应用没有调用这个接口的权限（错误码 48002）',
    });
    corp.apps[0]!.kfAuthorised = true;
    w.standin.state.kfReceptionistsOnline.add(openKfId);
    checks = await check();
    expect(checks.find((c) => c.key === `kf:${openKfId}`)?.fix).toContain('接待方式');
    w.standin.state.kfReceptionistsOnline.delete(openKfId);
    corp.ipBlocked = true;
    checks = await check();
    expect(checks.find((c) => c.key === 'contacts')).toMatchObject({
      ok: false,
      message: '服务器 IP 不在企业可信 IP 列表中（错误码 60020）',
    });
    expect(checks.find((c) => c.key === 'contacts')!.fix).toContain('企业可信IP');
    corp.ipBlocked = false;
  });

  it('is for managers and owners', async () => {
    expect((await w.app.request('/api/wecom/config-check', { token: w.tenant.tokens.staff })).status).toBe(403);
  });
});
