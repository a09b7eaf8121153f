// The 新建群发 page of the console, in headless Chromium against the real server and the WeCom stand-in: the owner
// finds it under 草稿 → 群发, picks a tag, writes the text, sees who each staff member will send to and who is left
// out and why (with names), confirms, and the stand-in holds one task per staff member. A screenshot per step under
// test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { buildCustomer } from '../support/factories.js';
import { expectToSee as expectOn, seen, wechatConsolePage } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_campaigns';
const TAG = '周末活动';

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string) => screenshot(page, `campaigns-${name}`, { fullPage: true });

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp();
  const { merchantId, people } = w.tenant;
  const customer = (name: string, extra: Parameters<typeof buildCustomer>[2] = {}) =>
    buildCustomer(w.app.container, merchantId, { name, tags: [TAG], followStaffIds: [people.staff._id], ...extra });
  for (const name of ['阿美', '阿强', '阿珍']) await customer(name);
  for (const name of ['小白', '小黑']) await customer(name, { followStaffIds: [people.manager._id] });
  await customer('退订的王女士', { optedOut: true });
  await customer('只留了手机号', { externalUserId: undefined });
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('a campaign from the console', () => {
  it('shows who receives it per staff member and who is left out and why, before sending', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('草稿', { exact: true })).click();
    await seen(page.getByText('群发', { exact: true })).click();
    await seen(page.getByText('新建群发', { exact: true })).click();
    await expectToSee('发给谁');
    await seen(page.locator('.choice').getByText(TAG, { exact: true })).click();
    await seen(page.locator('textarea')).fill('本周六会员日，饮品第二杯半价～');
    await shot('1-audience');
    await seen(page.getByText('看看会发给谁', { exact: true })).click();
    await expectToSee('共 7 位客户，5 位会收到，分 2 个群发任务');
    await expectToSee(`${w.tenant.people.staff.name}：3 位（在企业微信里确认一次）`);
    await expectToSee(`${w.tenant.people.manager.name}：2 位（在企业微信里确认一次）`);
    const optedOut = seen(page.locator('[data-reason="opted_out"]'));
    expect(await optedOut.innerText()).toContain('已退订 1 位');
    expect(await optedOut.innerText()).toContain('退订的王女士');
    expect(await seen(page.locator('[data-reason="not_wecom_contact"]')).innerText()).toContain('只留了手机号');
    expect(await page.locator('body').innerText()).not.toMatch(/wm_ext_/);
    await shot('2-preview');
  });

  it('makes one task per staff member when the owner confirms', async () => {
    const before = w.standin.state.groupSendTasks.length;
    await seen(page.getByText('确认发送', { exact: true })).click();
    await seen(page.getByText('发送', { exact: true })).click(); // Taro's confirmation dialog
    await expectToSee('已创建 2 个群发任务');
    const made = w.standin.state.groupSendTasks.slice(before);
    expect(made.map((t) => t.externalUserIds.length).sort()).toEqual([2, 3]);
    expect(made.every((t) => t.text === '本周六会员日，饮品第二杯半价～')).toBe(true);
    await shot('3-sent');
  });
});
