// The console's staff and integrations pages in headless Chromium against the real server and the WeCom stand-in:
// the owner assigns a shop, shows a manager's invite QR and deactivates a member (whose session ends at once); then
// opens the webhook (the secret shown once, never after a reload), sees a refused signed delivery's reason in
// Chinese, and WeCom's connection. A screenshot per step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee, openFromMine, seen, wechatConsolePage } from '../support/console-page.js';
import { buildShop, buildStaff } from '../support/factories.js';
import { OPERATOR_TEST_ENV, signedInOperator } from '../support/operator.js';
import { deliverSigned } from '../support/signed-delivery.js';
import { shopWithTeam } from '../support/staff-team.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_staff_integrations';

let w: WecomTestApp;
let shop: Awaited<ReturnType<typeof shopWithTeam>>;
let browser: Browser;
let page: Page;
let wangToken: string;

const shot = (name: string) => screenshot(page, `staff-integrations-${name}`, { fullPage: true });
const card = (userid: string) => seen(page.locator(`[data-member="${userid}"]`));

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'all', env: OPERATOR_TEST_ENV });
  shop = await shopWithTeam(w, (await signedInOperator(w.app)).token, '周记面馆');
  const c = w.app.container;
  await buildShop(c, shop.merchantId, { name: '天钥桥店' });
  await buildStaff(c, shop.merchantId, 'manager', '李店长');
  const wang = await buildStaff(c, shop.merchantId, 'staff', '王师傅');
  wangToken = (await c.services.auth.issueFor(wang)).token;
  await c.repositories.staff.bindMiniProgram(shop.merchantId, new Types.ObjectId(shop.ownerId), OWNER_OPENID);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

const userIdOf = async (name: string) =>
  (await w.app.container.repositories.staff.list(shop.merchantId)).find((m) => m.name === name)!.wecomUserId;

describe('the staff page', () => {
  it('lists the team with roles and shops; a shop is assigned with a tap', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    await openFromMine(page, '员工与角色');
    await expectToSee(page, '共 2 位员工');
    const wang = card(await userIdOf('王师傅'));
    await wang.locator('[data-shop="天钥桥店"]').click();
    await expectToSee(page, '已保存');
    const stored = await w.app.container.repositories.staff.findByWecomUserId(
      shop.merchantId,
      await userIdOf('王师傅'),
    );
    expect(stored!.shopIds).toHaveLength(1);
    await shot('1-staff');
  });

  it("shows a manager's mini-program invite QR", async () => {
    const li = await userIdOf('李店长');
    await card(li).locator(`[data-invite="${li}"]`).click();
    await seen(page.locator(`[data-invite-for="${li}"] img`)).waitFor();
    await shot('2-invite');
  });

  it('deactivates a member after a confirmation; their session ends at once', async () => {
    expect((await w.app.request('/api/merchant', { token: wangToken })).status).toBe(200);
    const wangId = await userIdOf('王师傅');
    await card(wangId).locator(`[data-deactivate="${wangId}"]`).click();
    await expectToSee(page, '停用王师傅？');
    await shot('3-confirm');
    await seen(page.locator('.taro-modal__foot').getByText('停用', { exact: true })).click();
    await expectToSee(page, '共 1 位员工');
    expect(await page.locator(`[data-member="${wangId}"]`).filter({ visible: true }).count()).toBe(0);
    expect((await w.app.request('/api/merchant', { token: wangToken })).status).toBe(401);
    await shot('4-deactivated');
  });

  it('lists the member under 已停用, where the owner brings them back', async () => {
    const [wang] = await w.app.container.repositories.staff.listDeactivatedByOwner(shop.merchantId);
    const wangId = wang!.wecomUserId;
    const off = seen(page.locator(`#deactivated [data-deactivated="${wangId}"]`));
    await off.waitFor();
    await off.getByText('恢复', { exact: true }).click();
    await expectToSee(page, '共 2 位员工');
    const back = await w.app.container.repositories.staff.findByWecomUserId(shop.merchantId, wangId);
    expect(back).toMatchObject({ active: true });
    expect(back!.deactivatedByOwner).toBeUndefined();
  });
});

describe('the integrations page', () => {
  let secret = '';
  it('opens the webhook and shows its secret once', async () => {
    await page.goto(`${w.app.url}/console/#/pages/integrations/index`);
    await expectToSee(page, '收银 / ERP 推送地址');
    await expectToSee(page, '未开通');
    await seen(page.locator('#webhook-rotate')).click();
    await seen(page.locator('#webhook-secret')).waitFor();
    secret = (await seen(page.locator('.webhook-secret')).innerText()).trim();
    expect(secret).toMatch(/^whsec_/);
    await expectToSee(page, '密钥只显示这一次');
    await shot('5-webhook-secret');
  });

  it('lists a refused signed delivery with its reason in Chinese; the secret is gone after a reload', async () => {
    const view = await w.app.request('/api/intake/webhook', { token: await ownerToken() });
    const url = (view.body.url as string).replace(/^https?:\/\/[^/]+/, w.app.url);
    const res = await deliverSigned(url, secret, '{"orders": [');
    expect(res.status).toBe(400);
    await page.reload();
    await expectToSee(page, '请求内容不是有效的 JSON');
    await expectToSee(page, '失败 400');
    expect(await page.locator('body').innerText()).not.toContain(secret);
    await expectToSee(page, '已连接');
    await expectToSee(page, '接入方式：自建应用');
    await shot('6-integrations');
  });
});

const ownerToken = async () => {
  const owner = await w.app.container.repositories.staff.findById(shop.merchantId, shop.ownerId);
  return (await w.app.container.services.auth.issueFor(owner!)).token;
};
