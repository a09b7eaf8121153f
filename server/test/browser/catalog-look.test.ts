// The console at phone width (375×812), in headless Chromium against the real server: the tab bar has its icons;
// today's and the report's figures do not run into each other with a five-figure takings; the catalogue shows a
// product's photo and 30 products at a time; the editor uploads a photo (a file not a picture refused in words); a
// variant's 售罄 shows in the history by who, which loads older changes on demand; an FAQ is deleted after a
// confirmation; a staff member sees no price editing. A screenshot per page under test-artifacts/screenshots/.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PHOTO_WRONG_TYPE } from '@xiaoer/common/api/catalog';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee as expectOn, seen, wechatConsolePage } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 90_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const ICON = fileURLToPath(new URL('../../../client-miniprogram/src/assets/tab/reports-on.png', import.meta.url));
const PHONE = { width: 375, height: 812 };
const OWNER_OPENID = 'o_owner_catalog_look';
const STAFF_OPENID = 'o_staff_catalog_look';

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string, p = page) => screenshot(p, `catalog-look-${name}`, { fullPage: false });
const product = (name: string) => seen(page.locator(`[data-product="${name}"]`));
const tab = (name: string, p = page) => seen(p.locator('.taro-tabbar__tabbar').getByText(name, { exact: true }));
/** Shanghai's date `daysAgo` days back */
const shopDay = (daysAgo: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date(Date.now() - daysAgo * 86_400_000));

