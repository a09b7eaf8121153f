// From nothing to a shop's first setup step, in headless Chromium against the real server: the operator signs in
// to its own console (a desktop browser), creates a merchant and copies the owner's one-time setup link; the owner
// opens it on a phone, says how to be called, lands on the setup checklist, fills the business (name and industry,
// a shop with address, phone and parking — a wrong phone refused under its field — the opening hours, the 客服 hours
// and the facts customers ask about) and sees the step done. The used link then explains itself, and a revoked one too. Screenshots under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { asMerchantId, type MerchantId } from '../../src/tenancy/merchant-id.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { consolePage, expectToSee, seen } from '../support/console-page.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OPERATOR = { login: 'zhang.ops', name: '张三', password: 'correct horse battery staple' };

let app: TestApp;
let browser: Browser;
let operatorPage: Page;
let owner: Page;
let setupUrl: string;
let merchantId: MerchantId;

const phoneShot = (p: Page, name: string) => screenshot(p, name, { fullPage: false });

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  app = await startTestApp({ role: 'api' }); // no PUBLIC_URL: links point at this server's own address
  await app.container.operator.auth.addOperator(OPERATOR);
  browser = await launchChromium();
  operatorPage = await consolePage(browser, { width: 1280, height: 860 });
  owner = await consolePage(browser);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

describe('the operator', () => {
  it('signs in to its own console, refused first with the wrong password', async () => {
    await operatorPage.goto(`${app.url}/console/#/pages/operator/index`);
    await expectToSee(operatorPage, '开通商户、发开通链接、看每家店的开通进度和运行情况。');
    await seen(operatorPage.locator('input:not([type=password])')).fill('zhang.ops');
    await seen(operatorPage.locator('input[type=password]')).fill('not the password');
    await seen(operatorPage.getByText('登录', { exact: true })).click();
    await expectToSee(operatorPage, '登录名或密码不正确');
    await seen(operatorPage.locator('input[type=password]')).fill(OPERATOR.password);
    await seen(operatorPage.getByText('登录', { exact: true })).click();
    await expectToSee(operatorPage, '张三 · 退出');
    await expectToSee(operatorPage, '还没有商户');
  });

  it('creates a merchant and gets the owner’s setup link once, to copy', async () => {
    const form = seen(operatorPage.locator('#create-merchant'));
    await seen(form.getByText('创建并生成开通链接')).click();
    await expectToSee(operatorPage, '请填写商户名称'); // checked before sending, with the server's own schema
    await form.locator('input').first().fill('茶语时光');
    await seen(form.getByText('创建并生成开通链接')).click();
    await expectToSee(operatorPage, '开通链接（只显示这一次）');
    setupUrl = (await seen(form.locator('.setup-link')).textContent())!.trim();
    expect(setupUrl).toMatch(new RegExp(`^${app.url}/console/#/pages/setup/index\\?token=[A-Za-z0-9_-]{43}$`));
    const card = seen(operatorPage.locator('[data-merchant="茶语时光"]'));
    await card.waitFor();
    expect(await card.textContent()).toContain('链接已发，等老板打开');
    await screenshot(operatorPage, 'setup-operator-created', { fullPage: false });
    const [merchant] = await app.container.operator.merchants.list();
    merchantId = asMerchantId(merchant!.merchant._id);
    expect(merchant!.merchant).toMatchObject({ name: '茶语时光', industry: '餐饮' });
  });
});

