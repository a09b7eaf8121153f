// The campaign pages of the console, in headless Chromium against the real server and the WeCom stand-in: the owner
// finds 新建群发 under 草稿 → 群发, picks a tag, writes the text, sees who each staff member will send to and who is left
// out and why (with names), confirms, and the stand-in holds one task per staff member; then 群发记录 shows the
// campaign with how it went once read back from WeCom, its detail which staff member confirmed, and a scheduled one
// cancelled before it goes; a mini-program card refused under its fields, then sent. A screenshot per step under
// test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { buildCustomer } from '../support/factories.js';
import { startImageServer } from '../support/image-server.js';
import { expectToSee as expectOn, seen, wechatConsolePage } from '../support/console-page.js';
import { quietHoursAwayFromNow } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_campaigns';
const TAG = '周末活动';

let w: WecomTestApp;
let browser: Browser;
let page: Page;
const contacts: Awaited<ReturnType<typeof buildCustomer>>[] = [];
const TEXT = '本周六会员日，饮品第二杯半价～';

const expectToSee = (text: string | RegExp) => expectOn(page, text);
const shot = (name: string) => screenshot(page, `campaigns-${name}`, { fullPage: true });

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp();
  const { merchantId, people } = w.tenant;
  const customer = (name: string, extra: Parameters<typeof buildCustomer>[2] = {}) =>
    buildCustomer(w.app.container, merchantId, { name, tags: [TAG], followStaffIds: [people.staff._id], ...extra });
  await quietHoursAwayFromNow(w); // sent now, not held until quiet hours end
  for (const name of ['阿美', '阿强', '阿珍']) contacts.push(await customer(name));
  for (const name of ['小白', '小黑']) await customer(name, { followStaffIds: [people.manager._id] });
  // the staff member's customers are their WeCom contacts in the stand-in too (WeCom delivers only to contacts)
  for (const c of contacts)
    w.standin.state.contacts.set(c.externalUserId!, {
      externalUserId: c.externalUserId!,
      name: c.name,
      avatar: '',
      gender: 0,
      followers: new Map([[people.staff.wecomUserId, { remark: '', createtime: 0, tagIds: [], addWay: 0 }]]),
    });
  await customer('退订的王女士', { optedOut: true });
  await customer('只留了手机号', { externalUserId: undefined });
  await w.app.container.repositories.staff.bindMiniProgram(merchantId, people.owner._id, OWNER_OPENID);
  browser = await launchChromium();
  page = await wechatConsolePage(browser, w.standin.url, OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('a campaign from the console', () => {
  it('shows who receives it per staff member and who is left out and why, before sending', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('草稿', { exact: true })).click();
    await seen(page.getByText('群发', { exact: true })).click();
    await seen(page.getByText('新建群发', { exact: true })).click();
    await expectToSee('发给谁');
    await seen(page.locator('.choice').getByText(TAG, { exact: true })).click();
    await seen(page.locator('textarea')).fill(TEXT);
    await shot('1-audience');
    await seen(page.getByText('看看会发给谁', { exact: true })).click();
    await expectToSee('共 7 位客户，5 位会收到，分 2 个群发任务');
    await expectToSee(`${w.tenant.people.staff.name}：3 位（在企业微信里确认一次）`);
    await expectToSee(`${w.tenant.people.manager.name}：2 位（在企业微信里确认一次）`);
    const optedOut = seen(page.locator('[data-reason="opted_out"]'));
    expect(await optedOut.innerText()).toContain('已退订 1 位');
    expect(await optedOut.innerText()).toContain('退订的王女士');
    expect(await seen(page.locator('[data-reason="not_wecom_contact"]')).innerText()).toContain('只留了手机号');
    expect(await page.locator('body').innerText()).not.toMatch(/wm_ext_/);
    await shot('2-preview');
  });

  it('makes one task per staff member when the owner confirms', async () => {
    const before = w.standin.state.groupSendTasks.length;
    await seen(page.getByText('确认发送', { exact: true })).click();
    await seen(page.getByText('发送', { exact: true })).click(); // Taro's confirmation dialog
    await expectToSee('已创建 2 个群发任务');
    const made = w.standin.state.groupSendTasks.slice(before);
    expect(made.map((t) => t.externalUserIds.length).sort()).toEqual([2, 3]);
    expect(made.every((t) => t.text === TEXT)).toBe(true);
    await shot('3-sent');
  });

  it('lists the campaign with how it went once read back from WeCom', async () => {
    // the staff member confirms their task in WeCom; 阿美 writes back and 阿强 orders within the week
    for (const t of w.standin.state.groupSendTasks.filter((t) => t.sender === w.tenant.people.staff.wecomUserId))
      t.sentAt = Date.now();
    await w.kfCustomerWrites(contacts[0]!.externalUserId!, '周六几点开门？');
    await w.app.container.repositories.orders.insertMany(w.tenant.merchantId, [
      {
        externalId: 'o-browser-1',
        placedAt: new Date(),
        channel: '堂食' as const,
        status: 'completed' as const,
        customerId: contacts[1]!._id as never,
        items: [{ name: '杨枝甘露', quantity: 1, unitPrice: 1800, specs: [] }],
        amount: 1800,
      },
    ]);
    await w.app.container.campaigns.results.refreshRecent(w.tenant.merchantId);
    await seen(page.getByText('查看群发记录', { exact: true })).click();
    await expectToSee(TEXT);
    const card = seen(page.locator('[data-campaign]'));
    const figure = (key: string) => card.locator(`[data-figure="${key}"] .figure-value`).innerText();
    expect(await figure('sent')).toBe('3');
    expect(await figure('unconfirmed')).toBe('2');
    expect(await figure('replied')).toBe('1');
    expect(await figure('bought')).toBe('1');
    expect(await card.innerText()).toContain('已发出');
    await shot('4-list');
  });

  it('shows which staff member confirmed, and who was left out, in the detail', async () => {
    await seen(page.locator('[data-campaign]')).click();
    await expectToSee('员工确认');
    await expectToSee(`${w.tenant.people.staff.name}：3 位客户，已确认发送`);
    await expectToSee(`${w.tenant.people.manager.name}：2 位客户，还没在企业微信里确认`);
    expect(await seen(page.locator('[data-reason="opted_out"]')).innerText()).toContain('退订的王女士');
    await expectToSee(`发给：标签：${TAG}`);
    expect(await page.locator('body').innerText()).not.toMatch(/wm_ext_/);
    await shot('5-detail');
  });

  it('cancels a scheduled campaign before it goes', async () => {
    const res = await w.app.request('/api/campaigns/send', {
      token: w.tenant.tokens.owner,
      body: {
        audience: { tags: [TAG] },
        text: '中秋节到店送月饼一份',
        key: 'browser-festival-01',
        sendAt: new Date(Date.now() + 3 * 86_400_000).toISOString(),
      },
    });
    expect(res.status).toBe(201);
    await page.goBack();
    await page.reload();
    await expectToSee('中秋节到店送月饼一份');
    expect(await seen(page.locator(`[data-campaign="${res.body.campaignId}"]`)).innerText()).toContain('待发送');
    await seen(page.getByText('中秋节到店送月饼一份', { exact: true })).click();
    await expectToSee('取消群发');
    await shot('6-scheduled');
    await seen(page.getByText('取消群发', { exact: true })).click();
    await seen(page.locator('.taro-modal__foot').getByText('取消群发', { exact: true })).click();
    await expectToSee(/已取消 ·/);
    // the confirm dialog's own 取消群发 fades out after the page has changed
    await expect
      .poll(() => page.getByText('取消群发', { exact: true }).filter({ visible: true }).count(), { timeout: 5_000 })
      .toBe(0);
    await shot('7-cancelled');
    await w.app.container.campaigns.service.sendDue(w.tenant.merchantId, new Date(Date.now() + 4 * 86_400_000));
    expect(w.standin.state.groupSendTasks.filter((t) => t.text === '中秋节到店送月饼一份')).toEqual([]);
  });
});

