// The catalogue pages of the console, in headless Chromium against the real server and the WeCom stand-in: the owner
// finds a drink by its pinyin initials, marks one size 今日售罄 (and 问问小二 then says it is sold out), changes a
// cake's stock and sells it out, edits a product (a wrong price refused under its field; the aliases the bot already
// knows shown), adds an FAQ, and undoes the latest change from the history. A staff member sees the list without the
// buttons. A screenshot per step under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee as expectOn, openFromMine, seen, wechatConsolePage } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_catalog';
const STAFF_OPENID = 'o_staff_catalog';

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string, p = page) => screenshot(p, `catalog-${name}`, { fullPage: false });
/** Taro's input is a custom element around the real one: the real input or textarea with this placeholder */
const typed = (placeholder: string) =>
  seen(page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`));
const product = (name: string) => seen(page.locator(`[data-product="${name}"]`));
const ask = async (question: string) =>
  (
    await w.app.request('/api/learning/ask', {
      method: 'POST',
      token: w.tenant.tokens.owner,
      body: { question },
    })
  ).body.offline.reply as string;

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api' });
  const { merchantId, people, tokens } = w.tenant;
  const create = (body: object) => w.app.request('/api/knowledge/products', { token: tokens.manager, body });
  await create({
    name: '多肉葡萄',
    category: '鲜果茶',
    variants: [
      { options: [{ name: '杯型', value: '中杯' }], price: 1800, stock: 20 },
      { options: [{ name: '杯型', value: '大杯' }], price: 2200, stock: 20 },
    ],
    tags: ['爆款'],
  });
  await create({ name: '芒果千层', category: '甜品', price: 3200, stock: 3 });
  await create({ name: '杨枝甘露', category: '鲜果茶', price: 1900 });
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.staff._id, STAFF_OPENID);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the catalogue', () => {
  it('is one tap from 我的, by category, with prices and stock', async () => {
    await page.goto(`${w.app.url}/console/`);
    await openFromMine(page, '菜单 / 商品');
    await expectToSee('鲜果茶（2）');
    await expectToSee('甜品（1）');
    expect(await product('多肉葡萄').innerText()).toContain('¥18 起');
    expect(await product('芒果千层').innerText()).toContain('库存 3');
    await shot('1-list');
  });

  it('finds a drink by its pinyin initials', async () => {
    await typed('搜索商品名、别名或拼音').fill('drpt');
    await product('多肉葡萄').waitFor();
    expect(await page.locator('[data-product="芒果千层"]').filter({ visible: true }).count()).toBe(0);
    await shot('2-search');
    await typed('搜索商品名、别名或拼音').fill('');
    await product('芒果千层').waitFor();
  });

  it('marks one size 今日售罄, and 问问小二 says so', async () => {
    const large = product('多肉葡萄').locator('[data-variant="大杯"]');
    await large.locator('[data-toggle]').click();
    await expectToSee('多肉葡萄 大杯 今日售罄');
    await large.locator('[data-toggle="恢复供应"]').waitFor();
    expect(await ask('多肉葡萄还有吗')).toMatch(/大杯已售罄/);
    await shot('3-size-sold-out');
  });

  it('changes a cake’s stock in place, then sells it out for today', async () => {
    await product('芒果千层').getByText('改库存', { exact: true }).click();
    await product('芒果千层').locator('.stock-edit input').fill('5');
    await product('芒果千层').getByText('保存', { exact: true }).click();
    await expectToSee('库存已更新');
    await product('芒果千层').getByText('库存 5').waitFor();
    await product('芒果千层').getByText('今日售罄', { exact: true }).click();
    await expectToSee('芒果千层 今日售罄');
    await product('芒果千层').getByText('恢复供应', { exact: true }).waitFor();
    expect(await ask('芒果千层还有吗')).toMatch(/售罄/);
    await shot('4-sold-out');
  });

  it('edits a product: a wrong price is refused under its field; the aliases the bot knows are shown', async () => {
    await product('杨枝甘露').getByText('编辑', { exact: true }).click();
    await expectToSee(/小二已自动认得：.*yangzhiganlu/);
    const price = typed('如 18 或 18.5');
    await price.fill('');
    await seen(page.getByText('新品', { exact: true })).click();
    await seen(page.getByText('保存', { exact: true })).click();
    await expectToSee('请填写价格');
    await seen(page.getByText('请填写价格')).scrollIntoViewIfNeeded();
    await shot('5-edit-refused');
    await price.fill('21');
    await typed('如 葡萄冻').fill('杨枝');
    await seen(page.getByText('保存', { exact: true })).click();
    await expectToSee('鲜果茶（2）');
    await product('杨枝甘露').getByText('¥21').waitFor();
    expect(await product('杨枝甘露').innerText()).toContain('新品');
    await shot('6-edited');
  });

  it('adds an FAQ the bot then answers with', async () => {
    await seen(page.getByText('问答与规定', { exact: true })).click();
    await seen(page.locator('#new-item textarea').first()).fill('可以带宠物吗');
    await seen(page.locator('#new-item textarea').last()).fill('小型宠物可以抱着进店～');
    await seen(page.locator('#new-item').getByText('添加', { exact: true })).click();
    await seen(page.locator('#faqs [data-starter="可以带宠物吗"]')).waitFor();
    expect(await ask('可以带宠物吗')).toContain('小型宠物可以抱着进店');
    await shot('7-faq');
    await page.goBack();
  });

  it('shows who changed what, and undoes the latest change of an item', async () => {
    await seen(page.getByText('修改记录', { exact: true })).click();
    await expectToSee(/修改商品：芒果千层/);
    const owner = w.tenant.people.owner.name;
    const soldOut = seen(page.locator('.change', { hasText: '今日售罄' }));
    expect(await soldOut.innerText()).toContain(owner);
    await shot('8-history');
    await soldOut.getByText('撤销', { exact: true }).click();
    await expectToSee(/撤销这次修改商品/);
    await seen(page.getByText('确定', { exact: true })).click(); // Taro's confirmation dialog
    await expectToSee('撤销 · 修改商品：芒果千层');
    expect(await ask('芒果千层还有吗')).not.toMatch(/售罄/);
    await shot('9-undone');
  });

  it('shows staff the list without the buttons', async () => {
    const staffPage = await wechatConsolePage(browser, w.standin.url, STAFF_OPENID);
    await staffPage.goto(`${w.app.url}/console/`);
    await seen(staffPage.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor();
    await staffPage.goto(`${w.app.url}/console/#/pages/catalog/index`);
    await seen(staffPage.locator('[data-product="多肉葡萄"]')).waitFor();
    expect(await staffPage.getByText('新增商品').filter({ visible: true }).count()).toBe(0);
    expect(await staffPage.locator('[data-toggle]').filter({ visible: true }).count()).toBe(0);
    await seen(staffPage.locator('[data-product="多肉葡萄"]').getByText('售罄', { exact: true })).waitFor();
    await shot('10-staff', staffPage);
    await staffPage.context().close();
  });
});