describe('the owner', () => {
  it('opens the link, says how to be called and lands on the setup checklist', async () => {
    await owner.goto(setupUrl);
    await expectToSee(owner, '欢迎使用小二');
    await seen(owner.locator('input')).fill('陈姐');
    await phoneShot(owner, 'setup-link-welcome');
    await seen(owner.getByText('开始开通', { exact: true })).click();
    await expectToSee(owner, '开通小二 · 茶语时光');
    await expectToSee(owner, '已完成 0/6 步，可以随时中断，回来接着做。');
    const business = seen(owner.locator('[data-step=business]'));
    expect(await business.getAttribute('data-state')).toBe('todo');
    await seen(owner.locator('[data-step=wecom][data-state=todo]')).waitFor(); // the live check: no app yet
    expect(await seen(owner.locator('[data-step=wecom]')).textContent()).toContain('还没有连接企业微信');
    await phoneShot(owner, 'setup-checklist-new');
    const ownerRecord = await app.container.repositories.staff.findFirstByRole(merchantId, 'owner');
    expect(ownerRecord?.name).toBe('陈姐');
  });

  it('fills the business step: name and industry, a shop, the opening hours', async () => {
    await seen(owner.getByText('继续：店铺信息')).click();
    const profile = seen(owner.locator('#profile'));
    await profile.waitFor();
    await profile.locator('input.weui-input').fill('茶语时光·春熙路');
    await seen(profile.getByText('保存名称和行业')).click();
    await vi.waitFor(async () =>
      expect((await app.container.repositories.merchants.findById(merchantId))!.name).toBe('茶语时光·春熙路'),
    );

    const shops = seen(owner.locator('#shops'));
    await shops.locator('input[placeholder="如：春熙路店"]').fill('春熙路店');
    await shops.locator('input[placeholder="如：成都市锦江区春熙路 88 号"]').fill('成都市锦江区春熙路 88 号');
    await shops.locator('input[placeholder="手机号，或带区号的座机"]').fill('12345');
    await seen(shops.getByText('添加这家门店')).click();
    await expectToSee(owner, '电话格式不对：手机号 11 位，座机请带区号，如 028-12345678');
    await phoneShot(owner, 'setup-business-phone-error');
    await shops.locator('input[placeholder="手机号，或带区号的座机"]').fill('028-8666 1234');
    await shops.locator('input[placeholder^="如：商场 B2"]').fill('春熙路地下停车场，消费满 50 元免费 2 小时');
    await seen(shops.getByText('添加这家门店')).click();
    await seen(shops.locator('[data-shop="春熙路店"]')).waitFor();
    expect(await seen(shops.locator('[data-shop="春熙路店"]')).textContent()).toContain('028-86661234');

    // suggested hours are shown unsaved; the owner closes Mondays and saves
    const hours = seen(owner.locator('#hours'));
    await hours.scrollIntoViewIfNeeded();
    await seen(hours.locator('[data-weekday="1"] .weui-switch, [data-weekday="1"] input[type=checkbox]')).click();
    await seen(hours.locator('[data-weekday="1"]', { hasText: '休息' })).waitFor();
    await seen(hours.getByText('保存营业时间', { exact: true })).click();
    const status = seen(owner.locator('#business-status[data-done="true"]'));
    await status.waitFor({ timeout: 10_000 });
    await status.scrollIntoViewIfNeeded();
    await phoneShot(owner, 'setup-business-done');

    const merchant = (await app.container.repositories.merchants.findById(merchantId))!;
    expect(merchant.businessHours.map((s) => s.weekday)).toEqual([0, 2, 3, 4, 5, 6]);
    const [shop] = await app.container.services.shops.list(merchantId);
    expect(shop).toMatchObject({
      name: '春熙路店',
      address: '成都市锦江区春熙路 88 号',
      phone: '028-86661234',
      parking: '春熙路地下停车场，消费满 50 元免费 2 小时',
    });
    const audit = (await app.container.operator.audit.list(merchantId)).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['merchant.profile_updated', 'shop.added', 'merchant.hours_updated']));
  });

  it('fills the facts customers ask about and the 客服 hours, an unnamed other refused under its field', async () => {
    const service = seen(owner.locator('#service-hours'));
    await service.scrollIntoViewIfNeeded();
    await seen(service.locator('[data-role=apart] .weui-switch, [data-role=apart] input[type=checkbox]')).click();
    await seen(service.locator('[data-weekday="6"]', { hasText: '休息' })).waitFor(); // weekdays 09:00–18:00 to start
    await seen(service.getByText('保存客服时间', { exact: true })).click();
    await vi.waitFor(async () =>
      expect(
        (await app.container.repositories.merchants.findById(merchantId))!.serviceHours?.map((s) => s.weekday),
      ).toEqual([1, 2, 3, 4, 5]),
    );

    const facts = seen(owner.locator('#facts'));
    await facts.scrollIntoViewIfNeeded();
    await seen(facts.locator('[data-topic=payment] textarea')).fill('微信、支付宝、现金都可以');
    await seen(facts.locator('[data-topic=delivery_platforms] textarea')).fill('美团外卖、饿了么搜「茶语时光」');
    await seen(facts.getByText('再加一项', { exact: true })).click();
    await seen(facts.locator('[data-other="0"] textarea')).fill('小型宠物可以抱着进店');
    await seen(facts.getByText('保存这些信息', { exact: true })).click();
    await expectToSee(owner, '请写上这项叫什么'); // checked before sending, with the server's own schema
    await phoneShot(owner, 'setup-business-facts-error');
    await seen(facts.locator('[data-other="0"] input')).fill('宠物');
    await seen(facts.getByText('保存这些信息', { exact: true })).click();
    await vi.waitFor(async () =>
      expect((await app.container.repositories.merchants.findById(merchantId))!.facts).toEqual([
        { topic: 'payment', text: '微信、支付宝、现金都可以' },
        { topic: 'delivery_platforms', text: '美团外卖、饿了么搜「茶语时光」' },
        { topic: 'other', label: '宠物', text: '小型宠物可以抱着进店' },
      ]),
    );
    await phoneShot(owner, 'setup-business-facts');
    const audit = (await app.container.operator.audit.list(merchantId)).map((e) => e.action);
    expect(audit).toEqual(expect.arrayContaining(['merchant.facts_updated', 'merchant.service_hours_updated']));
  });

  it('goes back to the checklist, the business step marked done and the next one up', async () => {
    await seen(owner.getByText('完成，回到开通清单')).click();
    await seen(owner.locator('[data-step=business][data-state=done]')).waitFor();
    expect(await seen(owner.locator('[data-step=business]')).textContent()).toContain(
      '茶语时光·春熙路 · 餐饮 · 1 家门店 · 每周休息 1 天',
    );
    await expectToSee(owner, '已完成 1/6 步');
    await expectToSee(owner, '继续：连接企业微信');
    await phoneShot(owner, 'setup-checklist-business-done');
  });

  it('is told, on opening the used link again, that it was used and to ask the provider for a new one', async () => {
    const again = await consolePage(browser);
    await again.goto(setupUrl);
    await seen(again.getByText('开始开通', { exact: true })).click();
    await expectToSee(again, '这个开通链接已经用过了，请联系服务商重新发送');
    await expectToSee(again, '请联系服务商重新发送开通链接，收到后直接点开新链接即可。');
    await phoneShot(again, 'setup-link-used');
    await again.context().close();
  });
});

