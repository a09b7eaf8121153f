// Review: a 代开发 (way 2) app receives its data callbacks signed with the operator's template Token and
// EncodingAESKey, which the owner never sees. "重新生成回调密钥" (POST /api/wecom/setup/callback-keys) is a way-1
// action, yet WecomSetupService.regenerateCallbackKeys → WecomAppRepository.replaceCallbackKeys replaces the keys of
// whatever app the merchant has: on an agency app every later callback from WeCom fails its signature, silently
// (the setup page still says callbacks need nothing), and the shop stops receiving messages.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { newAgencyShop, startSuiteTestApp, type SuiteTestApp } from '../support/wecom-suite.js';

let w: SuiteTestApp;
beforeAll(async () => {
  w = await startSuiteTestApp();
  await w.standin.suite.pushesTicket();
});
afterAll(() => w.close());

it('an agency app’s callback keys cannot be replaced by the way-1 regenerate action', async () => {
  const shop = await newAgencyShop(w);
  const link = await shop.link();
  expect(link.status).toBe(200);
  await w.standin.suite.scans({
    installUrl: link.body.url,
    corpName: '茶语时光',
    members: shop.members,
    kfAccounts: shop.kfAccounts,
  });
  expect((await shop.connected()).body.app).toMatchObject({ mode: 'agency' });
  const apps = w.app.container.wecom.apps;
  expect((await apps.findByMerchant(shop.tenant.merchantId))?.callbackToken).toBe(w.suite.token);

  // refused or ignored, either way the template's keys stay
  await w.app.request('/api/wecom/setup/callback-keys', {
    method: 'POST',
    token: shop.tenant.tokens.owner,
  });
  const after = await apps.findByMerchant(shop.tenant.merchantId);
  expect(after?.callbackToken).toBe(w.suite.token);
  expect(after?.encodingAesKey).toBe(w.suite.encodingAesKey);
});
