// The console's staff and integrations pages in headless Chromium against the real server and the WeCom stand-in:
// the owner assigns a shop, shows a manager's invite QR and deactivates a member (whose session ends at once); then
// adds a push address per sending system (each secret shown once, never after a reload), sees each one's deliveries
// with a refused one's reason in Chinese, rotates one's secret and revokes another (each confirmed first), adds one
// with a platform's own key that 抖音's push (from its stand-in) reaches, and sees WeCom's connection. A screenshot
// per step.
import { existsSync } from 'node:fs';
import { deliverPush, douyinCertificatePush } from '@xiaoer/dev-services/platform-push-standin/pushes';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee, openFromMine, seen, wechatConsolePage } from '../support/console-page.js';
import { buildShop, buildStaff } from '../support/factories.js';
import { OPERATOR_TEST_ENV, signedInOperator } from '../support/operator.js';
import { deliverSigned, onTestServer } from '../support/signed-delivery.js';
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
  const secrets: Record<string, string> = {};
  const endpoint = (name: string) => seen(page.locator(`[data-endpoint="${name}"]`));
  const freshSecret = async (name: string) =>
    (await seen(page.locator(`[data-secret-for="${name}"] .webhook-secret`)).innerText()).trim();
  const urlOf = async (name: string) => {
    const res = await w.app.request('/api/intake/endpoints', { token: await ownerToken() });
    return onTestServer(w.app, res.body.items.find((e: { name: string }) => e.name === name).url as string);
  };
  const confirmModal = async (title: string, button: string) => {
    await expectToSee(page, title);
    await seen(page.locator('.taro-modal__foot').getByText(button, { exact: true })).click();
  };
  const add = async (name: string) => {
    await seen(page.locator('#webhook-name input')).fill(name);
    await seen(page.locator('#webhook-add')).click();
    await seen(page.locator(`[data-secret-for="${name}"]`)).waitFor();
    secrets[name] = await freshSecret(name);
    expect(secrets[name]).toMatch(/^whsec_/);
  };

  it('starts empty, saying what to do; adds a push address per system, each secret shown once', async () => {
    await page.goto(`${w.app.url}/console/#/pages/integrations/index`);
    await expectToSee(page, '还没有推送地址');
    await expectToSee(page, '每个要推数据的系统各加一个');
    await shot('5-webhooks-empty');
    await add('收银系统');
    await expectToSee(page, '密钥只显示这一次');
    await add('ERP');
    expect(secrets['ERP']).not.toBe(secrets['收银系统']);
    await shot('6-webhooks-added');
  });

  it("lists each address's deliveries, a refused one with its reason in Chinese; no secret after a reload", async () => {
    expect((await deliverSigned(await urlOf('收银系统'), secrets['收银系统']!, '{"orders": [')).status).toBe(400);
    const order = { externalId: 'ERP-1', placedAt: '2026-11-20T12:30:00+08:00', amount: 3600, items: [] };
    const ok = await deliverSigned(await urlOf('ERP'), secrets['ERP']!, JSON.stringify({ orders: [order] }));
    expect(ok.status).toBe(200);
    await page.reload();
    await seen(endpoint('收银系统').getByText('请求内容不是有效的 JSON', { exact: false })).waitFor();
    await seen(endpoint('收银系统').getByText('失败 400')).waitFor();
    await seen(endpoint('ERP').getByText('收到 1 条')).waitFor();
    const text = await page.locator('body').innerText();
    for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
    await expectToSee(page, '已连接');
    await expectToSee(page, '接入方式：自建应用');
    await shot('7-integrations');
  });

  it("rotates one address's secret after a confirmation: its old secret is refused, the other still works", async () => {
    await seen(page.locator('[data-rotate="收银系统"]')).click();
    await expectToSee(page, '旧密钥会立即失效，地址不变');
    await shot('8-rotate-confirm');
    await confirmModal('给「收银系统」换新密钥？', '换新密钥');
    await seen(page.locator('[data-secret-for="收银系统"]')).waitFor();
    const rotated = await freshSecret('收银系统');
    expect(rotated).not.toBe(secrets['收银系统']);
    const raw = JSON.stringify({ orders: [] });
    const pos = await urlOf('收银系统');
    expect((await deliverSigned(pos, secrets['收银系统']!, raw)).status).toBe(401);
    expect((await deliverSigned(pos, rotated, raw)).status).not.toBe(401);
    expect((await deliverSigned(await urlOf('ERP'), secrets['ERP']!, raw)).status).not.toBe(401);
    await shot('9-rotated');
  });

  it('revokes an address after a confirmation; what is still sent to it is refused with a clear reason', async () => {
    const erp = await urlOf('ERP');
    await seen(page.locator('[data-revoke="ERP"]')).click();
    await confirmModal('停用「ERP」？', '停用');
    await expectToSee(page, '已停用');
    await page.locator('[data-endpoint="ERP"]').waitFor({ state: 'detached' });
    await seen(page.locator('[data-endpoint="收银系统"]')).waitFor();
    const refused = await deliverSigned(erp, secrets['ERP']!, JSON.stringify({ orders: [] }));
    expect(refused.status).toBe(410);
    expect(refused.body.message).toContain('已被商户停用');
    await shot('10-revoked');
  });

  it("adds a platform's address with the platform's own key; 抖音's push to its push URL is received", async () => {
    const key = 'dy-client-secret-browser-01';
    await seen(page.locator('#webhook-name input')).fill('抖音来客');
    await seen(page.locator('#webhook-secret input')).fill(key);
    await seen(page.locator('#webhook-add')).click();
    await seen(page.locator('[data-secret-for="抖音来客"]')).waitFor();
    expect(await freshSecret('抖音来客')).toBe(key);
    const shown = await seen(endpoint('抖音来客').locator('[data-push-url="douyin"]')).innerText();
    const pushUrl = /https?:\/\/\S+\/push\/douyin/.exec(shown)?.[0];
    expect(pushUrl).toBeDefined();
    const push = douyinCertificatePush(key, { certificateId: '7300000000000077', orderId: 'O77', msgTime: new Date() });
    expect((await deliverPush(onTestServer(w.app, pushUrl!), push)).status).toBe(200);
    await page.reload();
    await seen(endpoint('抖音来客').getByText('收到 1 条')).waitFor();
    await seen(endpoint('抖音来客').getByText('抖音核销推送', { exact: false })).waitFor();
    expect(await page.locator('body').innerText()).not.toContain(key);
    await shot('11-platform-address');
  });
});
const ownerToken = async () => {
  const owner = await w.app.container.repositories.staff.findById(shop.merchantId, shop.ownerId);
  return (await w.app.container.services.auth.issueFor(owner!)).token;
};