describe('the operator, afterwards', () => {
  it('sees the owner joined, re-issues a link and revokes it, which the owner is told', async () => {
    await seen(operatorPage.getByText('刷新', { exact: true })).click();
    const card = seen(operatorPage.locator('[data-merchant="茶语时光·春熙路"]'));
    await card.waitFor();
    await seen(card.getByText('老板：已加入')).waitFor();
    expect(await card.textContent()).toContain('老板已开通');
    await seen(card.getByText('重新发链接')).click();
    await seen(card.locator('.setup-link')).waitFor();
    const reissued = (await seen(card.locator('.setup-link')).textContent())!.trim();
    expect(reissued).not.toBe(setupUrl);
    await seen(card.getByText('作废链接')).click();
    await seen(operatorPage.getByText('确定', { exact: true })).click(); // Taro's confirmation dialog
    await vi.waitFor(async () =>
      expect((await app.container.operator.merchants.get(merchantId)).setup.link.status).toBe('revoked'),
    );
    await seen(card.getByText('开通链接：链接已作废')).waitFor(); // the list reloaded
    expect(await card.getByText('作废链接', { exact: true }).count()).toBe(0);
    await card.scrollIntoViewIfNeeded();
    await screenshot(operatorPage, 'setup-operator-list', { fullPage: false });

    const revoked = await consolePage(browser);
    await revoked.goto(reissued);
    await seen(revoked.getByText('开始开通', { exact: true })).click();
    await expectToSee(revoked, /这个开通链接已作废/);
    await revoked.context().close();
  });

  it('refuses an incomplete link before asking the server', async () => {
    const broken = await consolePage(browser);
    await broken.goto(setupUrl.slice(0, -10));
    await expectToSee(broken, '开通链接不完整，请复制完整的链接再打开');
    await broken.context().close();
  });
});