/** No two visible figures' boxes intersect (their values and labels included). */
async function expectFiguresApart(p: Page) {
  const boxes = await p
    .locator('.figures')
    .filter({ visible: true })
    .first()
    .locator('.figure-value')
    .evaluateAll((els) =>
      els.map((el) => {
        const r = el.getBoundingClientRect();
        return { text: el.textContent ?? '', left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      }),
    );
  expect(boxes.length).toBeGreaterThan(3);
  for (const [i, a] of boxes.entries())
    for (const b of boxes.slice(i + 1)) {
      const overlap =
        a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
      expect(overlap, `${a.text} overlaps ${b.text}`).toBe(false);
    }
  // and none runs past the screen's edge
  for (const b of boxes) expect(b.right, b.text).toBeLessThanOrEqual(PHONE.width);
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api' });
  const { merchantId, people, tokens, shop } = w.tenant;
  const create = (body: object) => w.app.request('/api/knowledge/products', { token: tokens.manager, body });
  await create({
    name: '多肉葡萄',
    category: '鲜果茶',
    variants: [
      { options: [{ name: '杯型', value: '中杯' }], price: 1800, stock: 20 },
      { options: [{ name: '杯型', value: '大杯' }], price: 2200, stock: 20 },
    ],
    tags: [],
  });
  const cake = await create({ name: '芒果千层', category: '甜品', price: 3200, stock: 3, tags: [] });
  await w.app.request(`/api/knowledge/products/${cake.body.id}/photo`, {
    method: 'PUT',
    token: tokens.manager,
    body: { data: readFileSync(ICON).toString('base64') },
  });
  // a menu longer than a page: 32 snacks
  for (let i = 1; i <= 32; i++)
    await create({ name: `小吃${String(i).padStart(2, '0')}`, category: '小吃', price: 500 + i, tags: [] });
  for (const [i, question] of ['可以带宠物吗', '有停车位吗'].entries())
    await w.app.request('/api/knowledge/faqs', {
      token: tokens.manager,
      body: { questions: [question], answer: `回答${i}` },
    });
  // five-figure takings today and yesterday (the report opens on yesterday): ¥12,345.67 and more
  const orders = [0, 1].flatMap((daysAgo) =>
    [1234567, 987654, 45678].map((amount, i) => ({
      externalId: `BIG-${daysAgo}-${i}`,
      placedAt: `${shopDay(daysAgo)}T${daysAgo ? '12' : '00'}:0${i}:00+08:00`,
      channel: '堂食',
      amount,
      shopId: shop.name,
    })),
  );
  const imported = await w.app.request('/api/intake/orders', { token: tokens.owner, body: { orders } });
  expect(imported.body).toMatchObject({ failed: [] });
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.staff._id, STAFF_OPENID);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID, PHONE);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the console at phone width', () => {
  it('has an icon on every tab', async () => {
    await page.goto(`${w.app.url}/console/`);
    await expectToSee('这是今天到现在的经营情况');
    const icons = page.locator('.taro-tabbar__tabbar img');
    expect(await icons.count()).toBe(5);
    const loaded = await icons.evaluateAll((imgs) =>
      imgs.map((i) => (i as unknown as { naturalWidth: number }).naturalWidth),
    );
    expect(loaded.every((width) => width > 0)).toBe(true);
    // shown, not just loaded: each icon has a box on the screen
    for (const box of await Promise.all((await icons.all()).map((i) => i.boundingBox())))
      expect(box?.width ?? 0).toBeGreaterThan(8);
  });

  it('shows today’s figures apart from each other', async () => {
    await seen(page.locator('.figures')).waitFor();
    await expectFiguresApart(page);
    await shot('1-home');
  });

  it('shows the report’s figures apart from each other', async () => {
    await tab('报表').click();
    await expectToSee('营业额走势');
    await expectFiguresApart(page);
    await shot('2-report');
  });

  it('shows a product’s photo and 30 products at a time', async () => {
    await tab('我的').click();
    await seen(page.getByText('菜单 / 商品', { exact: true })).click();
    await expectToSee('小吃（32）');
    const photo = product('芒果千层').locator('.product-photo img, img.product-photo').first();
    await photo.waitFor();
    await expect
      .poll(() => photo.evaluate((i) => (i as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    const shown = () => page.locator('[data-product]').filter({ visible: true }).count();
    expect(await shown()).toBe(30);
    await shot('3-catalogue');
    await seen(page.getByText('显示更多（还有 4 个）')).click();
    await expect.poll(shown).toBe(34);
  });

  it('uploads a photo in the editor, refusing a file that is not a picture', async () => {
    await product('多肉葡萄').getByText('编辑', { exact: true }).click();
    await expectToSee('还没有照片');
    const choose = async (file: { name: string; mimeType: string; buffer: Buffer }) => {
      const chooser = page.waitForEvent('filechooser');
      await seen(page.getByText(/上传照片|换一张/)).click();
      await (await chooser).setFiles(file);
    };
    await choose({ name: 'menu.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4') });
    await expectToSee(PHOTO_WRONG_TYPE);
    await choose({ name: 'grape.png', mimeType: 'image/png', buffer: readFileSync(ICON) });
    await expectToSee('照片已更新');
    await seen(page.locator('.photo-preview img, img.photo-preview')).waitFor();
    await shot('4-editor-photo');
    await page.goBack();
    await product('多肉葡萄').locator('.product-photo img, img.product-photo').first().waitFor();
  });

  it('puts a variant’s 售罄 in the history by who, older changes on demand', async () => {
    const large = product('多肉葡萄').locator('[data-variant="大杯"]');
    await large.locator('[data-toggle]').click();
    await expectToSee('多肉葡萄 大杯 今日售罄');
    await seen(page.getByText('修改记录', { exact: true })).click();
    const toggle = seen(page.locator('.change', { hasText: '大杯 售罄' }));
    expect(await toggle.innerText()).toContain(w.tenant.people.owner.name);
    const changes = () => page.locator('.change').filter({ visible: true }).count();
    expect(await changes()).toBe(20);
    await shot('5-history');
    await seen(page.locator('[data-load-more]')).click();
    // 37 in all (34 products and 2 FAQ created, the 售罄; a photo is not a menu edit): no more to load then
    await expect.poll(changes).toBe(37);
    expect(await page.locator('[data-load-more]').filter({ visible: true }).count()).toBe(0);
    await page.goBack();
  });

  it('deletes an FAQ after a confirmation', async () => {
    await seen(page.getByText('问答与规定', { exact: true })).click();
    await seen(page.locator('[data-remove="有停车位吗"]')).click();
    await expectToSee('删除问答「有停车位吗」？');
    await shot('6-faq-delete-confirm');
    await seen(page.getByText('确定', { exact: true })).click();
    await expectToSee('已删除，可在修改记录里撤销');
    await expect
      .poll(() => page.locator('#faqs [data-starter="有停车位吗"]').filter({ visible: true }).count())
      .toBe(0);
    expect(await page.locator('#faqs [data-starter="可以带宠物吗"]').filter({ visible: true }).count()).toBe(1);
    await shot('7-faq-deleted');
  });

  it('shows a staff member the catalogue without price editing', async () => {
    const staff = await wechatConsolePage(browser, w.standin.url, STAFF_OPENID, PHONE);
    await staff.goto(`${w.app.url}/console/`);
    await tab('我的', staff).click();
    await seen(staff.getByText('菜单 / 商品', { exact: true })).click();
    await seen(staff.locator('[data-product="芒果千层"]')).waitFor();
    expect(await staff.getByText('编辑', { exact: true }).filter({ visible: true }).count()).toBe(0);
    expect(await staff.getByText('新增商品', { exact: true }).filter({ visible: true }).count()).toBe(0);
    await screenshot(staff, 'catalog-look-8-staff', { fullPage: false });
  });
});
