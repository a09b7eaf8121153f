// Way 2 (服务商代开发) in tests: a server with the operator's 代开发 template configured, and the stand-in playing WeCom
// for it — the template registered with its 指令回调URL and 数据回调URL pointing at our server, suite_ticket pushed,
// the admin scanning the authorisation link the owner is shown.
import { randomBytes } from 'node:crypto';
import { buildTenant } from './factories.js';
import { startWecomTestApp, type WecomTestApp } from './wecom-test-app.js';

export const suiteCredentials = () => ({
  suiteId: `dk${randomBytes(8).toString('hex')}`,
  secret: randomBytes(20).toString('hex'),
  token: randomBytes(12).toString('hex'),
  encodingAesKey: randomBytes(32)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, 'a')
    .slice(0, 43),
});

/** The server with the template configured (role all: the instruction jobs run), the stand-in knowing it too. */
export async function startSuiteTestApp(options: { env?: Record<string, string> } = {}) {
  const suite = suiteCredentials();
  const w = await startWecomTestApp({
    role: 'all',
    env: {
      WECOM_SUITE_ID: suite.suiteId,
      WECOM_SUITE_SECRET: suite.secret,
      WECOM_SUITE_TOKEN: suite.token,
      WECOM_SUITE_AES_KEY: suite.encodingAesKey,
      ...options.env,
    },
  });
  w.standin.suite.configures({
    ...suite,
    instructionUrl: `${w.app.url}/wecom/suite/callback`,
    dataUrl: `${w.app.url}/wecom/callback/$CORPID$`,
  });
  return Object.assign(w, { suite });
}
export type SuiteTestApp = Awaited<ReturnType<typeof startSuiteTestApp>>;

/** Waits for what the instruction job does after WeCom got its answer. */
export async function eventually<T>(read: () => Promise<T>, done: (value: T) => boolean, ms = 5000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A new shop with its owner signed in, and the owner's way-2 calls as the console makes them. */
export async function newAgencyShop(w: WecomTestApp) {
  const tenant = await buildTenant(w.app.container);
  const token = tenant.tokens.owner;
  const members = Object.values(tenant.people).map((p) => ({ userid: p.wecomUserId, name: p.name }));
  const kfAccounts = [{ openKfId: `wk${randomBytes(6).toString('hex')}`, name: '门店客服' }];
  return {
    tenant,
    members,
    kfAccounts,
    view: () => w.app.request('/api/wecom/setup', { token }),
    link: () => w.app.request('/api/wecom/setup/agency/link', { method: 'POST', token }),
    checks: () => w.app.request('/api/wecom/setup/checks', { token }),
    /** until the job has connected (or refused) the shop */
    connected: () =>
      eventually(
        () => w.app.request('/api/wecom/setup', { token }),
        (r) => r.body.app?.mode === 'agency' || r.body.agency?.failure !== null,
      ),
  };
}
