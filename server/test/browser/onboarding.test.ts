// From an empty server to a live shop, through the product alone (issue 15's "Done when"), in headless Chromium
// against the real server (with its job worker) and the WeCom stand-in: nothing seeded; the operator signs in and
// creates a 餐饮 merchant; its owner opens the one-time setup link, fills the business step, connects WeCom — the
// first shop by way 1 (the self-built app, the stand-in's admin console playing the admin), the second by way 2
// (服务商代开发, the stand-in playing the admin's scan) — claims their own WeCom member in the staff step, applies the
// industry template, imports a menu spreadsheet with cup sizes, makes the first 联系我 code, syncs the existing
// customers, tests on 微信客服 and presses 开始营业. Then a customer scans the code (the welcome names the shop) and asks
// the price of a large cup on 微信客服, which the bot answers from the imported sheet.
//
// The walk counts what the owner does to go live: the pages they work on and the fields they fill or choose (every
// typed box, toggled switch, chosen option or file), asserted below so the README's numbers (setup section) stay true.
// Screenshots: test-artifacts/screenshots/onboarding-way{1,2}-NN-<step>.png.
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import type { Browser, Locator, Page } from 'playwright-core';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { demoSuiteTemplate, suiteEnv } from '../../src/dev/demo-suite.js';
import { asMerchantId, type MerchantId } from '../../src/tenancy/merchant-id.js';
import { launchChromium, screenshot } from '../support/browser.js';
import { consolePage, expectToSee, seen } from '../support/console-page.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { sheetXml, xlsxWithSheet } from '../support/xlsx-files.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OPERATOR = { login: 'ops', name: '服务商小李', password: 'correct horse battery staple' };
const EGRESS_IP = '203.0.113.7';
/** The owner's menu: two drinks in two cup sizes each, as a milk-tea shop writes it (one row per size). */
const MENU_ROWS = [
  ['商品名', '分类', '杯型', '价格(元)', '库存'],
  ['杨枝甘露', '果茶', '中杯', '18', '30'],
  ['杨枝甘露', '果茶', '大杯', '23', '30'],
  ['招牌奶茶', '奶茶', '中杯', '12', '50'],
  ['招牌奶茶', '奶茶', '大杯', '15', '50'],
];
/** What the owner does to go live, counted by the walk (README: the setup section). */
const OWNER_PAGES = 9;
const OWNER_FIELDS_WAY1 = 12;
const OWNER_FIELDS_WAY2 = 9;

let app: TestApp;
let standin: WecomStandIn;
let suite: ReturnType<typeof demoSuiteTemplate>;
let browser: Browser;
let operator: Page;

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  standin = new WecomStandIn();
  await standin.start();
  // the operator's 代开发 template, as a real one would be configured (README: WECOM_SUITE_*)
  suite = demoSuiteTemplate();
  app = await startTestApp({
    role: 'all',
    env: {
      WECOM_API_BASE: standin.url,
      WECHAT_API_BASE: standin.url,
      WECOM_OAUTH_BASE: standin.url,
      INBOX_POLL_MS: '50',
      JOBS_POLL_MS: '200',
      EGRESS_IPS: EGRESS_IP,
      ...suiteEnv(suite),
      WECOM_SUITE_AUTH_TYPE: '0',
    },
  });
  standin.suite.configures({
    ...suite,
    instructionUrl: `${app.url}/wecom/suite/callback`,
    dataUrl: `${app.url}/wecom/callback/$CORPID$`,
  });
  // nothing in the database: the operator is added as the CLI adds one
  expect(await app.container.operator.merchants.list()).toEqual([]);
  await app.container.operator.auth.addOperator(OPERATOR);
  browser = await launchChromium();
  operator = await consolePage(browser, { width: 1280, height: 860 });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await app?.close();
  await standin?.stop();
});

