// The 话术库 and 联系我二维码 pages of the console, in headless Chromium against the real server and the WeCom stand-in:
// the owner finds both under 我的, sees the library by category with usage counts and the template's blank
// highlighted, writes a script with a variable (previewed in the shop's own name) and a link whose bad address is
// refused under its field, deletes one; sees the customers each code brought this week, makes a code for a table,
// changes the welcome the delivery-bag code sends. Staff see both pages without the buttons. A screenshot per step
// under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { expectToSee as expectOn, openFromMine, seen, wechatConsolePage } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_scripts';
const STAFF_OPENID = 'o_staff_scripts';

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string, p = page) => screenshot(p, `scripts-channels-${name}`, { fullPage: true });
const typed = (placeholder: string) =>
  seen(page.locator(`input[placeholder="${placeholder}"], textarea[placeholder="${placeholder}"]`));
const script = (title: string) => seen(page.locator(`[data-script="${title}"]`));
const code = (label: string) => seen(page.locator(`[data-code="${label}"]`));
const openFromMe = (title: string) => openFromMine(page, title);

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp();
  const { merchantId, people, tokens } = w.tenant;
  const post = (path: string, body: object) => w.app.request(path, { token: tokens.manager, body });
  const welcome = await post('/api/knowledge/scripts', {
    category: '欢迎',
    title: '进店欢迎',
    content: '{客户称呼}您好，欢迎来到{店名}～',
  });
  await post('/api/knowledge/scripts', {
    category: '活动',
    title: '上新通知',
    content: '{客户称呼}，店里上了新品：【请填写：新品名称和价格】，有空来尝尝～',
  });
  await post('/api/knowledge/scripts', { category: '售后', title: '催单安抚', content: '实在抱歉让您久等了🙏' });
  for (let i = 0; i < 2; i++)
    await w.app.request(`/api/knowledge/scripts/${welcome.body.id}/use`, { token: tokens.staff, body: {} });
  await w.app.request('/api/knowledge/welcome-texts', {
    method: 'PUT',
    token: tokens.owner,
    body: { items: [{ channel: 'default', text: '{客户称呼}您好，欢迎来到{店名}！' }] },
  });
  const staffIds = [String(people.staff._id)];
  const table = await post('/api/channel-codes', { channel: 'table_card', label: '大厅桌贴', staffIds });
  await post('/api/channel-codes', { channel: 'delivery_note', label: '外卖袋便签', staffIds });
  for (const name of ['扫码客一', '扫码客二'])
    await w.standin.customers.addsMember(w.corpId, people.staff.wecomUserId, { name, state: table.body.state });
  await w.drain();
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.staff._id, STAFF_OPENID);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the scripts library', () => {
  it('is under 我的, by category, with usage counts and the template’s blank highlighted', async () => {
    await page.goto(`${w.app.url}/console/`);
    await openFromMe('话术库');
    await expectToSee('话术库（3）');
    await expectToSee('有 1 条还有【请填写】的内容，补上之前店员发不出去。');
    expect(await script('进店欢迎').innerText()).toContain('用过 2 次');
    expect(await script('上新通知').locator('.script-body .blank').first().innerText()).toBe(
      '【请填写：新品名称和价格】',
    );
    await shot('1-library');
    await seen(page.locator('[data-category="售后"]')).click();
    await script('催单安抚').waitFor();
    expect(await page.locator('[data-script="进店欢迎"]').filter({ visible: true }).count()).toBe(0);
    await seen(page.locator('[data-category="全部"]')).click();
  });

  it('writes a script with a variable previewed in the shop’s name; a bad link is refused under its field', async () => {
    await seen(page.getByText('新增话术', { exact: true })).click();
    await typed('如 欢迎、售后、活动').fill('活动');
    await typed('如 进店欢迎').fill('周末活动');
    await typed('{客户称呼}您好，欢迎来到{店名}～').fill('{客户称呼}，这周末来');
    await seen(page.locator('[data-variable="{店名}"]')).click();
    const content = typed('{客户称呼}您好，欢迎来到{店名}～');
    await expect.poll(() => content.inputValue()).toBe('{客户称呼}，这周末来{店名}');
    await content.fill('{客户称呼}，这周末来{店名}第二杯半价～');
    const preview = seen(page.locator('#script-preview'));
    await expect.poll(() => preview.innerText()).toBe(`王女士，这周末来${w.tenant.merchant.name}第二杯半价～`);
    await seen(page.locator('[data-attachment="link"]')).click();
    await typed('如 本周菜单').fill('活动详情');
    await typed('https://').fill('shop.example.cn/weekend');
    await seen(page.getByText('保存', { exact: true })).click();
    await expectToSee('请填写完整的网址，如 https://…');
    await shot('2-editor-refused');
    await typed('https://').fill('https://shop.example.cn/weekend');
    await shot('3-editor-preview');
    await seen(page.getByText('保存', { exact: true })).click();
    await expectToSee('话术库（4）');
    expect(await script('周末活动').innerText()).toContain('附件：链接');
    const saved = (await w.app.request('/api/knowledge/scripts', { token: w.tenant.tokens.staff })).body.items.find(
      (s: { title: string }) => s.title === '周末活动',
    );
    expect(saved).toMatchObject({
      category: '活动',
      content: '{客户称呼}，这周末来{店名}第二杯半价～',
      attachment: { kind: 'link', title: '活动详情', url: 'https://shop.example.cn/weekend' },
    });
  });

  it('deletes a script after asking', async () => {
    await script('催单安抚').getByText('修改', { exact: true }).click();
    await seen(page.getByText('删除这条话术', { exact: true })).click();
    await expectToSee('删除「催单安抚」？');
    await seen(page.getByText('确定', { exact: true })).click();
    await expectToSee('话术库（3）');
    expect(await page.locator('[data-script="催单安抚"]').filter({ visible: true }).count()).toBe(0);
    await shot('4-deleted');
  });
});

