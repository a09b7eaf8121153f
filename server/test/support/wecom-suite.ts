// Way 2 (服务商代开发) in tests: a server with the operator's 代开发 template configured, and the stand-in playing WeCom
// for it — the template registered with its 指令回调URL and 数据回调URL pointing at our server, suite_ticket pushed,
// the admin scanning the authorisation link the owner is shown.
import { randomBytes } from 'node:crypto';
import { demoSuiteTemplate, suiteEnv } from '../../src/dev/demo-suite.js';
import { buildTenant } from './factories.js';
import { startWecomTestApp, type WecomTestApp } from './wecom-test-app.js';

/** The server with the template configured (role all: the instruction jobs run), the stand-in knowing it too. */
export async function startSuiteTestApp(options: { env?: Record<string, string> } = {}) {
  // a made-up template, as the demo makes one; a real authorisation (auth_type 0)
  const suite = demoSuiteTemplate();
  const w = await startWecomTestApp({
    role: 'all',
    env: { ...suiteEnv(suite), WECOM_SUITE_AUTH_TYPE: '0', ...options.env },
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
