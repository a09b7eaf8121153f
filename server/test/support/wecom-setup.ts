// The owner's WeCom setup (way 1) in tests: a new shop whose corp and self-built app exist only in the stand-in (as
// the admin creates them), the owner's calls through the API, and the admin's side through the stand-in's console.
import { randomBytes } from 'node:crypto';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { buildTenant } from './factories.js';
import type { WecomTestApp } from './wecom-test-app.js';

export type SetupCheck = { key: string; step: string; status: string; message: string; fix?: string };

/** A shop with its owner signed in, and a new corp with a new self-built app in the stand-in (not connected yet). */
export async function newShopWithCorp(w: WecomTestApp) {
  const tenant = await buildTenant(w.app.container);
  const kfAccounts = [
    { openKfId: `wk${randomBytes(6).toString('hex')}`, name: '门店客服' },
    { openKfId: `wk${randomBytes(6).toString('hex')}`, name: '外卖客服' },
  ];
  const corp = w.standin.admin.createsApp({
    members: Object.values(tenant.people).map((p) => ({ userid: p.wecomUserId, name: p.name })),
    kfAccounts,
  });
  return { tenant, corp, kfAccounts, owner: tenant.tokens.owner };
}
export type ShopWithCorp = Awaited<ReturnType<typeof newShopWithCorp>>;

/** The owner's setup calls, as the console makes them. */
export const setupCalls = (w: WecomTestApp, token: string) => ({
  view: () => w.app.request('/api/wecom/setup', { token }),
  saveApp: (body: unknown) => w.app.request('/api/wecom/setup/app', { method: 'PUT', token, body }),
  regenerateKeys: () => w.app.request('/api/wecom/setup/callback-keys', { method: 'POST', token }),
  async checks(): Promise<SetupCheck[]> {
    const res = await w.app.request('/api/wecom/setup/checks', { token });
    if (res.status !== 200) throw new Error(`checks: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.checks;
  },
  kfAccounts: () => w.app.request('/api/wecom/setup/kf-accounts', { token }),
  chooseKf: (openKfIds: string[]) =>
    w.app.request('/api/wecom/setup/kf-accounts', { method: 'PUT', token, body: { openKfIds } }),
});

/**
 * Every step of seed 001's SOP done, in the order WeCom allows: the owner saves the app, the admin pastes the
 * callback settings (WeCom verifies them), sets the trusted domain and IP, gives the app the 客户联系 and 微信客服 APIs,
 * and the owner chooses the first 微信客服 account.
 */
export async function completeSetup(w: WecomTestApp, shop: ShopWithCorp) {
  const calls = setupCalls(w, shop.owner);
  const saved = await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId, secret: shop.corp.secret });
  if (saved.status !== 200) throw new Error(`save: ${saved.status} ${JSON.stringify(saved.body)}`);
  const { paste, app } = saved.body;
  const pasted = await w.standin.admin.savesCallback(shop.corp.corpId, {
    url: paste.callbackUrl,
    token: app.callbackToken,
    encodingAesKey: app.encodingAesKey,
  });
  if (!pasted.ok) throw new Error(`callback: ${pasted.error}`);
  w.standin.admin.setsTrustedDomain(shop.corp.corpId, paste.trustedDomain);
  w.standin.admin.setsTrustedIps(shop.corp.corpId);
  w.standin.admin.setsPermissions(shop.corp.corpId, { customerContact: true, kf: true });
  const chosen = await calls.chooseKf([shop.kfAccounts[0]!.openKfId]);
  if (chosen.status !== 200) throw new Error(`kf: ${chosen.status} ${JSON.stringify(chosen.body)}`);
  return calls;
}

export const byKey = (checks: SetupCheck[], key: string) => {
  const check = checks.find((c) => c.key === key);
  if (!check) throw new Error(`no check ${key} in ${checks.map((c) => c.key).join(', ')}`);
  return check;
};

/** The merchant's audit list as who did what to which record. */
export const auditOf = async (w: WecomTestApp, merchantId: string) =>
  (await w.app.container.operator.audit.list(asMerchantId(merchantId))).map((e) => ({
    actor: e.actor,
    action: e.action,
    target: e.target,
  }));
