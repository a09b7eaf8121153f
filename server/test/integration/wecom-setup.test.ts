// The owner connects the shop's self-built WeCom app (seed 001's SOP, way 1): what is stored, what is shown to whom,
// what to paste where, WeCom's verification of the callback URL noticed, and every change in the audit list.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asMerchantId } from '../../src/tenancy/merchant-id.js';
import { buildTenant } from '../support/factories.js';
import { completeSetup, newShopWithCorp, setupCalls } from '../support/wecom-setup.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
beforeAll(async () => {
  w = await startWecomTestApp({ env: { EGRESS_IPS: '203.0.113.7,203.0.113.8' } });
});
afterAll(() => w.close());

const auditOf = async (merchantId: string) =>
  (await w.app.container.operator.audit.list(asMerchantId(merchantId))).map((e) => ({
    actor: e.actor,
    action: e.action,
    target: e.target,
  }));

describe('WeCom setup, way 1: the self-built app', () => {
  it('takes the corp ID, AgentId and Secret, generates the callback keys, and says what to paste where', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    const empty = await calls.view();
    expect(empty.status).toBe(200);
    expect(empty.body).toMatchObject({
      app: null,
      paste: { callbackUrl: null, trustedDomain: new URL(w.app.url).host, egressIps: ['203.0.113.7', '203.0.113.8'] },
      callback: { verifiedAt: null, lastEventAt: null },
      kfAccounts: [],
    });
    expect(empty.body.paste.egressIpsNote).toBeUndefined();
    expect(empty.body.steps.map((s: { done: boolean }) => s.done)).toEqual([false, false, false]);

    const saved = await calls.saveApp({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secret: shop.corp.secret,
    });
    expect(saved.status).toBe(200);
    expect(saved.body.app).toMatchObject({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secretHint: `••••••${shop.corp.secret.slice(-4)}`,
    });
    // WeCom's formats: Token letters and digits up to 32, EncodingAESKey exactly 43
    expect(saved.body.app.callbackToken).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(saved.body.app.encodingAesKey).toMatch(/^[A-Za-z0-9]{43}$/);
    expect(saved.body.paste.callbackUrl).toBe(`${w.app.url}/wecom/callback/${shop.corp.corpId}`);
    expect(JSON.stringify(saved.body)).not.toContain(shop.corp.secret);
    expect(saved.body.steps[0]).toMatchObject({ key: 'credentials', done: true });
    expect(saved.body.steps[1]).toMatchObject({ key: 'callback', done: false });
    // the keys stay what they are on every later read (they were pasted into WeCom)
    expect((await calls.view()).body.app.callbackToken).toBe(saved.body.app.callbackToken);
  });

  it('notices WeCom verifying the callback URL, and records it', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    const { body } = await calls.saveApp({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secret: shop.corp.secret,
    });
    const settings = {
      url: body.paste.callbackUrl,
      token: body.app.callbackToken,
      encodingAesKey: body.app.encodingAesKey,
    };
    // a typo in the Token: WeCom's check fails and nothing is recorded
    expect(
      await w.standin.admin.savesCallback(shop.corp.corpId, { ...settings, token: `${settings.token.slice(1)}x` }),
    ).toMatchObject({ ok: false, error: expect.stringContaining('回调地址请求不通过') });
    expect((await calls.view()).body.callback.verifiedAt).toBeNull();

    const before = Date.now();
    expect(await w.standin.admin.savesCallback(shop.corp.corpId, settings)).toEqual({ ok: true });
    const after = await calls.view();
    expect(Date.parse(after.body.callback.verifiedAt)).toBeGreaterThanOrEqual(before - 1000);
    expect(after.body.steps[1]).toMatchObject({ key: 'callback', done: true, message: '企业微信已验证回调地址' });
    const audit = await auditOf(shop.tenant.merchantId);
    expect(audit).toEqual(
      expect.arrayContaining([
        {
          actor: { kind: 'staff', id: shop.tenant.people.owner._id.toHexString() },
          action: 'wecom.app.connected',
          target: shop.corp.corpId,
        },
        {
          actor: { kind: 'staff', id: shop.tenant.people.owner._id.toHexString() },
          action: 'wecom.callback_keys.generated',
          target: undefined,
        },
        { actor: { kind: 'system', id: 'wecom' }, action: 'wecom.callback.verified', target: undefined },
      ]),
    );
  });

  it("does not take our own configuration check's request for WeCom's verification", async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId, secret: shop.corp.secret });
    const checked = await w.app.request('/api/wecom/config-check', { token: shop.tenant.tokens.manager });
    expect(checked.body.checks.find((c: { key: string }) => c.key === 'callback')).toMatchObject({ ok: true });
    expect((await calls.checks()).find((c) => c.key === 'callback_reachable')).toMatchObject({ status: 'ok' });
    expect((await calls.view()).body.callback.verifiedAt).toBeNull();
  });

  it('keeps the saved Secret when none is typed, and records each change of credentials with who made it', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    const first = await completeSetup(w, shop).then(() => calls.view());
    const audited = (await auditOf(shop.tenant.merchantId)).length;

    // the page cannot send the Secret back: left out, the saved one stays and nothing is recorded
    const same = await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId });
    expect(same.status).toBe(200);
    expect(same.body.app.secretHint).toBe(first.body.app.secretHint);
    expect(await auditOf(shop.tenant.merchantId)).toHaveLength(audited);

    // the admin resets the Secret in WeCom; the owner types the new one
    const secret = w.standin.admin.resetsSecret(shop.corp.corpId);
    const rotated = await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId, secret });
    expect(rotated.body.app.secretHint).toBe(`••••••${secret.slice(-4)}`);
    expect(rotated.body.callback.verifiedAt).not.toBeNull(); // same corp, same callback URL
    expect((await calls.checks()).find((c) => c.key === 'secret')).toMatchObject({ status: 'ok' });

    // another corp: the callback URL moves, so WeCom must verify it again; the keys stay
    const other = w.standin.admin.createsApp({ agentId: 1000005 });
    w.standin.admin.setsTrustedDomain(other.corpId, new URL(w.app.url).host);
    w.standin.admin.setsTrustedIps(other.corpId);
    const moved = await calls.saveApp({ corpId: other.corpId, agentId: other.agentId, secret: other.secret });
    expect(moved.status).toBe(200);
    expect(moved.body.paste.callbackUrl).toBe(`${w.app.url}/wecom/callback/${other.corpId}`);
    expect(moved.body.callback.verifiedAt).toBeNull();
    expect(moved.body.app.callbackToken).toBe(first.body.app.callbackToken);

    const owner = { kind: 'staff', id: shop.tenant.people.owner._id.toHexString() };
    expect((await auditOf(shop.tenant.merchantId)).slice(0, 4)).toEqual([
      { actor: owner, action: 'wecom.secret.changed', target: undefined },
      { actor: owner, action: 'wecom.agent_id.changed', target: String(other.agentId) },
      { actor: owner, action: 'wecom.corp_id.changed', target: other.corpId },
      { actor: owner, action: 'wecom.secret.changed', target: undefined },
    ]);
  });

  it('makes new callback keys on request: WeCom must verify again, and the old keys no longer open the callback', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    await completeSetup(w, shop);
    const old = (await calls.view()).body;
    const renewed = await calls.regenerateKeys();
    expect(renewed.status).toBe(200);
    expect(renewed.body.app.callbackToken).not.toBe(old.app.callbackToken);
    expect(renewed.body.app.encodingAesKey).not.toBe(old.app.encodingAesKey);
    expect(renewed.body.callback.verifiedAt).toBeNull();
    const url = old.paste.callbackUrl;
    expect(
      await w.standin.admin.savesCallback(shop.corp.corpId, {
        url,
        token: old.app.callbackToken,
        encodingAesKey: old.app.encodingAesKey,
      }),
    ).toMatchObject({ ok: false });
    expect(
      await w.standin.admin.savesCallback(shop.corp.corpId, {
        url,
        token: renewed.body.app.callbackToken,
        encodingAesKey: renewed.body.app.encodingAesKey,
      }),
    ).toEqual({ ok: true });
    expect((await calls.view()).body.callback.verifiedAt).not.toBeNull();
  });

  it('builds every address from PUBLIC_URL, never from the Host header', async () => {
    const shop = await newShopWithCorp(w);
    await setupCalls(w, shop.owner).saveApp({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secret: shop.corp.secret,
    });
    const res = await w.app.request('/api/wecom/setup', {
      token: shop.owner,
      headers: { host: 'attacker.example', 'x-forwarded-host': 'attacker.example' },
    });
    expect(res.body.paste.callbackUrl).toBe(`${w.app.url}/wecom/callback/${shop.corp.corpId}`);
    expect(res.body.paste.trustedDomain).toBe(new URL(w.app.url).host);
  });

  it('is for the owner alone', async () => {
    const shop = await newShopWithCorp(w);
    for (const token of [shop.tenant.tokens.manager, shop.tenant.tokens.staff]) {
      const calls = setupCalls(w, token);
      expect((await calls.view()).status).toBe(403);
      expect(
        (await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId, secret: shop.corp.secret }))
          .status,
      ).toBe(403);
      expect((await calls.regenerateKeys()).status).toBe(403);
      expect((await w.app.request('/api/wecom/setup/checks', { token })).status).toBe(403);
      expect((await calls.kfAccounts()).status).toBe(403);
      expect((await calls.chooseKf([])).status).toBe(403);
    }
    expect((await w.app.request('/api/wecom/setup')).status).toBe(401);
  });

  it('refuses malformed input field by field, and a first save without a Secret', async () => {
    const shop = await newShopWithCorp(w);
    const calls = setupCalls(w, shop.owner);
    const bad = await calls.saveApp({ corpId: 'ww 12', agentId: '1000002', secret: 'short' });
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.body.fields).sort()).toEqual(['agentId', 'corpId', 'secret']);
    expect(bad.body.fields.corpId).toContain('企业ID');
    const smuggled = await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId, merchantId: 'x' });
    expect(smuggled.status).toBe(400);
    const noSecret = await calls.saveApp({ corpId: shop.corp.corpId, agentId: shop.corp.agentId });
    expect(noSecret.status).toBe(400);
    expect(noSecret.body.fields).toEqual({ secret: '请填写应用的 Secret' });
    expect((await calls.chooseKf(['a', 'a'])).status).toBe(400);
    expect((await calls.view()).body.app).toBeNull();
    expect(await auditOf(shop.tenant.merchantId)).toEqual([]);
  });

  it('keeps each merchant to its own corp: another merchant can neither take it nor see it', async () => {
    const shop = await newShopWithCorp(w);
    await completeSetup(w, shop);
    const other = await buildTenant(w.app.container);
    const calls = setupCalls(w, other.tokens.owner);
    const taken = await calls.saveApp({
      corpId: shop.corp.corpId,
      agentId: shop.corp.agentId,
      secret: shop.corp.secret,
    });
    expect(taken.status).toBe(409);
    expect(taken.body.message).toContain('已经接入了另一个小二商户');
    expect((await calls.view()).body.app).toBeNull();
    expect((await calls.kfAccounts()).status).toBe(409);
    expect((await calls.regenerateKeys()).status).toBe(409);
    // the first merchant's setup is untouched
    expect((await setupCalls(w, shop.owner).view()).body.app.corpId).toBe(shop.corp.corpId);
  });
});