describe('联系我 codes', () => {
  it('shows the customers each code brought this week and its QR to save or print', async () => {
    await page.goto(`${w.app.url}/console/`);
    await openFromMe('联系我二维码');
    await seen(page.locator('#adds')).waitFor();
    expect(await seen(page.locator('#adds')).innerText()).toMatch(/2\s*本周/);
    expect(await code('大厅桌贴').innerText()).toContain('共带来 2 位，本周 2 位');
    expect(await code('大厅桌贴').locator('.qr-image img, img.qr-image').count()).toBeGreaterThan(0);
    await code('大厅桌贴').getByText('保存图片', { exact: true }).waitFor();
    await shot('5-codes');
  });

  it('makes a code for a table, routed to the staff picked', async () => {
    await typed('如 3号桌、大厅桌贴').fill('3号桌');
    await seen(page.locator(`#new-code [data-staff="${w.tenant.people.staff.name}"]`)).click();
    await seen(page.getByText('生成二维码', { exact: true })).click();
    await code('3号桌').waitFor();
    const made = (await w.app.request('/api/channel-codes', { token: w.tenant.tokens.staff })).body.items.find(
      (c: { label: string }) => c.label === '3号桌',
    );
    expect(made.channel).toBe('table_card');
    expect(made.staffIds.sort()).toEqual([String(w.tenant.people.owner._id), String(w.tenant.people.staff._id)].sort());
    expect(await code('3号桌').innerText()).toContain(`接待：`);
  });

  it('changes the welcome the delivery-bag code sends (it used the default)', async () => {
    const bag = code('外卖袋便签');
    expect(await bag.innerText()).toContain('欢迎语（用的默认）');
    await bag.getByText('修改', { exact: true }).click();
    await seen(bag.locator('textarea')).fill('{客户称呼}您好，感谢点{店名}的外卖～餐有问题直接找我');
    await bag.getByText('保存', { exact: true }).click();
    await expectToSee('欢迎语已保存');
    await expect.poll(() => code('外卖袋便签').innerText()).toContain('感谢点{店名}的外卖');
    const welcomes = (await w.app.request('/api/knowledge/welcome-texts', { token: w.tenant.tokens.staff })).body.items;
    expect(welcomes).toContainEqual({
      channel: 'delivery_note',
      text: '{客户称呼}您好，感谢点{店名}的外卖～餐有问题直接找我',
    });
    await shot('6-welcome');
  });

  it('shows staff both pages without the buttons', async () => {
    const staffPage = await wechatConsolePage(browser, w.standin.url, STAFF_OPENID);
    await staffPage.goto(`${w.app.url}/console/`);
    await seen(staffPage.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor();
    await staffPage.goto(`${w.app.url}/console/#/pages/channels/index`);
    await seen(staffPage.locator('[data-code="大厅桌贴"]')).waitFor();
    expect(await staffPage.getByText('新建二维码').filter({ visible: true }).count()).toBe(0);
    expect(await staffPage.getByText('修改', { exact: true }).filter({ visible: true }).count()).toBe(0);
    await shot('7-staff-codes', staffPage);
    await staffPage.goto(`${w.app.url}/console/#/pages/scripts/index`);
    await seen(staffPage.locator('[data-script="进店欢迎"]')).waitFor();
    expect(await staffPage.getByText('新增话术').filter({ visible: true }).count()).toBe(0);
    await shot('8-staff-scripts', staffPage);
    await staffPage.context().close();
  });
});