/** The stand-in's controls, as a demo or a browser would drive them. */
async function standinControl(path: string, body: Record<string, unknown>) {
  const res = await fetch(`${standin.url}/__standin/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, any>;
}

/**
 * One owner's way to go live: a phone-sized console, screenshots numbered in order, and the count of the pages the
 * owner works on and of the fields they fill or choose.
 */
class OwnerWalk {
  readonly pages = new Set<string>();
  readonly fields: string[] = [];
  broken = false;
  page!: Page;
  private shots = 0;
  constructor(readonly way: 'way1' | 'way2') {}

  async open(): Promise<void> {
    this.page = await consolePage(browser);
    // WeCom's QR images live on its CDN, which this machine cannot reach: a real QR code is served in its place
    await this.page
      .context()
      .route('https://wework.qpic.cn/**', async (route) =>
        route.fulfill({ contentType: 'image/png', body: await QRCode.toBuffer(route.request().url(), { width: 400 }) }),
      );
  }

  /** The page the owner is on, by its route (Taro's hash router). */
  private here(): void {
    const route = new URL(this.page.url()).hash.replace(/^#/, '').split('?')[0]!;
    this.pages.add(route);
  }

  see = (text: string | RegExp, timeout?: number) => expectToSee(this.page, text, timeout);

  /** A box the owner types into. */
  async fill(box: Locator, value: string, what: string): Promise<void> {
    await seen(box).fill(value);
    this.fields.push(what);
    this.here();
  }

  /** A choice the owner makes (a switch, an option, an account, a member). */
  async choose(target: Locator, what: string, options: { force?: boolean } = {}): Promise<void> {
    await seen(target).click(options);
    this.fields.push(what);
    this.here();
  }

  /** A file the owner picks after tapping `button`. */
  async file(button: Locator, file: { name: string; mimeType: string; buffer: Buffer }, what: string) {
    const chooser = this.page.waitForEvent('filechooser');
    await seen(button).click();
    await (await chooser).setFiles(file);
    this.fields.push(what);
    this.here();
  }

  /** A button or link the owner taps (not a field). */
  async tap(target: Locator): Promise<void> {
    await seen(target).click();
    this.here();
  }

  async shot(step: string): Promise<void> {
    this.here();
    const n = String(++this.shots).padStart(2, '0');
    await screenshot(this.page, `onboarding-${this.way}-${n}-${step}`, { fullPage: false });
  }

  /** Back to the checklist and on to a step, as the owner resumes the setup. */
  async openStep(key: string): Promise<void> {
    // opened afresh, as the owner reopens the console (a hash change alone leaves Taro's page stack half-switched)
    await this.page.goto(`${app.url}/console/#/pages/setup/checklist`);
    await this.page.reload();
    await seen(this.page.locator(`[data-step=${key}]:not([data-state=checking])`)).waitFor({ timeout: 20_000 });
    // the step's title, not the card's centre: the 老顾客 card also holds its own 同步老顾客 button there
    await this.tap(this.page.locator(`[data-step=${key}] .strong`));
  }
}

/** A test of one way's walk: once a step fails, the later ones are skipped (they would only time out). */
function step(walk: OwnerWalk, name: string, fn: () => Promise<void> | void): void {
  it(name, async (ctx) => {
    if (walk.broken) ctx.skip();
    try {
      await fn();
    } catch (err) {
      walk.broken = true;
      if (walk.page) {
        await walk.shot('failed').catch(() => undefined);
        const shown = await walk.page
          .locator('body')
          .innerText()
          .catch(() => '');
        (err as Error).message +=
          `\nthe owner's page (${walk.page.url()}) showed: ${shown.replace(/\s+/g, ' ').slice(0, 600)}`;
      }
      throw err;
    }
  });
}

/** The operator creates the merchant and copies the owner's setup link. */
async function operatorCreates(name: string, screenshotName: string): Promise<{ url: string; id: MerchantId }> {
  const form = seen(operator.locator('#create-merchant'));
  const before = await form
    .locator('.setup-link')
    .filter({ visible: true })
    .first()
    .textContent({ timeout: 1000 })
    .catch(() => null);
  await form.locator('input').first().fill(name);
  expect(await seen(form.locator('.picker-value')).textContent()).toContain('餐饮');
  await seen(form.getByText('创建并生成开通链接')).click();
  await expectToSee(operator, '开通链接（只显示这一次）');
  // the form shows the previous merchant's link until the new one arrives
  await expect.poll(() => seen(form.locator('.setup-link')).textContent()).not.toBe(before);
  const url = (await seen(form.locator('.setup-link')).textContent())!.trim();
  await screenshot(operator, screenshotName, { fullPage: false });
  const created = (await app.container.operator.merchants.list()).find((m) => m.merchant.name === name)!;
  expect(created.merchant.industry).toBe('餐饮');
  return { url, id: asMerchantId(created.merchant._id) };
}

