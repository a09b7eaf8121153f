// The owner's staff step in the console, in headless Chromium against the real server (with its job worker) and the
// WeCom stand-in: the first sync fails with WeCom's reason and fix in Chinese, the second brings in the app's visible
// range (one name withheld), the owner picks their own WeCom member (their WeCom sign-in is then the owner's), sets
// a manager and a shop, shows a mini-program invite QR, and the checklist counts the step. A screenshot per step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { Types } from 'mongoose';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee, seen, wechatConsolePage } from '../support/console-page.js';
import { OPERATOR_TEST_ENV, postPublic, signedInOperator } from '../support/operator.js';
import { shopWithTeam } from '../support/staff-team.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_setup_staff';

let w: WecomTestApp;
let shop: Awaited<ReturnType<typeof shopWithTeam>>;
let browser: Browser;
let page: Page;

const shot = (name: string) => screenshot(page, `setup-staff-${name}`, { fullPage: false });
const member = (userid: string) => seen(page.locator(`[data-member="${userid}"]`));
const team = async () =>
  (await w.app.container.repositories.staff.list(shop.merchantId)).map((m) => ({
    userid: m.wecomUserId,
    role: m.role,
    shops: m.shopIds.map((s) => s.toHexString()),
  }));

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'all', env: { ...OPERATOR_TEST_ENV, JOBS_POLL_MS: '200' } });
  shop = await shopWithTeam(w, (await signedInOperator(w.app)).token, '周记面馆');
  // the owner's WeChat, bound to the setup link's owner (as the mini-program's invite would)
  await w.app.container.repositories.staff.bindMiniProgram(
    shop.merchantId,
    new Types.ObjectId(shop.ownerId),
    OWNER_OPENID,
  );
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the staff step', () => {
  it('opens from the checklist with nothing synced yet', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    await page.goto(`${w.app.url}/console/#/pages/setup/checklist`);
    await expectToSee(page, '员工');
    await page.goto(`${w.app.url}/console/#/pages/setup/staff`);
    await expectToSee(page, '还没有同步');
    await shot('1-empty');
  });

  it("shows WeCom's reason and the fix in Chinese when the sync fails", async () => {
    w.standin.state.injectError('/cgi-bin/user/simplelist', 60011);
    await seen(page.getByText('同步员工', { exact: true })).click();
    await expectToSee(page, '同步没有完成');
    await expectToSee(page, /应用的可见范围不包含这名成员（错误码 60011）/);
    await expectToSee(page, /怎么解决：到企业微信管理后台 → 应用管理/);
    await shot('2-failed');
  });

  it('syncs the visible range again: five members, one whose name WeCom withheld', async () => {
    await seen(page.getByText('重新同步', { exact: true })).click();
    await expectToSee(page, '已同步 5 人');
    await expectToSee(page, '1 人的姓名企业微信没有提供，他们第一次登录小二时填写');
    await member('x7').waitFor();
    expect(await member('x7').textContent()).toContain('待本人填写姓名');
    expect(await page.locator('[data-member="out"]').count()).toBe(0);
    await shot('3-synced');
  });

  it('lets the owner pick themselves: their WeCom sign-in is the owner’s from then on', async () => {
    await expectToSee(page, '你是哪一位？');
    await seen(page.locator('[data-claim="zhou"]')).click();
    await seen(page.locator('#staff-claim'))
      .waitFor({ state: 'detached', timeout: 10_000 })
      .catch(() => undefined);
    await expect.poll(async () => (await team()).find((m) => m.userid === 'zhou')?.role).toBe('owner');
    expect((await team()).map((m) => m.userid)).not.toContain('~setup-owner');
    await expect.poll(async () => member('zhou').locator('.chip-on').textContent()).toBe('老板');
    await shot('4-claimed');
    // 周老板 opens the sidebar in WeCom: signed in as the owner
    const code = `oauth-${Date.now()}`;
    w.standin.state.oauthCodes.set(code, {
      corpId: shop.corpId,
      userid: 'zhou',
      expiresAt: Date.now() + 300_000,
      used: false,
    });
    const signedIn = await postPublic(w.app, '/api/auth/wecom', { corpId: shop.corpId, code });
    expect(signedIn.body.staff).toMatchObject({ name: '周老板', role: 'owner' });
  });

  it('sets a manager and a shop, and shows the mini-program invite QR', async () => {
    const owner = await w.app.container.repositories.staff.findByWecomUserId(shop.merchantId, 'zhou');
    const token = (await w.app.container.services.auth.issueFor(owner!)).token;
    const added = await w.app.request('/api/merchant/shops', {
      token,
      body: { name: '一店', address: '徐汇区天钥桥路 1 号', phone: '021-64000000' },
    });
    expect(added.status).toBe(201);
    await page.reload();
    await member('li').waitFor({ timeout: 20_000 });
    await member('li').locator('[data-role="manager"]').click();
    await expect.poll(async () => (await team()).find((m) => m.userid === 'li')?.role).toBe('manager');
    await member('wang').locator('[data-shop="一店"]').click();
    await expect.poll(async () => (await team()).find((m) => m.userid === 'wang')?.shops).toEqual([added.body.id]);
    await member('wang').scrollIntoViewIfNeeded();
    await shot('5-roles-and-shops');

    await seen(page.locator('[data-invite="li"]')).click();
    const invite = seen(page.locator('[data-invite-for="li"]'));
    await invite.waitFor();
    expect(await invite.locator('img').getAttribute('src')).toMatch(/^data:image\/png;base64,/);
    expect(await invite.locator('.invite-code').textContent()).toMatch(/^[A-Z2-9]{8}$/);
    await invite.scrollIntoViewIfNeeded();
    await shot('6-invite');
  });

  it('the invite link binds a new manager’s WeChat, who gives the name WeCom withheld at first sign-in', async () => {
    await member('x7').locator('[data-role="manager"]').click();
    await expect.poll(async () => (await team()).find((m) => m.userid === 'x7')?.role).toBe('manager');
    await seen(page.locator('[data-invite="x7"]')).click();
    const code = (await seen(page.locator('[data-invite-for="x7"] .invite-code')).textContent())!.trim();
    // 赵六 scans the QR code: the console's sign-in page with the code filled in
    const x7 = await wechatConsolePage(browser, w.standin.url, 'o_x7_manager');
    await x7.goto(`${w.app.url}/console/#/pages/login/index?invite=${code}`);
    await expectToSee(x7, '第一次使用，请绑定店铺');
    expect(await seen(x7.locator('input')).inputValue()).toBe(code);
    await seen(x7.getByText('绑定并进入')).click();
    await expectToSee(x7, '请填写你的姓名');
    await screenshot(x7, 'setup-staff-7-name-asked', { fullPage: false });
    await seen(x7.locator('#staff-name input')).fill('赵六');
    await seen(x7.locator('#staff-name').getByText('保存', { exact: true })).click();
    await expect
      .poll(async () => (await w.app.container.repositories.staff.findByWecomUserId(shop.merchantId, 'x7'))?.name)
      .toBe('赵六');
    await seen(x7.locator('#staff-name')).waitFor({ state: 'hidden' });
    await x7.context().close();
  });

  it('counts the step in the checklist', async () => {
    await page.goto(`${w.app.url}/console/#/pages/setup/checklist`);
    await expectToSee(page, '5 位员工');
    await shot('8-checklist');
  });
});
