// The shop learns, in the owner console (the mini-program's H5 build) in headless Chromium against the real server
// and the WeCom stand-in: two customers ask on 微信客服 what the shop's data cannot answer → today's page counts it →
// the list shows it once, asked twice → 添加答案 → the next customer asking in other words is answered. Then 问问小二:
// a question answered from the menu with the product as a card; a question the bot would hand over, with the reason,
// taught there and answered from the new FAQ. And the sidebar: the bot has no answer, the manager writes one and saves
// it as an FAQ. Screenshots under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wxBridgeScript } from '@xiaoer/dev-services/wecom-standin/wxbridge';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_POLICIES } from '../../src/demo/milk-tea-knowledge.js';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { DONT_KNOW } from '../../src/modules/ai/offline-engine.js';
import { launchChromium, screenshot, sidebarPage } from '../support/browser.js';
import { consolePage, expectToSee, seen } from '../support/console-page.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 45_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const SIDEBAR = fileURLToPath(new URL('../../../client-sidebar/dist/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_learns_test';
const POWER_BANK = '可以的，前台有充电宝免费借用，走之前还回来就好～';
const MEDICAL = '暂时不能刷医保卡，可以用微信、支付宝或现金～';

let w: WecomTestApp;
let browser: Browser;
let page: Page;

const shot = (name: string) => screenshot(page, name, { fullPage: false });

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  if (!existsSync(SIDEBAR)) throw new Error('the sidebar is not built: run `npm run build -w client-sidebar`');
  // always on: the bot answers whatever the hour
  w = await startWecomTestApp({ role: 'api', autoReply: 'always' });
  const { app, tenant } = w;
  await app.container.repositories.products.insertMany(tenant.merchantId, MILK_TEA_MENU);
  await app.container.knowledge.policies.insertMany(tenant.merchantId, DEMO_POLICIES);
  await app.container.repositories.staff.bindMiniProgram(tenant.merchantId, tenant.people.owner._id, OWNER_OPENID);
  expect(await w.kfCustomerWrites('wmAskA', '店里可以借充电宝吗')).toEqual([DONT_KNOW]);
  expect(await w.kfCustomerWrites('wmAskB', '请问有充电宝借吗？')).toEqual([DONT_KNOW]);
  browser = await launchChromium();
  page = await consolePage(browser);
  // wx.login answers as the owner (the WeChat stand-in's bridge), before the console loads
  await page.context().addInitScript(wxBridgeScript(w.standin.url, OWNER_OPENID));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('the questions the bot could not answer', () => {
  it('are counted on today’s page and listed once per meaning with how often they were asked', async () => {
    await page.goto(`${w.app.url}/console/`);
    await expectToSee(page, '小二没答上的问题');
    const card = seen(page.locator('#unanswered'));
    expect(await card.locator('.badge').textContent()).toBe('1');
    await card.click();
    await expectToSee(page, '「请问有充电宝借吗？」');
    const group = seen(page.locator('.card', { hasText: '充电宝' }));
    expect(await group.textContent()).toContain('2 次');
    expect(await group.textContent()).toContain('也这样问：店里可以借充电宝吗');
    expect(await group.textContent()).toContain('店铺资料里没有答案');
    await shot('console-learn-list');
  });

  it('one tap adds the answer as an FAQ, and the next customer asking in other words is answered', async () => {
    const group = seen(page.locator('.card', { hasText: '充电宝' }));
    await group.getByText('添加答案', { exact: true }).click();
    await seen(group.locator('textarea')).fill(POWER_BANK);
    await shot('console-learn-answering');
    await group.getByText('保存答案', { exact: true }).click();
    await expectToSee(page, '没有答不上的问题 👍');
    await shot('console-learn-done');
    const faqs = await w.app.container.knowledge.faqs.all(w.tenant.merchantId);
    expect(faqs.map((f) => f.answer)).toEqual([POWER_BANK]);
    expect(await w.kfCustomerWrites('wmAskNext', '充电宝能借一下吗')).toEqual([POWER_BANK]);
  });
});

describe('问问小二', () => {
  const ask = async (question: string) => {
    await seen(page.locator('input')).fill(question);
    await seen(page.getByText('问问小二', { exact: true })).click();
  };

  it('shows what the bot would answer and the product it came from', async () => {
    await page.goto(`${w.app.url}/console/#/pages/ask/index`);
    await expectToSee(page, '像顾客一样问一句');
    await ask('杨枝甘露多少钱');
    await expectToSee(page, '会直接回答');
    const verdict = seen(page.locator('[data-engine="offline"]'));
    expect(await verdict.locator('[data-reply]').textContent()).toContain('18元');
    const product = seen(verdict.locator('[data-cited="product"]'));
    expect(await product.textContent()).toContain('杨枝甘露');
    expect(await product.textContent()).toContain('商品');
    await shot('console-ask-answered');
  });

  it('shows a handover with its reason, and what the owner teaches there is answered at once', async () => {
    await ask('可以刷医保卡吗');
    await expectToSee(page, '会转给店员');
    await expectToSee(page, '转人工原因：店铺资料里没有答案');
    await shot('console-ask-handoff');
    const teach = seen(page.locator('#teach'));
    await teach.locator('textarea').fill(MEDICAL);
    await teach.getByText('存为常见问答', { exact: true }).click();
    await expectToSee(page, '会直接回答');
    const faq = seen(page.locator('[data-engine="offline"] [data-cited="faq"]'));
    expect(await faq.textContent()).toContain(MEDICAL);
    expect(await faq.textContent()).toContain('常见问答');
    await shot('console-ask-learned');
  });
});

describe('the sidebar', () => {
  const INVOICE = '可以开电子发票，结账时告诉店员抬头和税号就行～';

  it('when the bot has no answer, the manager writes one and saves it as an FAQ the bot then answers from', async () => {
    const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.manager.wecomUserId, {
      name: '要发票的周先生',
    });
    await w.drain();
    w.standin.signedInAs(w.corpId, w.tenant.people.manager.wecomUserId);
    const sidebar = await sidebarPage(browser, {
      base: w.standin.url,
      corpId: w.corpId,
      entry: 'single_chat_tools',
      externalUserId,
    });
    await sidebar.goto(`${w.app.url}/sidebar/?corp=${w.corpId}`);
    await sidebar.getByTestId('customer-name').waitFor();
    await sidebar.fill('#question', '能开发票吗');
    await sidebar.getByRole('button', { name: '生成回复' }).click();
    const own = sidebar.locator('.draft[data-kind=own]');
    await own.waitFor();
    await own.locator('textarea').fill(INVOICE);
    await own.getByRole('button', { name: '存为常见问答' }).click();
    await sidebar.getByText('已存为常见问答，下次小二会直接回答').waitFor();
    await screenshot(sidebar, 'sidebar-save-as-faq');
    const faqs = await w.app.container.knowledge.faqs.all(w.tenant.merchantId);
    expect(faqs).toContainEqual(expect.objectContaining({ questions: ['能开发票吗'], answer: INVOICE }));
    expect(await w.kfCustomerWrites('wmAskInvoice', '开发票可以吗')).toEqual([INVOICE]);
  });
});