/** The owner's steps that do not depend on the way WeCom was connected. */
function theRestOfTheSetup(
  walk: OwnerWalk,
  ctx: {
    merchantId: () => MerchantId;
    ownerUserid: string;
    corpId: () => string;
    shopName: string;
    openKfId: string;
  },
) {
  step(walk, 'the staff step: the owner picks their own WeCom member', async () => {
    await walk.openStep('staff');
    const claim = walk.page.locator(`[data-claim="${ctx.ownerUserid}"]`);
    // saving the app started the sync; by way 1 it ran before the admin had added 企业可信IP, so the page says it
    // stopped and why (60020), and the owner syncs again now that the admin has
    const sync = walk.page.getByText(/^(同步员工|重新同步)$/);
    await seen(walk.page.getByText(/^(你是哪一位？|同步员工|重新同步)$/)).waitFor({ timeout: 20_000 });
    if ((await claim.filter({ visible: true }).count()) === 0) await walk.tap(sync);
    await walk.see('你是哪一位？');
    await walk.choose(claim, 'staff: which member is me');
    await expect
      .poll(async () => {
        const staff = await app.container.repositories.staff.findByWecomUserId(ctx.merchantId(), ctx.ownerUserid);
        return staff?.role;
      })
      .toBe('owner');
    await walk.shot('staff');
  });

  step(walk, 'the knowledge step: the 餐饮 template applied', async () => {
    await walk.openStep('knowledge');
    await walk.see('餐饮行业模板');
    await walk.tap(walk.page.getByText('套用模板', { exact: true }));
    await walk.see(/新加了 \d+ 条/);
    await seen(walk.page.locator('#faqs')).waitFor();
    await walk.shot('knowledge-template');
  });

  step(walk, 'the menu spreadsheet with cup sizes imported', async () => {
    const menu = seen(walk.page.locator('#menu'));
    await menu.scrollIntoViewIfNeeded();
    await walk.tap(menu.getByText('从表格导入菜单'));
    await walk.page.waitForURL(/pages\/setup\/menu-import\/index/);
    await walk.see(/一行一个规格/);
    await walk.file(
      walk.page.getByText('选择表格文件', { exact: true }),
      {
        name: '菜单.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: await xlsxWithSheet(sheetXml(MENU_ROWS)),
      },
      'menu: the spreadsheet',
    );
    const report = seen(walk.page.locator('#menu-import-report[data-dry-run="true"]'));
    await report.waitFor();
    expect(await seen(report.locator('[data-product="杨枝甘露"]')).textContent()).toContain('新增');
    await walk.tap(report.getByText('确认导入', { exact: true }));
    await seen(walk.page.locator('#menu-import-report[data-dry-run="false"]')).waitFor();
    await walk.shot('menu-imported');
    const [mango] = await app.container.repositories.products.findByNames(ctx.merchantId(), ['杨枝甘露']);
    expect(mango!.variants.map((v) => [v.options.map((o) => o.value).join(' '), v.price])).toEqual([
      ['中杯', 1800],
      ['大杯', 2300],
    ]);
  });

  step(walk, 'the first 联系我 code made to print', async () => {
    await walk.page.goBack();
    const code = seen(walk.page.locator('#channel-code'));
    await code.waitFor();
    await code.scrollIntoViewIfNeeded();
    await walk.tap(code.getByText('生成二维码'));
    await seen(walk.page.locator('#channel-code img[src^="https://wework.qpic.cn/"]')).waitFor();
    await walk.page.getByText('二维码已生成').waitFor({ state: 'hidden' });
    await code.scrollIntoViewIfNeeded();
    await walk.shot('channel-code');
    expect(await app.container.channelCodes.list(ctx.merchantId())).toHaveLength(1);
  });

  step(walk, 'the existing customers synced from WeCom', async () => {
    await walk.openStep('customers');
    await walk.see('从企业微信同步老顾客');
    await walk.tap(walk.page.getByText('开始同步', { exact: true }));
    await walk.see('同步完成：2 位顾客', 30_000);
    await walk.shot('customers');
  });

  step(walk, 'the test on 微信客服 answered on the page, then 开始营业 (the bot answering all day)', async () => {
    await walk.openStep('golive');
    await walk.see('用自己的微信试一试');
    await walk.tap(walk.page.getByText('模拟顾客发消息', { exact: true }));
    await walk.see('小二已经回答了', 20_000);
    await walk.shot('golive-test');
    const launch = seen(walk.page.locator('#golive-launch'));
    await walk.tap(launch.locator('.field'));
    // Taro's picker slides up and keeps its wheel moving for a moment: a tap on the option once it has settled
    await seen(walk.page.locator('.weui-picker__action', { hasText: '确定' })).waitFor();
    await walk.page.waitForTimeout(800);
    await walk.choose(walk.page.locator('.weui-picker__item', { hasText: '全天自动回答' }), 'go live: answer all day', {
      force: true,
    });
    await seen(walk.page.locator('.weui-picker__action', { hasText: '确定' })).click();
    await seen(launch.getByText('全天自动回答', { exact: true })).waitFor();
    await walk.tap(launch.getByText('开始营业', { exact: true }));
    await walk.see(/确定开始营业吗/);
    await seen(walk.page.getByText('确定', { exact: true })).click(); // Taro's confirmation dialog
    await walk.see('✓ 已开始营业');
    await walk.shot('live');
    const merchant = await app.container.repositories.merchants.findById(ctx.merchantId());
    expect(merchant!.autoReply.mode).toBe('always');
  });

  step(
    walk,
    'a customer scans the code: welcomed with the shop’s name, then answered the large cup’s price',
    async () => {
      const [made] = await app.container.channelCodes.list(ctx.merchantId());
      const way = [...standin.state.contactWays.values()].find((c) => c.state === made!.state)!;
      const { externalUserId, deliveries } = await standin.customers.addsMember(ctx.corpId(), way.users[0]!, {
        name: '林小姐',
        state: made!.state,
      });
      expect(deliveries.at(-1)).toMatchObject({ body: 'success' });
      await expect
        .poll(() => standin.state.welcomeMessages.find((m) => m.externalUserId === externalUserId)?.text, {
          timeout: 15_000,
        })
        .toContain(ctx.shopName);

      await standin.customers.writesToKf(ctx.openKfId, externalUserId, '大杯杨枝甘露多少钱');
      const answer = await vi.waitFor(
        () => {
          const sent = standin.state.kfSent.find((m) => m.touser === externalUserId);
          if (!sent) throw new Error('no answer on 微信客服 yet');
          return (sent.content as { content: string }).content;
        },
        { timeout: 15_000, interval: 100 },
      );
      console.info(`onboarding: the bot answered 「${answer}」`);
      expect(answer).toMatch(/23/);
      expect(answer).not.toMatch(/18/);
    },
  );

  step(walk, 'the checklist shows the shop live', async () => {
    await walk.page.goto(`${app.url}/console/#/pages/setup/checklist`);
    await expect
      .poll(() => seen(walk.page.locator('[data-step="golive"]')).getAttribute('data-state'), { timeout: 20_000 })
      .toBe('done');
    await walk.shot('checklist-live');
  });
}

