// A shop's own opening hours in the business step, in headless Chromium against the real server: saving a shop's
// address keeps the hours it has apart from the business's; the owner gives a shop its own hours with a closed day,
// and sets it back to follow the business's hours. The week reads Monday first. A screenshot per step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee, seen, wechatConsolePage } from '../support/console-page.js';
import { OPERATOR_TEST_ENV, signedInOperator } from '../support/operator.js';
import { shopWithTeam } from '../support/staff-team.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_shop_hours';
const LATE = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, open: '12:00', close: '23:30' }));

let w: WecomTestApp;
let shop: Awaited<ReturnType<typeof shopWithTeam>>;
let browser: Browser;
let page: Page;

const shot = (name: string) => screenshot(page, `setup-shop-hours-${name}`, { fullPage: false });
const stored = async () => (await w.app.container.repositories.shops.list(shop.merchantId))[0]!;
const form = () => seen(page.locator('[data-shop-form="夜宵店"]'));

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api', env: OPERATOR_TEST_ENV });
  shop = await shopWithTeam(w, (await signedInOperator(w.app)).token, '夜猫子烧烤');
  await w.app.container.repositories.staff.bindMiniProgram(
    shop.merchantId,
    new Types.ObjectId(shop.ownerId),
    OWNER_OPENID,
  );
  const hours = { businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '22:00' })) };
  expect(
    (await w.app.request('/api/merchant/business-hours', { method: 'PUT', token: shop.owner, body: hours })).status,
  ).toBe(200);
  const added = await w.app.request('/api/merchant/shops', {
    token: shop.owner,
    body: { name: '夜宵店', address: '成都市武侯区玉林路 1 号', phone: '028-85551234', businessHours: LATE },
  });
  expect(added.status).toBe(201);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe("a shop's own opening hours", () => {
  it("keeps the shop's own hours when its phone is changed", async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    await page.goto(`${w.app.url}/console/#/pages/setup/business`);
    const card = seen(page.locator('[data-shop="夜宵店"]'));
    await card.waitFor({ timeout: 20_000 });
    // its closed days read Monday first: Saturday, then Sunday
    expect(await card.textContent()).toContain('营业时间：自己的，周六、周日休息');
    await seen(card.getByText('修改')).click();
    const phone = seen(form().locator('input[placeholder="手机号，或带区号的座机"]'));
    await phone.fill('028-85559999');
    await seen(form().getByText('保存门店')).click();
    await expectToSee(page, '028-85559999');
    const after = await stored();
    expect(after.phone).toBe('028-85559999');
    expect(after.businessHours).toEqual(LATE);
    await shot('1-kept');
  });

  it('gives the shop its own hours with a closed day, then back to the business hours', async () => {
    await seen(page.locator('[data-shop="夜宵店"]').getByText('修改')).click();
    const own = seen(
      form().locator('[data-role="own-hours"] .weui-switch, [data-role="own-hours"] input[type=checkbox]'),
    );
    await own.waitFor();
    // the week starts on Monday: 周一 … 周日, Sunday (stored as 0) last
    expect(
      await form()
        .locator('[data-weekday]')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-weekday'))),
    ).toEqual(['1', '2', '3', '4', '5', '6', '0']);
    // Wednesday closed, Sunday opened (the other days as they were)
    await seen(form().locator('[data-weekday="3"] .weui-switch, [data-weekday="3"] input[type=checkbox]')).click();
    await seen(form().locator('[data-weekday="0"] .weui-switch, [data-weekday="0"] input[type=checkbox]')).click();
    await shot('2-own-hours');
    await seen(form().getByText('保存门店')).click();
    await expectToSee(page, '门店已保存');
    expect((await stored()).businessHours?.map((s) => s.weekday)).toEqual([0, 1, 2, 4, 5]);

    await seen(page.locator('[data-shop="夜宵店"]').getByText('修改')).click();
    await own.click(); // off: the shop follows the business's hours
    expect(await form().locator('[data-weekday]').count()).toBe(0);
    await seen(form().getByText('保存门店')).click();
    await expectToSee(page, '门店已保存');
    expect((await stored()).businessHours ?? []).toEqual([]);
    // the card shows the saved shop once the page has read it again
    await seen(page.locator('[data-shop="夜宵店"]', { hasText: '营业时间：同店铺营业时间' })).waitFor();
    await shot('3-follows');
  });

  it('refuses own hours with every day closed', async () => {
    await seen(page.locator('[data-shop="夜宵店"]').getByText('修改')).click();
    await seen(
      form().locator('[data-role="own-hours"] .weui-switch, [data-role="own-hours"] input[type=checkbox]'),
    ).click();
    for (const weekday of [0, 1, 2, 3, 4, 5, 6]) {
      const day = form().locator(`[data-weekday="${weekday}"]`);
      if ((await day.getByText('休息').count()) === 0)
        await seen(day.locator('.weui-switch, input[type=checkbox]')).click();
    }
    await seen(form().getByText('保存门店')).click();
    await expectToSee(page, '这家店自己的营业时间至少要有一天营业');
    expect((await stored()).businessHours ?? []).toEqual([]);
  });
});
