// The console's report for a merchant with two shops, in headless Chromium against the real server: the owner picks
// 全部门店 or one shop and sees that shop's takings; a manager of one shop sees only theirs, with no picker.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee, seen, wechatConsolePage } from '../support/console-page.js';
import { buildShop } from '../support/factories.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_report_shops';
const MANAGER_OPENID = 'o_manager_report_shops';

let w: WecomTestApp;
let browser: Browser;

/** Yesterday in Shanghai: the day report the page opens on (the last complete day). */
const yesterday = () =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - 86_400_000));
const revenue = (page: Page) => seen(page.locator('.figure-value')).innerText();
const open = async (openid: string) => {
  const page = await wechatConsolePage(browser, w.standin.url, openid);
  await page.goto(`${w.app.url}/console/`);
  await seen(page.locator('.taro-tabbar__tabbar').getByText('报表', { exact: true })).click();
  await expectToSee(page, '营业额走势');
  return page;
};

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api' });
  const { merchantId, people, tokens, shop } = w.tenant;
  await buildShop(w.app.container, merchantId, { name: '大学城店' });
  const placedAt = `${yesterday()}T12:00:00+08:00`;
  const order = (externalId: string, shopId: string, amount: number) => ({
    externalId,
    placedAt,
    channel: '堂食',
    amount,
    shopId,
  });
  const res = await w.app.request('/api/intake/orders', {
    token: tokens.owner,
    body: { orders: [order('W-1', shop.name, 3000), order('W-2', shop.name, 2000), order('C-1', '大学城店', 1600)] },
  });
  expect(res.body).toMatchObject({ created: 3, failed: [] });
  const staff = w.app.container.repositories.staff;
  await staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  await staff.bindMiniProgram(merchantId, people.manager._id, MANAGER_OPENID);
  await staff.assign(merchantId, people.manager._id.toHexString(), { shopIds: [shop._id.toHexString()] });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the report per shop', () => {
  it('lets the owner read every shop together or one shop', async () => {
    const page = await open(OWNER_OPENID);
    expect(await seen(page.getByText('全部门店', { exact: true })).getAttribute('class')).toContain('segment-on');
    expect(await revenue(page)).toBe('¥66');
    await seen(page.getByText('大学城店', { exact: true })).click();
    await expect.poll(() => revenue(page)).toBe('¥16');
    await screenshot(page, 'console-reports-shop', { fullPage: false });
    await seen(page.getByText(w.tenant.shop.name, { exact: true })).click();
    await expect.poll(() => revenue(page)).toBe('¥50');
  });

  it('shows a manager of one shop only that shop, without a picker', async () => {
    const page = await open(MANAGER_OPENID);
    expect(await revenue(page)).toBe('¥50');
    expect(await page.getByText('全部门店', { exact: true }).count()).toBe(0);
    expect(await page.getByText('大学城店', { exact: true }).count()).toBe(0);
  });
});