/** The setup link and the business step, the same for both ways. */
function linkAndBusiness(walk: OwnerWalk, ctx: { link: () => string; shopName: string; ownerName: string }) {
  step(walk, 'the owner opens the setup link and lands on the checklist', async () => {
    await walk.open();
    await walk.page.goto(ctx.link());
    await walk.see('欢迎使用小二');
    await walk.fill(walk.page.locator('input'), ctx.ownerName, 'link: how to call me');
    await walk.tap(walk.page.getByText('开始开通', { exact: true }));
    await walk.see(`开通小二 · ${ctx.shopName}`);
    await walk.see('已完成 0/6 步');
    // WeCom not connected yet: the step says what the owner does (the callback keys are generated, never typed)
    await seen(walk.page.locator('[data-step=wecom][data-state=todo]')).waitFor();
    const wecomStep = await seen(walk.page.locator('[data-step=wecom]')).textContent();
    expect(wecomStep).toContain('扫码授权');
    expect(wecomStep).not.toContain('回调Token');
    await walk.shot('checklist');
  });

  step(walk, 'the business step: a shop with address and phone, the hours, how customers pay', async () => {
    await walk.tap(walk.page.getByText('继续：店铺信息'));
    const shops = seen(walk.page.locator('#shops'));
    await shops.waitFor();
    await walk.fill(shops.locator('input[placeholder="如：春熙路店"]'), '总店', 'business: shop name');
    await walk.fill(
      shops.locator('input[placeholder="如：成都市锦江区春熙路 88 号"]'),
      '成都市锦江区春熙路 88 号',
      'business: address',
    );
    await walk.fill(shops.locator('input[placeholder="手机号，或带区号的座机"]'), '028-86661234', 'business: phone');
    await walk.tap(shops.getByText('添加这家门店'));
    await seen(shops.locator('[data-shop="总店"]')).waitFor();
    // the suggested opening hours, saved as they are
    const hours = seen(walk.page.locator('#hours'));
    await hours.scrollIntoViewIfNeeded();
    await walk.tap(hours.getByText('保存营业时间', { exact: true }));
    await seen(walk.page.locator('#business-status[data-done="true"]')).waitFor({ timeout: 10_000 });
    const facts = seen(walk.page.locator('#facts'));
    await facts.scrollIntoViewIfNeeded();
    await walk.fill(facts.locator('[data-topic=payment] textarea'), '微信、支付宝、现金都可以', 'business: payment');
    await walk.tap(facts.getByText('保存这些信息', { exact: true }));
    await walk.see('顾客常问的信息已保存');
    await walk.shot('business');
    await walk.tap(walk.page.getByText('完成，回到开通清单'));
    await seen(walk.page.locator('[data-step=business][data-state=done]')).waitFor();
  });
}