describe('a campaign with a mini-program card', () => {
  let images: Awaited<ReturnType<typeof startImageServer>>;
  const CARD_TAG = '会员日';
  beforeAll(async () => {
    images = await startImageServer();
    // customers not written to today (the first campaign's are at their day's one message), contacts in WeCom too
    const { merchantId, people } = w.tenant;
    for (const name of ['阿兰', '阿杰']) {
      const c = await buildCustomer(w.app.container, merchantId, {
        name,
        tags: [CARD_TAG],
        followStaffIds: [people.staff._id],
      });
      w.standin.state.contacts.set(c.externalUserId!, {
        externalUserId: c.externalUserId!,
        name: c.name,
        avatar: '',
        gender: 0,
        followers: new Map([[people.staff.wecomUserId, { remark: '', createtime: 0, tagIds: [], addWay: 0 }]]),
      });
    }
  });
  afterAll(() => images?.close());
  const field = (label: string) => seen(page.locator('.form-field', { hasText: label }));

  it('refuses a card with a bad AppID or cover under their fields, then sends it with the card', async () => {
    const text = '会员日来小程序领券～';
    await page.goto(`${w.app.url}/console/#/pages/campaigns/new`);
    await expectToSee('发给谁');
    await seen(page.locator('.choice').getByText(CARD_TAG, { exact: true })).click();
    await seen(page.locator('textarea')).fill(text);
    await seen(page.locator('.choice').getByText('小程序卡片', { exact: true })).click();
    await seen(page.locator('[data-attachment="title"] input, input[data-attachment="title"]')).fill('会员日领券');
    await seen(page.locator('[data-attachment="appid"] input, input[data-attachment="appid"]')).fill('wx123');
    await seen(page.locator('[data-attachment="page"] input, input[data-attachment="page"]')).fill(
      'pages/coupon/index.html',
    );
    await seen(page.locator('[data-attachment="coverUrl"] input, input[data-attachment="coverUrl"]')).fill('封面.png');
    await seen(page.getByText('看看会发给谁', { exact: true })).click();
    await expectToSee('共 2 位客户，2 位会收到，分 1 个群发任务');
    const before = w.standin.state.groupSendTasks.length;
    await seen(page.getByText('确认发送', { exact: true })).click();
    await vi.waitFor(async () =>
      expect(await field('小程序 AppID').innerText()).toContain('小程序 AppID 是 wx 开头的 18 位'),
    );
    expect(await field('封面图片网址').innerText()).toContain('请填写完整的网址');
    expect(await field('卡片标题').innerText()).not.toContain('请填写');
    await shot('8-card-refused');
    expect(w.standin.state.groupSendTasks.length).toBe(before);

    await seen(page.locator('[data-attachment="appid"] input, input[data-attachment="appid"]')).fill(
      'wx1234567890abcdef',
    );
    await seen(page.locator('[data-attachment="coverUrl"] input, input[data-attachment="coverUrl"]')).fill(
      `${images.url}/cover.png`,
    );
    await seen(page.getByText('看看会发给谁', { exact: true })).click();
    await seen(page.getByText('确认发送', { exact: true })).click();
    await seen(page.getByText('发送', { exact: true })).click(); // Taro's confirmation dialog
    await expectToSee('已创建 1 个群发任务');
    expect(await page.locator('.form-error').filter({ visible: true }).count()).toBe(0);
    const made = w.standin.state.groupSendTasks.filter((t) => t.text === text);
    expect(made).toHaveLength(1);
    for (const t of made) {
      const [a] = t.attachments as { msgtype: string; miniprogram: Record<string, string> }[];
      expect(a).toMatchObject({
        msgtype: 'miniprogram',
        miniprogram: { title: '会员日领券', appid: 'wx1234567890abcdef', page: 'pages/coupon/index.html' },
      });
      expect(w.standin.state.media.get(a!.miniprogram.pic_media_id!)?.type).toBe('image');
    }
    await shot('9-card-sent');
  });
});
