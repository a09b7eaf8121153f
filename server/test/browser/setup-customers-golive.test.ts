// The setup's last two steps in the console, in headless Chromium against the real server (with its job worker)
// and the WeCom stand-in: the WeCom contact sync stopped by WeCom (the reason in Chinese) and finished, its progress
// surviving a reload; the member list imported with a bad row named; then the owner's test on 微信客服 played by the
// stand-in with the bot's answer arriving on the page, and 开始营业 confirmed. A screenshot per step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wxBridgeScript } from '@xiaoer/dev-services/wecom-standin/wxbridge';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { consolePage, expectToSee, seen } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_setup_golive';
const CONTACTS = 120;

let w: WecomTestApp;
let shop: Awaited<ReturnType<WecomTestApp['addMerchant']>>;
let browser: Browser;
let page: Page;

const shot = (name: string) => screenshot(page, `setup-customers-golive-${name}`, { fullPage: true });

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'all', env: { JOBS_POLL_MS: '200' } });
  // a shop as the operator creates it: in setup until 开始营业
  shop = await w.addMerchant('after_hours');
  const { merchantId } = shop.tenant;
  await w.app.container.goLive.service.startSetup(merchantId);
  await w.app.container.repositories.products.insertMany(merchantId, MILK_TEA_MENU);
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, shop.tenant.people.owner._id, OWNER_OPENID);
  const staffUserId = shop.tenant.people.staff.wecomUserId;
  for (let i = 0; i < CONTACTS; i++) {
    const externalUserId = `wmOld${String(i).padStart(4, '0')}`;
    w.standin.state.contacts.set(externalUserId, {
      externalUserId,
      name: `老顾客${i}`,
      avatar: '',
      gender: 2,
      followers: new Map([[staffUserId, { remark: '', createtime: 1_750_000_000 + i, tagIds: [], addWay: 1 }]]),
    });
  }
  browser = await launchChromium();
  page = await consolePage(browser);
  await page.context().addInitScript(wxBridgeScript(w.standin.url, OWNER_OPENID));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('existing customers', () => {
  it('opens from the checklist', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    await page.goto(`${w.app.url}/console/#/pages/setup/checklist`);
    await expectToSee(page, '老顾客');
    // the step's title, not the card's centre: the card also holds its own 同步老顾客 button
    await seen(page.locator('[data-step="customers"] .strong')).click();
    await expectToSee(page, '从企业微信同步老顾客');
    await expectToSee(page, '店里现有 0 位顾客');
    await shot('1-customers');
  });

  it("shows WeCom's reason in Chinese when the sync stops, and the progress after a reload", async () => {
    // WeCom refuses the count twice (the first attempt and the worker's first retry)
    w.standin.state.injectError('/cgi-bin/externalcontact/list', 60020, 2);
    await seen(page.getByText('开始同步', { exact: true })).click();
    await expectToSee(page, /服务器 IP 不在企业可信 IP 列表中（错误码 60020）/);
    await expectToSee(page, '同步中断');
    await shot('2-sync-stopped');
    await page.reload();
    await expectToSee(page, /同步完成：120 位顾客|同步中断|正在同步/);
    await expectToSee(page, `同步完成：${CONTACTS} 位顾客`, 30_000);
    await shot('3-sync-done');
    expect(await w.app.container.repositories.customers.count(shop.tenant.merchantId)).toBe(CONTACTS);
  });

  it('imports the member list: matched, created, and a bad row named by its row number', async () => {
    const chooser = page.waitForEvent('filechooser');
    await seen(page.getByText('选择会员表格', { exact: true })).click();
    await (
      await chooser
    ).setFiles({
      name: '会员名单.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        [
          '姓名,手机号,会员号,生日,储值余额,积分',
          '张阿姨,13700000001,VIP-1,1960-03-08,200,50',
          '错号码,137000,VIP-2,,,',
        ].join('\n'),
      ),
    });
    await expectToSee(page, '预览：会员名单.csv');
    await expectToSee(page, /第 3 行：手机号格式不正确/);
    await shot('4-members-preview');
    await seen(page.getByText('确认导入', { exact: true })).click();
    await expectToSee(page, '已导入：会员名单.csv');
    await shot('5-members-imported');
    const [member] = (
      await w.app.container.repositories.customers.list(shop.tenant.merchantId, { q: '张阿姨', limit: 1 })
    ).items;
    expect(member).toMatchObject({ phone: '13700000001', memberNo: 'VIP-1', points: 50, contactStatus: 'not_contact' });
  });
});

describe('test and go live', () => {
  it('the stand-in plays the owner’s WeChat and the bot’s answer arrives on the page', async () => {
    await page.goto(`${w.app.url}/console/#/pages/setup/golive`);
    await expectToSee(page, '用自己的微信试一试');
    await expectToSee(page, /茶语时光客服/);
    await shot('6-golive');
    await seen(page.getByText('模拟顾客发消息', { exact: true })).click();
    await expectToSee(page, '你好，请问你们几点营业？');
    await expectToSee(page, '小二已经回答了', 20_000);
    expect(await page.locator('[data-direction="out"]').filter({ visible: true }).count()).toBeGreaterThan(0);
    await shot('7-golive-answered');
  });

  it('开始营业 after the confirm: the bot is on, and the checklist shows the step done', async () => {
    await seen(page.getByText('开始营业', { exact: true })).click();
    await expectToSee(page, /确定开始营业吗/);
    await shot('8-golive-confirm');
    await seen(page.getByText('确定', { exact: true })).click(); // Taro's confirmation dialog
    await expectToSee(page, '✓ 已开始营业');
    await shot('9-golive-live');
    const merchant = await w.app.container.repositories.merchants.findById(shop.tenant.merchantId);
    expect(merchant!.autoReply.mode).toBe('after_hours');
    const audit = await w.app.container.operator.audit.list(shop.tenant.merchantId);
    expect(audit.find((a) => a.action === 'merchant.went_live')?.actor).toEqual({
      kind: 'staff',
      id: String(shop.tenant.people.owner._id),
    });
    await page.goto(`${w.app.url}/console/#/pages/setup/checklist`);
    await expect
      .poll(() => seen(page.locator('[data-step="golive"]')).getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    await shot('10-checklist');
  });
});
