// The owner's knowledge step in the console, in headless Chromium against the real server and the WeCom stand-in: the
// 餐饮 template applied and reviewed (the blanks only the owner can fill highlighted), a policy's blank filled, a
// channel's welcome text rewritten, a menu item typed in (a wrong price refused under its field), the first 联系我 QR
// code made to save and print; then a customer on 微信客服 asks about refunds and the bot answers from what the owner
// filled. A screenshot per step under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee as expectOn, seen, wechatConsolePage } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_setup_knowledge';
const REFUND = '菜品或饮品有问题可以免费重做；请在出餐后 30 分钟内联系店员。';

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string) => screenshot(page, `setup-knowledge-${name}`, { fullPage: false });
const card = (id: string) => seen(page.locator(`#${id}`));

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api', autoReply: 'always' });
  const { merchantId, shop, people } = w.tenant;
  await w.app.container.services.shops.update(merchantId, String(shop._id), {
    name: shop.name,
    address: '成都市武侯区人民南路 8 号',
    phone: '028-12345678',
  });
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
  const context = page.context();
  // WeCom's QR images live on its CDN, which this machine cannot reach: the test serves a real QR code in its place
  await context.route('https://wework.qpic.cn/**', async (route) =>
    route.fulfill({ contentType: 'image/png', body: await QRCode.toBuffer(route.request().url(), { width: 400 }) }),
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the knowledge step', () => {
  it('shows the industry template before it is applied', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    // from the setup checklist, as the owner resumes it
    await page.goto(`${w.app.url}/console/#/pages/setup/checklist`);
    await seen(page.locator('[data-step=knowledge]')).click();
    await expectToSee('餐饮行业模板');
    await expectToSee(/文案语气：亲切活泼/);
    expect(await page.locator('#faqs').count()).toBe(0);
    await shot('1-template');
  });

  it('applies it: FAQ, policies and scripts to review, the blanks only the owner knows highlighted', async () => {
    await seen(page.getByText('套用模板', { exact: true })).click();
    await expectToSee(/新加了 \d+ 条/);
    await card('faqs').waitFor();
    // the shop's own facts are in: its address and phone, not a blank
    const address = seen(page.locator('[data-starter="店在哪里"]'));
    expect(await address.textContent()).toContain('成都市武侯区人民南路 8 号');
    expect(await address.getAttribute('data-waiting')).toBe('false');
    const refund = seen(page.locator('[data-starter="出品问题与退款"]'));
    expect(await refund.getAttribute('data-waiting')).toBe('true');
    expect(await refund.locator('.blank').count()).toBe(2);
    await expectToSee(/条还有黄色的【请填写】，补上前小二不会用它们/);
    await page.getByText('模板已套用').waitFor({ state: 'hidden' });
    await card('policies').scrollIntoViewIfNeeded();
    await shot('2-applied');
  });

  it('fills a policy’s blanks in place', async () => {
    const refund = seen(page.locator('[data-starter="出品问题与退款"]'));
    await refund.getByText('去填写').click();
    const form = seen(page.locator('#policies .starter-editing'));
    await form.locator('textarea').fill(REFUND);
    await shot('3-filling');
    await form.getByText('保存', { exact: true }).click();
    await seen(page.locator('[data-starter="出品问题与退款"][data-waiting="false"]')).waitFor();
    const policies = await w.app.container.knowledge.admin.list(w.tenant.merchantId, 'policy');
    expect(policies.find((p) => p.title === '出品问题与退款')!.content).toBe(REFUND);
  });

  it('rewrites a channel’s welcome text', async () => {
    const tableCard = seen(page.locator('[data-welcome="table_card"]'));
    await tableCard.scrollIntoViewIfNeeded();
    await tableCard.getByText('修改').click();
    const form = seen(page.locator('#welcomes .starter-editing'));
    await form.locator('textarea').fill('欢迎，【请填写：活动】');
    await form.getByText('保存', { exact: true }).click();
    await expectToSee('欢迎语里还有【请填写】的内容，请补上');
    await form.locator('textarea').fill('{客户称呼}您好，欢迎来到{店名}！用餐时有需要随时叫我～');
    await form.getByText('保存', { exact: true }).click();
    await seen(page.locator('[data-welcome="table_card"]')).waitFor();
    const texts = await w.app.container.wecom.apps.welcomeTexts(w.tenant.merchantId);
    expect(texts!.find((t) => t.channel === 'table_card')!.text).toBe(
      '{客户称呼}您好，欢迎来到{店名}！用餐时有需要随时叫我～',
    );
    await card('welcomes').scrollIntoViewIfNeeded();
    await shot('4-welcomes');
  });

  it('types a menu item in, a wrong price refused under its field, and links to the spreadsheet import', async () => {
    const menu = card('menu');
    await menu.scrollIntoViewIfNeeded();
    expect(await seen(menu.getByText('从表格导入菜单')).isVisible()).toBe(true);
    const inputs = menu.locator('input');
    await inputs.nth(0).fill('杨枝甘露');
    await inputs.nth(1).fill('果茶');
    await inputs.nth(2).fill('18.555');
    await seen(menu.getByText('添加这一项')).click();
    await expectToSee('价格请填数字，如 18 或 18.5');
    await inputs.nth(2).fill('18.5');
    await seen(menu.getByText('添加这一项')).click();
    await seen(page.locator('[data-product="杨枝甘露"]')).waitFor();
    const [product] = await w.app.container.knowledge.admin.list(w.tenant.merchantId, 'product');
    expect(product).toMatchObject({ name: '杨枝甘露', category: '果茶', price: 1850 });
    await shot('5-menu');
    await seen(menu.getByText('从表格导入菜单')).click();
    await page.waitForURL(/pages\/setup\/menu-import\/index/);
    await page.goBack();
    // Known defect of Taro's H5 router (see app.config.ts): a back soon after opening a page can leave the page it
    // returns to shaded. The owner's way out is a reload, which shows the page as it was; the test does the same.
    await card('menu')
      .waitFor({ timeout: 5000 })
      .catch(async () => {
        await page.reload();
        await card('menu').waitFor();
      });
  });

  it('makes the first 联系我 QR code, to save and print', async () => {
    const code = card('channel-code');
    await code.scrollIntoViewIfNeeded();
    await seen(code.getByText('生成二维码')).click();
    const image = seen(page.locator('#channel-code img[src^="https://wework.qpic.cn/"]'));
    await image.waitFor();
    // the picture itself arrived (not a broken image)
    await expect
      .poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth))
      .toBeGreaterThan(0);
    expect(await seen(code.getByText('保存图片')).isVisible()).toBe(true);
    expect(await seen(code.getByText('打印', { exact: true })).isVisible()).toBe(true);
    const [made] = await w.app.container.channelCodes.list(w.tenant.merchantId);
    expect(made).toMatchObject({ channel: 'table_card', label: '门店桌贴' });
    expect([...w.standin.state.contactWays.values()].at(-1)).toMatchObject({ state: made!.state });
    await page.getByText('二维码已生成').waitFor({ state: 'hidden' }); // the toast, gone before the picture
    await code.scrollIntoViewIfNeeded();
    await shot('6-qr-code');
  });

  it('back on the checklist, the step asks for the blanks still to fill', async () => {
    const left = (await w.app.container.knowledge.admin.list(w.tenant.merchantId, 'policy')).filter((p) =>
      p.content.includes('【请填写：'),
    ).length;
    await seen(page.getByText('回到开通清单')).click();
    const step = seen(page.locator('[data-step=knowledge]'));
    const attention = seen(page.locator('[data-step=knowledge][data-state=attention]'));
    // The same H5 router defect as above: after the earlier back, the checklist can return shaded (seen on CI under
    // load). The owner reloads; so does the test. The state it asserts comes from the server either way.
    await attention.waitFor({ timeout: 8000 }).catch(async () => {
      await page.reload();
      await attention.waitFor();
    });
    expect(await step.textContent()).toMatch(/还有 \d+ 条【请填写】没补上/);
    expect(left).toBeGreaterThan(0);
    await step.scrollIntoViewIfNeeded();
    await shot('7-checklist');
  });

  it('lets the bot answer from the filled policy', async () => {
    expect(await w.kfCustomerWrites('wmKnowledgeStep', '可以退款吗')).toEqual([REFUND]);
  });
});
