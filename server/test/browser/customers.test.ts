// The customers pages of the console, in headless Chromium against the real server and the WeCom stand-in: the
// owner finds a customer, links a POS order that matched nobody to them, opens the profile, changes the member
// number and birthday, reads the timeline, records an opt-out with a reason and sees it under 为什么没联系他.
// A screenshot per step under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { buildCustomer } from '../support/factories.js';
import { expectToSee as expectOn, openFromMine, seen, wechatConsolePage } from '../support/console-page.js';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { quietHoursAwayFromNow } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_customers';

let w: WecomTestApp;
let browser: Browser;
let page: Page;
let customer: CustomerRecord;

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string) => screenshot(page, `customers-${name}`, { fullPage: true });
const typed = (placeholder: string) =>
  seen(page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`));
const section = (name: string) => seen(page.locator(`[data-section="${name}"]`));

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api' });
  const { merchantId, people } = w.tenant;
  customer = await buildCustomer(w.app.container, merchantId, { name: '王小芳', phone: '13900002222' });
  await buildCustomer(w.app.container, merchantId, { name: '李雷' });
  await w.app.container.repositories.orders.insertMany(merchantId, [
    {
      externalId: 'BROWSER-1',
      customerId: customer._id,
      channel: '堂食',
      status: 'completed',
      items: [{ name: '杨枝甘露', quantity: 2, unitPrice: 1800, specs: [] }],
      amount: 3600,
      placedAt: new Date(Date.now() - 86_400_000),
    },
  ]);
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  await quietHoursAwayFromNow(w); // 为什么没联系他 starts empty whatever time the suite runs
  // a POS order naming a member number nobody has yet: to be linked by hand
  await w.app.request('/api/intake/orders', {
    token: w.tenant.tokens.manager,
    body: {
      orders: [
        {
          externalId: 'BROWSER-UNMATCHED',
          placedAt: new Date(Date.now() - 3_600_000).toISOString(),
          channel: '外卖',
          amount: 2600,
          items: [{ name: '芒果千层', quantity: 1, unitPrice: 2600 }],
          customer: { memberNo: 'VIP-7788' },
        },
      ],
    },
  });
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('customers', () => {
  it('lists the customers one tap from 我的, and finds one by name', async () => {
    await page.goto(`${w.app.url}/console/`);
    await openFromMine(page, '客户');
    await expectToSee('李雷');
    await expectToSee('王小芳');
    await shot('1-list');
    await typed('搜索姓名、备注或手机号').fill('王小芳');
    await typed('搜索姓名、备注或手机号').press('Enter');
    await expect.poll(() => page.locator('[data-customer]').filter({ visible: true }).count()).toBe(1);
    await shot('2-search');
  });

  it('links a POS order that matched nobody to the customer, keeping its member number', async () => {
    await expectToSee('待认领的订单（1）');
    await seen(page.locator('[data-section="unmatched"]').getByText('查看', { exact: true })).click();
    await expectToSee('芒果千层×1 · ¥26');
    await seen(page.locator('[data-unmatched="BROWSER-UNMATCHED"]').getByText('认领', { exact: true })).click();
    await expectToSee('点一位客户，把订单 BROWSER-UNMATCHED 认领给他');
    await shot('2b-unmatched');
    await seen(page.locator(`[data-customer="${customer._id}"]`)).click();
    await expectToSee('同时把会员号 VIP-7788记到他的资料里（他已有的不会被改）');
    await seen(page.locator('.taro-modal__foot').getByText('认领', { exact: true })).click();
    await expect
      .poll(async () => {
        const order = await w.app.container.repositories.orders.findByExternalId(
          w.tenant.merchantId,
          'BROWSER-UNMATCHED',
        );
        return String(order?.customerId);
      })
      .toBe(String(customer._id));
    await expect
      .poll(
        async () =>
          (await w.app.container.repositories.customers.findById(w.tenant.merchantId, String(customer._id)))?.memberNo,
      )
      .toBe('VIP-7788');
    await expect.poll(() => page.locator('[data-section="unmatched"]').filter({ visible: true }).count()).toBe(0);
  });

  it('opens the profile and changes the member number and birthday', async () => {
    await seen(page.locator(`[data-customer="${customer._id}"]`)).click();
    await expectToSee('消费 ¥62 · 2 次');
    await typed('收银系统里的会员号').fill('VIP-0088');
    await typed('如 1995-08-17').fill('1990-02-03');
    await seen(page.getByText('保存资料', { exact: true })).click();
    await expect
      .poll(
        async () =>
          (await w.app.container.repositories.customers.findById(w.tenant.merchantId, String(customer._id)))?.memberNo,
      )
      .toBe('VIP-0088');
    const stored = await w.app.container.repositories.customers.findById(w.tenant.merchantId, String(customer._id));
    expect(stored).toMatchObject({ birthday: '1990-02-03', phone: '13900002222' });
    await shot('3-edited');
  });

  it('shows the timeline', async () => {
    const timeline = section('timeline');
    await timeline.locator('[data-kind="order"]').first().waitFor();
    expect(await timeline.innerText()).toContain('订单 · 杨枝甘露×2');
    await timeline.scrollIntoViewIfNeeded();
    await shot('4-timeline');
  });

  it('records an opt-out with a reason, and 为什么没联系他 says so', async () => {
    await expect.poll(async () => section('why-not').innerText()).toContain('现在可以给他发消息');
    await typed('如 客户说不想再收活动消息').fill('客户当面说不想收活动消息');
    await seen(page.getByText('标记退订', { exact: true })).click();
    await seen(page.locator('[data-block="opted_out"]')).waitFor();
    expect(await section('why-not').innerText()).toContain('客户已退订');
    expect(await section('consent').innerText()).toContain('客户当面说不想收活动消息');
    await expectToSee('恢复接收');
    await section('why-not').scrollIntoViewIfNeeded();
    await shot('5-why-not');
    const stored = await w.app.container.repositories.customers.findById(w.tenant.merchantId, String(customer._id));
    expect(stored!.optedOut).toBe(true);
  });
});