describe('way 1: the self-built app', () => {
  const walk = new OwnerWalk('way1');
  const shopName = '椰林茶铺';
  let link = '';
  let merchantId: MerchantId;
  const kfAccounts = [{ openKfId: `wk${randomBytes(6).toString('hex')}`, name: '椰林茶铺客服' }];
  const corp = { corpId: '', agentId: 0, secret: '' };
  const admin = (action: string, body: Record<string, unknown> = {}) =>
    standinControl(`admin/${action}`, { corpId: corp.corpId, ...body });

  step(walk, 'the operator signs in and creates the merchant', async () => {
    await operator.goto(`${app.url}/console/#/pages/operator/index`);
    await seen(operator.locator('input:not([type=password])')).fill(OPERATOR.login);
    await seen(operator.locator('input[type=password]')).fill(OPERATOR.password);
    await seen(operator.getByText('登录', { exact: true })).click();
    await expectToSee(operator, '还没有商户');
    ({ url: link, id: merchantId } = await operatorCreates(shopName, 'onboarding-way1-00-operator'));
    // the admin has made the self-built app in WeCom (seed 001's SOP), with the shop's two members
    Object.assign(
      corp,
      standin.admin.createsApp({
        members: [
          { userid: 'zhou', name: '周老板' },
          { userid: 'li', name: '李店员' },
        ],
        kfAccounts,
      }),
    );
    standin.customers.knowsContacts([
      { externalUserId: 'wmWay1Old1', name: '老顾客甲', followers: ['li'] },
      { externalUserId: 'wmWay1Old2', name: '老顾客乙', followers: ['zhou'] },
    ]);
  });

  linkAndBusiness(walk, { link: () => link, shopName, ownerName: '周老板' });

  step(
    walk,
    'WeCom: the corp ID, AgentId and Secret saved, what the page shows pasted, the checks passing',
    async () => {
      await walk.openStep('wecom');
      const page = walk.page;
      await walk.tap(page.locator('[data-way=self_built]'));
      await walk.see('1. 应用信息');
      const field = (name: string) => page.locator(`[data-field=${name}] input`);
      await walk.fill(field('corpId'), corp.corpId, 'wecom: corp ID');
      await walk.fill(field('agentId'), String(corp.agentId), 'wecom: AgentId');
      await walk.fill(field('secret'), corp.secret, 'wecom: Secret');
      await walk.tap(page.getByText('保存并生成回调密钥'));
      await walk.see('2. 填到企业微信管理后台');
      const paste = async (key: string) =>
        (await seen(page.locator(`[data-paste=${key}] .wecom-value`)).textContent())!.trim();
      await walk.shot('wecom-paste');
      // the admin pastes what the page shows (the owner copies; these are the admin's fields, not the owner's)
      expect(
        await admin('save-callback', {
          url: await paste('callbackUrl'),
          token: await paste('token'),
          encodingAesKey: await paste('encodingAesKey'),
        }),
      ).toEqual({ ok: true });
      await seen(page.locator('#wecom-callback-status').getByText('企业微信已验证回调地址')).waitFor({
        timeout: 10_000,
      });
      expect(await admin('set-trusted-ips')).toEqual({ ok: true });
      await admin('set-trusted-domain', { domain: await paste('trustedDomain') });
      await admin('set-permissions', { customerContact: true, kf: true, kfManaged: null });
      const kf = seen(page.locator('#wecom-kf'));
      await kf.scrollIntoViewIfNeeded();
      await walk.tap(kf.getByText('刷新'));
      await walk.choose(page.locator(`[data-kf="${kfAccounts[0]!.openKfId}"]`), 'wecom: the 微信客服 account');
      await walk.tap(kf.getByText('保存选择'));
      await walk.see(`小二接待：${kfAccounts[0]!.name}`);
      const checks = seen(page.locator('#wecom-checks'));
      await checks.scrollIntoViewIfNeeded();
      await walk.tap(checks.getByText(/^(检查|再检查一次)$/));
      await walk.see('全部通过，企业微信已接好', 20_000);
      await walk.shot('wecom-connected');
    },
  );

  theRestOfTheSetup(walk, {
    merchantId: () => merchantId,
    ownerUserid: 'zhou',
    corpId: () => corp.corpId,
    shopName,
    openKfId: kfAccounts[0]!.openKfId,
  });

  step(walk, `took the owner ${OWNER_PAGES} pages and ${OWNER_FIELDS_WAY1} fields`, () => {
    console.info(`onboarding way 1: ${walk.pages.size} pages ${[...walk.pages].join(' ')}`);
    console.info(`onboarding way 1: ${walk.fields.length} fields: ${walk.fields.join(' | ')}`);
    expect(walk.pages.size).toBe(OWNER_PAGES);
    expect(walk.fields).toHaveLength(OWNER_FIELDS_WAY1);
  });
});

