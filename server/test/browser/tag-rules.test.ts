// The automatic tag rules page and the customer list's stage filter, in headless Chromium against the real server:
// the owner writes a rule and sees how many customers it matches before saving, edits and deletes it, applies the
// rules, then lists the customers of one lifecycle stage. A screenshot per step under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { buildCustomer } from '../support/factories.js';
import { expectToSee as expectOn, openFromMine, seen, wechatConsolePage } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_tag_rules';
const DAY = 86_400_000;

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string) => screenshot(page, `tag-rules-${name}`, { fullPage: true });
const field = (name: string) => seen(page.locator(`[data-field="${name}"] input, input[data-field="${name}"]`));
const rulesOf = async () => (await w.app.container.repositories.tagRules.list(w.tenant.merchantId)).map((r) => r.tag);

/** A customer known for 200 days with one order of 杨枝甘露 per day ago given. */
async function customer(name: string, daysAgo: number[]) {
  const known = new Date(Date.now() - 200 * DAY);
  const c = await buildCustomer(w.app.container, w.tenant.merchantId, {
    name,
    firstContactAt: known,
    lastContactAt: known,
  });
  await w.app.container.repositories.orders.insertMany(
    w.tenant.merchantId,
    daysAgo.map((ago, i) => ({
      externalId: `${name}-${i}`,
      customerId: c._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 30000, specs: [] }],
      amount: 30000,
      placedAt: new Date(Date.now() - ago * DAY),
    })),
  );
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api' });
  await customer('大客户张', [1, 5, 9]); // ¥900 over the year
  await customer('回头客李', [3, 12]); // ¥600
  await customer('老顾客王', [60, 70]); // ¥600, long gone
  await w.app.container.repositories.staff.bindMiniProgram(
    w.tenant.merchantId,
    w.tenant.people.owner._id,
    OWNER_OPENID,
  );
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('tag rules page', () => {
  it('is one tap from the customers page, and starts empty', async () => {
    await page.goto(`${w.app.url}/console/`);
    await openFromMine(page, '客户');
    await expectToSee('大客户张');
    await seen(page.getByText('自动标签规则', { exact: true })).click();
    await expectToSee('还没有自己的规则');
    await shot('1-empty');
  });

  it('shows how many customers a rule matches before it is saved, and refuses one without conditions', async () => {
    await seen(page.getByText('新建规则', { exact: true })).click();
    await field('tag').fill('老主顾');
    await seen(page.getByText('保存', { exact: true })).click();
    await expectToSee('请至少设置一个条件');
    await field('minSpendYuan').fill('500');
    await expectToSee('现在有 3 位客户符合（共 3 位）');
    await field('maxIdleDays').fill('30');
    await expectToSee('现在有 2 位客户符合（共 3 位）');
    await shot('2-preview');
    expect(await rulesOf()).toEqual([]); // the preview saved nothing
    await seen(page.getByText('保存', { exact: true })).click();
    await expectToSee('近一年消费满 ¥500 · 30 天内来过');
    expect(await rulesOf()).toEqual(['老主顾']);
  });

  it('edits a rule (the count follows) and applies the rules to every customer', async () => {
    await seen(page.locator('[data-rule="老主顾"]').getByText('编辑', { exact: true })).click();
    await expectToSee('现在有 2 位客户符合（共 3 位）');
    await field('minSpendYuan').fill('800');
    await expectToSee('现在有 1 位客户符合（共 3 位）');
    await seen(page.getByText('保存', { exact: true })).click();
    await expectToSee('近一年消费满 ¥800 · 30 天内来过');
    await seen(page.getByText('立即应用到全部客户', { exact: true })).click();
    await expectToSee('已应用');
    const tagged = await w.app.container.repositories.customers.list(w.tenant.merchantId, { limit: 10, tag: '老主顾' });
    expect(tagged.items.map((c) => c.name)).toEqual(['大客户张']);
    await shot('3-applied');
  });

  it('lists the customers of one lifecycle stage', async () => {
    await page.goBack(); // the customers page, still listing what it loaded before the rules were applied
    await expectToSee('大客户张');
    await seen(page.locator('[data-testid="stage-filter"]').getByText('沉睡', { exact: true })).click();
    await expect.poll(() => page.locator('[data-customer]').filter({ visible: true }).count()).toBe(1);
    await expectToSee('老顾客王');
    await shot('4-stage-filter');
  });

  it('deletes a rule', async () => {
    await seen(page.getByText('自动标签规则', { exact: true })).click();
    await seen(page.locator('[data-rule="老主顾"]').getByText('删除', { exact: true })).click();
    await seen(page.locator('.taro-modal__foot').getByText('删除', { exact: true })).click();
    await expectToSee('还没有自己的规则');
    expect(await rulesOf()).toEqual([]);
  });
});
