// The owner imports the menu from a spreadsheet in the console, in headless Chromium against the real server: the
// page explains the layout (one row per variant), the template downloads, a clothing store's sheet with colour ×
// size is previewed product by product with a wrong row named by its number, imported, and the imported variants
// carry their own prices and stock. Screenshots under test-artifacts/screenshots/.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { menuTemplateCsv } from '@xiaoer/common/constants/menu-sheet';
import { wxBridgeScript } from '@xiaoer/dev-services/wecom-standin/wxbridge';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { consolePage, expectToSee, seen } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_menu_import';
const SHEET = [
  '商品名,分类,颜色,尺码,价格(元),库存,别名,材质',
  '纯棉圆领T恤,上衣,白色,M,79,12,白T,100% 棉',
  '纯棉圆领T恤,上衣,白色,L,79,8,,',
  '纯棉圆领T恤,上衣,黄色,L,89,0,,',
  '牛仔外套,外套,蓝色,M,299,5,,',
  '牛仔外套,外套,蓝色,L,二百九,5,,',
].join('\n');

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const shot = (name: string) => screenshot(page, `setup-menu-import-${name}`, { fullPage: false });

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api' });
  const { merchantId, people } = w.tenant;
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  browser = await launchChromium();
  page = await consolePage(browser);
  await page.context().addInitScript(wxBridgeScript(w.standin.url, OWNER_OPENID));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the menu import page', () => {
  it('explains the sheet and gives the template', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    await page.goto(`${w.app.url}/console/#/pages/setup/menu-import/index`);
    await expectToSee(page, /一行一个规格/);
    const download = page.waitForEvent('download');
    await seen(page.getByText('下载模板', { exact: true })).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('小二-菜单商品导入模板.csv');
    expect(readFileSync((await file.path())!, 'utf8')).toBe(menuTemplateCsv());
    await shot('layout');
  });

  it('previews a clothing store’s sheet product by product, the wrong row named, then imports', async () => {
    const chooser = page.waitForEvent('filechooser');
    await seen(page.getByText('选择表格文件', { exact: true })).click();
    await (await chooser).setFiles({ name: '商品.csv', mimeType: 'text/csv', buffer: Buffer.from(SHEET) });
    const report = seen(page.locator('#menu-import-report[data-dry-run="true"]'));
    await report.waitFor();
    expect(await seen(report.locator('[data-product="纯棉圆领T恤"]')).textContent()).toContain('第 2、3、4 行 · 新增');
    expect(await seen(report.locator('[data-product="牛仔外套"]')).textContent()).toContain('未导入');
    expect(await seen(report.locator('[data-row="6"]')).textContent()).toContain(
      '第 6 行：价格「二百九」看不懂，请写数字，如 18 或 16.5',
    );
    expect(await w.app.container.repositories.products.count(w.tenant.merchantId)).toBe(0);
    await report.scrollIntoViewIfNeeded();
    await shot('preview');

    await seen(report.getByText('确认导入', { exact: true })).click();
    await seen(page.locator('#menu-import-report[data-dry-run="false"]')).waitFor();
    await expectToSee(page, '已导入：商品.csv');
    await shot('imported');
    const [tee] = await w.app.container.repositories.products.findByNames(w.tenant.merchantId, ['纯棉圆领T恤']);
    expect(tee).toMatchObject({ price: 7900, stock: 20, aliases: ['白T'] });
    expect(tee!.variants.map((v) => [v.options.map((o) => o.value).join(' '), v.price, v.stock])).toEqual([
      ['白色 M', 7900, 12],
      ['白色 L', 7900, 8],
      ['黄色 L', 8900, 0],
    ]);
    expect(await w.app.container.repositories.products.count(w.tenant.merchantId)).toBe(1);
  });
});