describe('way 2: 服务商代开发, the admin scans', () => {
  const walk = new OwnerWalk('way2');
  const shopName = '山茶小馆';
  let link = '';
  let merchantId: MerchantId;
  let corpId = '';
  const kfAccounts = [{ openKfId: `wk${randomBytes(6).toString('hex')}`, name: '山茶小馆客服' }];

  step(walk, 'the operator creates the second merchant', async () => {
    await seen(operator.getByText('刷新', { exact: true })).click();
    ({ url: link, id: merchantId } = await operatorCreates(shopName, 'onboarding-way2-00-operator'));
    await standinControl('suite/push-ticket', {}); // WeCom's every-10-minutes suite_ticket
  });

  linkAndBusiness(walk, { link: () => link, shopName, ownerName: '吴老板' });

  step(
    walk,
    'WeCom: the authorisation QR shown, the admin scans, the shop connected with nothing to copy',
    async () => {
      await walk.openStep('wecom');
      const page = walk.page;
      await walk.tap(page.getByText('生成授权二维码', { exact: true }));
      await walk.see('等待企业微信管理员扫码授权…');
      await walk.shot('wecom-qr');
      const installUrl = (await seen(page.locator('#wecom-agency-link .wecom-value')).textContent())!.trim();
      const scan = await standinControl('suite/scan', {
        installUrl,
        corpName: shopName,
        members: [
          { userid: 'wu', name: '吴老板' },
          { userid: 'sun', name: '孙店员' },
        ],
        kfAccounts,
      });
      expect(scan.deliveries[0]).toMatchObject({ status: 200, body: 'success' });
      corpId = scan.corpId;
      standin.customers.knowsContacts([
        { externalUserId: 'wmWay2Old1', name: '老顾客丙', followers: ['sun'] },
        { externalUserId: 'wmWay2Old2', name: '老顾客丁', followers: ['wu'] },
      ]);
      await walk.see(`已授权：${shopName}（${corpId}）`, 20_000);
      await walk.choose(page.locator(`[data-kf="${kfAccounts[0]!.openKfId}"]`), 'wecom: the 微信客服 account');
      await walk.tap(seen(page.locator('#wecom-kf')).getByText('保存选择'));
      await walk.see(`小二接待：${kfAccounts[0]!.name}`);
      const checks = seen(page.locator('#wecom-checks'));
      await walk.tap(checks.getByText(/^(检查|再检查一次)$/));
      await walk.see('全部通过，企业微信已接好', 20_000);
      await checks.scrollIntoViewIfNeeded();
      await walk.shot('wecom-connected');
    },
  );

  theRestOfTheSetup(walk, {
    merchantId: () => merchantId,
    ownerUserid: 'wu',
    corpId: () => corpId,
    shopName,
    openKfId: kfAccounts[0]!.openKfId,
  });

  step(walk, `took the owner ${OWNER_PAGES} pages and ${OWNER_FIELDS_WAY2} fields`, () => {
    console.info(`onboarding way 2: ${walk.pages.size} pages ${[...walk.pages].join(' ')}`);
    console.info(`onboarding way 2: ${walk.fields.length} fields: ${walk.fields.join(' | ')}`);
    expect(walk.pages.size).toBe(OWNER_PAGES);
    expect(walk.fields).toHaveLength(OWNER_FIELDS_WAY2);
  });
});
