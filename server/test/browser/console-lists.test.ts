// The console's long lists come a page at a time, in headless Chromium against the real server: the drafts inbox
// (待审核 and 已处理) and the alerts show twenty, newest first, and 加载更多 brings the rest, then goes away.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DraftStatus } from '@xiaoer/common/constants/outreach';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { buildCustomer } from '../support/factories.js';
import { expectToSee, seen, wechatConsolePage } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_console_lists';
const MINUTE = 60_000;

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const shot = (name: string) => screenshot(page, `console-lists-${name}`, { fullPage: false });
const tab = (name: string) => seen(page.locator('.taro-tabbar__tabbar').getByText(name, { exact: true })).click();
const loadMore = () => seen(page.locator('[data-load-more]'));
const shownCount = (selector: string) => page.locator(selector).filter({ visible: true }).count();

/** `n` drafts of one status, each for its own customer, a minute apart (the newest is number n). */
async function drafts(status: DraftStatus, n: number, name: string, from: Date) {
  for (let i = 1; i <= n; i++) {
    const customer = await buildCustomer(w.app.container, w.tenant.merchantId, { name: `${name}${i}` });
    const at = new Date(from.getTime() + i * MINUTE);
    await w.app.container.repositories.drafts.insertMany(w.tenant.merchantId, [
      {
        scenario: 'dormant_winback',
        customerId: customer._id,
        day: at.toISOString().slice(0, 10),
        text: `${name}${i}，好久不见～最近有空来店里坐坐吧？`,
        reason: '40天没来了',
        citedIds: [],
        status,
        audit: [{ at, by: 'system', action: 'drafted' }],
        createdAt: at,
        updatedAt: at,
      },
    ]);
  }
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api' });
  const { tenant } = w;
  await w.app.container.repositories.staff.bindMiniProgram(tenant.merchantId, tenant.people.owner._id, OWNER_OPENID);
  const start = new Date(Date.now() - 3 * 3600_000);
  await drafts('pending', 23, '待审客人', start);
  await drafts('rejected', 3, '已拒客人', start);
  for (let i = 1; i <= 22; i++)
    await w.app.container.alerts.service.raise(
      tenant.merchantId,
      [{ kind: 'low_stock', key: `item-${i}`, level: 'warning', title: `库存预警：第${i}号原料`, body: '还剩 2 份' }],
      new Date(start.getTime() + i * MINUTE),
    );
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
  await page.goto(`${w.app.url}/console/`);
  await seen(page.locator('.taro-tabbar__tabbar')).waitFor({ timeout: 20_000 });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the drafts inbox a page at a time', () => {
  it('shows twenty pending drafts, newest first, and 加载更多 brings the other three', async () => {
    await tab('草稿');
    await expectToSee(page, '待审客人23');
    await vi.waitFor(async () => expect(await shownCount('[data-draft]')).toBe(20));
    expect(await page.getByText('待审客人3', { exact: true }).count()).toBe(0);
    // approving the group approves what the owner has read: with more to load, the button says how many
    await seen(page.getByText('通过这 20 条', { exact: true })).waitFor();
    await shot('drafts-first-page');
    await loadMore().click();
    await expectToSee(page, '待审客人1');
    await vi.waitFor(async () => expect(await shownCount('[data-draft]')).toBe(23));
    await seen(page.getByText('全部通过', { exact: true })).waitFor();
    await loadMore().waitFor({ state: 'detached' });
  });

  it('lists the handled drafts on their own, without 加载更多 when they fit on a page', async () => {
    await seen(page.getByText('已处理', { exact: true })).click();
    await expectToSee(page, '已拒客人3');
    await vi.waitFor(async () => expect(await shownCount('[data-draft]')).toBe(3));
    expect(await page.locator('[data-load-more]').filter({ visible: true }).count()).toBe(0);
  });
});

describe('the alerts a page at a time', () => {
  it('shows twenty alerts, newest first, and 加载更多 brings the other two', async () => {
    await tab('提醒');
    await expectToSee(page, '库存预警：第22号原料');
    await vi.waitFor(async () => expect(await shownCount('.card.level-warning')).toBe(20));
    await loadMore().click();
    await expectToSee(page, '库存预警：第1号原料');
    expect(await shownCount('.card.level-warning')).toBe(22);
    await loadMore().waitFor({ state: 'detached' });
    await shot('alerts-all');
  });
});
