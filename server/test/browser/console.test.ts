// The owner console (the mini-program's H5 build) in headless Chromium against the real server: wx.login played by
// the WeChat stand-in's bridge, WeCom by its stand-in. Sign in (and bind with an invite code) → today's figures →
// approve a draft → a group-send task in WeCom; change business hours → the 微信客服 bot follows; every page
// photographed under test-artifacts/screenshots/.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { rainyDay, WeatherStandIn } from '@xiaoer/dev-services/weather-standin/server';
import { wxBridgeScript } from '@xiaoer/dev-services/wecom-standin/wxbridge';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { MILK_TEA_MENU } from '../../src/demo/milk-tea-menu.js';
import { presentGroupCalendar } from '../../src/modules/groups/group-calendar.presenter.js';
import { launchChromium, screenshot as save } from '../support/browser.js';
import { quietHoursAwayFromNow } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

// A whole console per context on a shared build machine: generous per-test time, the waits inside stay strict.
vi.setConfig({ testTimeout: 45_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_console_test';
const DAY = 86_400_000;

let w: WecomTestApp;
let weather: WeatherStandIn;
let browser: Browser;
let page: Page;
let externalUserId: string;

/** A phone-sized page whose wx.login answers as the given WeChat user. */
async function consolePage(openid: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(wxBridgeScript(w.standin.url, openid));
  return context.newPage();
}
/** Taro's H5 router keeps earlier pages in the document, hidden: act on what the owner sees. */
/** What the owner sees on the phone's screen (Taro's H5 keeps hidden pages in the document). */
const screenshot = (p: Page, name: string) => save(p, name, { fullPage: false });
const seen = (l: Locator) => l.filter({ visible: true }).first();
/** Waits for what the owner should see; on a timeout the error says what the page showed instead. */
async function expectToSee(p: Page, text: string, timeout = 20_000): Promise<void> {
  await seen(p.getByText(text))
    .waitFor({ timeout })
    .catch(async () => {
      // which of Taro's page containers are there and shown (the router hides pages with classes)
      const pages = (
        await p
          .locator('.taro_page')
          .evaluateAll((els) =>
            els.map(
              (e) => `${(e as unknown as { id: string }).id}[${(e as unknown as { className: string }).className}]`,
            ),
          )
      ).join(' | ');
      throw new Error(
        `「${text}」 did not appear; the page (${p.url()}) showed: ${(await p.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 300)}; pages: ${pages}`,
      );
    });
}
const tab = (name: string) => page.locator('.taro-tabbar__tabbar').getByText(name, { exact: true }).click();
/**
 * Back one page, until it shows this text. Taro's H5 router can leave the page it returns to shaded for a moment
 * after a quick back: the URL settles first, then the text shows (or a short pause lets the shade lift).
 */
async function backTo(text: string) {
  const from = page.url();
  await page.goBack();
  await page.waitForURL((url) => url.toString() !== from);
  const target = seen(page.getByText(text, { exact: true }));
  await target.waitFor({ timeout: 10_000 }).catch(() => page.waitForTimeout(1500));
  return target;
}

beforeAll(async () => {
  if (!existsSync(DIST))
    throw new Error('the console is not built: run `npm run build -w client-miniprogram` (npm test does)');
  weather = new WeatherStandIn();
  await weather.start();
  const tomorrow = new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
  weather.setDays('101270101', [rainyDay(tomorrow, '大雨')]);
  weather.setDays('101020100', [rainyDay(tomorrow, '小雨')]);
  w = await startWecomTestApp({
    role: 'api',
    autoReply: 'after_hours',
    env: { WEATHER_API_BASE: weather.url, WEATHER_API_KEY: weather.apiKey },
  });
  const { app, tenant } = w;
  const c = app.container;
  await c.repositories.products.insertMany(tenant.merchantId, MILK_TEA_MENU);
  await c.repositories.staff.bindMiniProgram(tenant.merchantId, tenant.people.owner._id, OWNER_OPENID);
  await c.repositories.merchants.setWeatherLocation(tenant.merchantId, { id: '101020100', name: '上海' });
  await quietHoursAwayFromNow(w); // the draft approved below goes out at once, whenever the suite runs
  // open around the clock, so the bot stays quiet until the owner closes the shop
  await app.request('/api/merchant/business-hours', {
    method: 'PUT',
    token: tenant.tokens.owner,
    body: {
      businessHours: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: '00:00', close: '00:00' })),
      holidays: [],
    },
  });
  ({ externalUserId } = await w.standin.customers.addsMember(w.corpId, tenant.people.staff.wecomUserId, {
    name: '王小姐',
  }));
  await w.drain();
  const customer = (await c.repositories.customers.findByExternalUserId(tenant.merchantId, externalUserId))!;
  await c.repositories.orders.insertMany(tenant.merchantId, [
    ...[1, 2].map((h) => ({
      externalId: `today-${h}`,
      customerId: customer._id,
      channel: '堂食' as const,
      status: 'completed' as const,
      items: [{ name: '杨枝甘露', quantity: 2, unitPrice: 1800, specs: [] }],
      amount: 3600,
      placedAt: new Date(Date.now() - h * 60_000),
    })),
    ...[3, 4, 5].map((d) => ({
      externalId: `past-${d}`,
      customerId: customer._id,
      channel: '外卖' as const,
      status: 'completed' as const,
      items: [{ name: '芋泥波波奶茶', quantity: 1, unitPrice: 1500, specs: [] }],
      amount: 1500,
      placedAt: new Date(Date.now() - d * DAY),
    })),
  ]);
  await c.repositories.drafts.insertMany(tenant.merchantId, [
    {
      scenario: 'dormant_winback',
      customerId: customer._id,
      day: new Date().toISOString().slice(0, 10),
      text: '王小姐，好久不见～您常点的杨枝甘露一直都在，最近有空来店里坐坐吧？',
      reason: '35天没来了（之前来过6次）',
      citedIds: [],
      status: 'pending',
      audit: [{ at: new Date(), by: 'system', action: 'drafted' }],
      createdAt: new Date(),
      updatedAt: new Date(),
    },
  ]);
  await c.intake.service.ingest(tenant.merchantId, 'reviews', [
    {
      externalId: 'RV-1',
      platform: '饿了么',
      rating: 1,
      text: '等了一个多小时，奶茶都不冰了',
      at: new Date().toISOString(),
    },
  ]);
  // a VIP customer group whose week of posts is drafted
  const { chatId } = await w.standin.customers.opensGroup(w.corpId, tenant.people.staff.wecomUserId, '茶语VIP群', [
    externalUserId,
  ]);
  await w.drain();
  await c.groupSync.setLayer(tenant.merchantId, chatId, 'vip');
  await c.knowledge.base.changed(tenant.merchantId);
  const monday = new Date(Date.now() + 8 * 3600_000);
  monday.setUTCDate(monday.getUTCDate() - ((monday.getUTCDay() + 6) % 7));
  await c.groupPosts.draftWeek(tenant.merchantId, monday.toISOString().slice(0, 10));
  browser = await launchChromium();
  page = await consolePage(OWNER_OPENID);
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
  await weather?.stop();
});

describe('the owner console', () => {
  it('is served with its own CSP that allows its inline sizing script by hash only', async () => {
    const res = await fetch(`${w.app.url}/console/`);
    expect(res.status).toBe(200);
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toMatch(/script-src 'self' [^;]*'sha256-[A-Za-z0-9+/=]+'/);
    expect(csp).not.toContain("unsafe-inline' ;");
    const asset = /src="(\/console\/js\/[^"]+\.js)"/.exec(await res.text())![1]!;
    expect((await fetch(`${w.app.url}${asset}`)).headers.get('cache-control')).toContain('immutable');
  });

  it('signs the owner in with WeChat and shows today at a glance', async () => {
    await page.goto(`${w.app.url}/console/`);
    await expectToSee(page, '等你审核的草稿');
    const figures = await seen(page.locator('.figures')).first().textContent();
    expect(figures).toContain('¥72'); // two orders today
    expect(figures).toContain('营业额');
    await seen(page.locator('.badge', { hasText: '1' }))
      .first()
      .waitFor();
    expect(await seen(page.locator('.card', { hasText: '待处理提醒' })).textContent()).toContain(
      '差评预警：饿了么 1星',
    );
    expect(await seen(page.locator('.summary')).first().textContent()).toMatch(/营业额¥72/);
    await expectToSee(page, '这是今天到现在的经营情况。明天小雨，14~22℃');
    await screenshot(page, 'console-home');
  });

  it('approves a draft, which becomes a group-send task for the staff member in WeCom', async () => {
    await tab('草稿');
    const card = seen(page.locator('.card', { hasText: '王小姐' }));
    await card.waitFor();
    expect(await card.textContent()).toContain('为什么写：35天没来了');
    await screenshot(page, 'console-drafts');
    await card.getByText('通过', { exact: true }).click();
    await vi.waitFor(() => expect(w.standin.state.groupSendTasks).toHaveLength(1), { timeout: 10_000 });
    expect(w.standin.state.groupSendTasks[0]).toMatchObject({
      sender: w.tenant.people.staff.wecomUserId,
      externalUserIds: [externalUserId],
      text: '王小姐，好久不见～您常点的杨枝甘露一直都在，最近有空来店里坐坐吧？',
    });
    await seen(page.getByText('没有待审核的草稿')).waitFor();
    await seen(page.getByText('已处理', { exact: true })).click();
    await seen(page.getByText('等员工确认发送')).waitFor();
  });

  it('approves a group post, which becomes the group owner’s task for the group', async () => {
    await seen(page.getByText('群发', { exact: true })).click();
    const card = seen(page.locator('.card', { hasText: '茶语VIP群' }));
    await card.waitFor();
    await screenshot(page, 'console-group-posts');
    const before = w.standin.state.groupSendTasks.length;
    await card.getByText('通过', { exact: true }).click();
    await vi.waitFor(() => expect(w.standin.state.groupSendTasks.length).toBe(before + 1), { timeout: 10_000 });
    expect(w.standin.state.groupSendTasks.at(-1)).toMatchObject({
      chatType: 'group',
      sender: w.tenant.people.staff.wecomUserId,
    });
  });

  it('draws the reports with real charts', async () => {
    await tab('报表');
    await seen(page.getByText('营业额走势')).waitFor();
    await seen(page.getByText('周报', { exact: true })).click();
    await seen(page.locator('[aria-label=营业额走势] canvas')).first().waitFor();
    await seen(page.locator('[aria-label=热销商品] canvas')).first().waitFor();
    await page.waitForTimeout(600); // the charts' entry animation
    await screenshot(page, 'console-reports');
    // the week's revenue is drawn (three days of ¥15), not the day's empty chart it replaced
    const drawn = await seen(page.locator('[aria-label=营业额走势] canvas')).evaluate((el) => {
      // (the server's type-check has no DOM library: the canvas is described by what is used)
      const c = el as unknown as {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        };
      };
      const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height);
      let green = 0;
      for (let i = 0; i < data.length; i += 4) if (data[i]! < 40 && data[i + 1]! > 170 && data[i + 2]! < 120) green++;
      return green;
    });
    expect(drawn).toBeGreaterThan(50);
  });

  it('shows the list again however soon the owner goes back from an alert', async () => {
    await tab('提醒');
    const card = seen(page.locator('.card.level-urgent'));
    // Taro's page animation once left the list hidden when "back" came within its timer (about 1 in 15 tries)
    for (let i = 0; i < 20; i++) {
      await card.click();
      await seen(page.getByText('建议的回复')).waitFor();
      await page.waitForTimeout((i % 5) * 60);
      await page.goBack();
      await card.waitFor({ timeout: 5000 });
    }
    await page.waitForTimeout(500); // a late timer would hide it now
    expect(await card.isVisible()).toBe(true);
  });

  it('lists alerts and opens one with the reply to post', async () => {
    await tab('提醒');
    await seen(page.getByText('差评预警：饿了么 1星')).click();
    await seen(page.getByText('建议的回复')).waitFor();
    await screenshot(page, 'console-alert-detail');
    await seen(page.getByText('处理完了', { exact: true })).click();
    await seen(page.getByText(/已于 .* 处理/)).waitFor();
    expect(
      (await w.app.container.alerts.service.list(w.tenant.merchantId, 'open')).some((a) => a.kind === 'bad_review'),
    ).toBe(false);
    await page.goBack();
    const open = await w.app.container.alerts.service.list(w.tenant.merchantId, 'open');
    expect(open.map((a) => a.title)).toEqual([]);
    await expectToSee(page, '一切正常');
    await screenshot(page, 'console-alerts');
  });

  it('closes the shop for today in settings, and the 微信客服 bot starts answering', async () => {
    expect(await w.kfCustomerWrites(externalUserId, '杨枝甘露多少钱')).toEqual([]); // open: staff answer
    await tab('我的');
    await screenshot(page, 'console-me');
    await seen(page.getByText('设置', { exact: true })).click();
    await seen(page.getByText('营业时间外，小二会在微信客服里自动接待顾客。')).waitFor();
    const today = new Date(Date.now() + 8 * 3600_000).getUTCDay(); // the weekday in Shanghai
    await seen(page.locator(`[data-weekday="${today}"] .weui-switch, [data-weekday="${today}"] input[type=checkbox]`))
      .first()
      .click();
    await seen(page.locator(`[data-weekday="${today}"]`, { hasText: '休息' })).waitFor();
    await seen(page.getByText('保存营业时间', { exact: true })).click();
    await vi.waitFor(
      async () =>
        expect(
          (await w.app.container.repositories.merchants.findById(w.tenant.merchantId))!.businessHours.some(
            (s) => s.weekday === today,
          ),
        ).toBe(false),
      { timeout: 10_000 },
    );
    await screenshot(page, 'console-settings');
    const replies = await w.kfCustomerWrites(externalUserId, '杨枝甘露多少钱');
    expect(replies.at(-1)).toContain('杨枝甘露');
  });

  it('sets the shop’s city and shows tomorrow’s rain', async () => {
    const card = seen(page.locator('#weather'));
    await card.scrollIntoViewIfNeeded();
    await card.locator('input').fill('成都');
    await card.getByText('设置所在地', { exact: true }).click();
    await seen(card.getByText('店铺所在地：成都 · 四川省。', { exact: false })).waitFor();
    expect(await card.textContent()).toContain('明天大雨转小雨，14~22℃ · 有雨');
    await screenshot(page, 'console-weather');
  });

  it('searches customers and previews a spreadsheet import row by row', async () => {
    await (await backTo('客户')).click();
    await seen(page.getByText('王小姐')).first().click();
    // the profile is a page of its own: back to the list, then back to 我的
    await seen(page.getByText(/消费 ¥/)).waitFor();
    await screenshot(page, 'console-customers');
    await backTo('王小姐');
    await (await backTo('导入数据')).click();
    const chooser = page.waitForEvent('filechooser');
    await seen(page.getByText('从微信聊天里选文件')).click();
    await (
      await chooser
    ).setFiles({
      name: '收银流水.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        ['订单号,下单时间,实收金额,商品明细', 'S-1,2026/11/20 12:30,36,杨枝甘露x2', 'S-2,昨天,15,芋泥波波'].join('\n'),
      ),
    });
    await seen(page.getByText('预览：收银流水.csv')).waitFor();
    expect(await seen(page.locator('.card', { hasText: '预览' })).textContent()).toContain('第 3 行');
    await screenshot(page, 'console-data');
    await seen(page.getByText('确认导入', { exact: true })).click();
    await seen(page.getByText('已导入：收银流水.csv')).waitFor();
    expect(await w.app.container.repositories.orders.count(w.tenant.merchantId, { externalId: 'S-1' })).toBe(1);
  });
});

describe('customer groups in the console', () => {
  it('shows the groups with their layer and makes the layer’s join QR code', async () => {
    await page.goBack();
    await seen(page.getByText('客户群', { exact: true })).click();
    const card = seen(page.locator('.card', { hasText: '茶语VIP群' }));
    await card.waitFor();
    expect(await card.textContent()).toContain('VIP群');
    await card.getByText('VIP群入群二维码').click();
    await seen(page.locator('img[src^="https://wework.qpic.cn/"]')).waitFor({ state: 'attached' });
    expect([...w.standin.state.joinWays.values()].at(-1)).toMatchObject({ state: 'layer_vip' });
    await screenshot(page, 'console-groups');
  });

  it('edits the VIP layer’s weekly calendar and goes back to the industry’s', async () => {
    const vipCalendar = async () =>
      presentGroupCalendar(await w.app.container.groupCalendars.calendarsOf(w.tenant.merchantId), 'vip');
    const calendar = seen(page.locator('#group-calendar'));
    await calendar.scrollIntoViewIfNeeded();
    await seen(calendar.getByText('周一 11:00 · 周一上新')).waitFor();
    expect(await calendar.textContent()).toContain('行业模板 · 每周 6 条 · 促销占 17%');
    // the week starts on Monday: the posts are listed Monday first, and the day picker runs 周一 … 周日
    const listed = await calendar
      .locator('[data-slot]')
      .evaluateAll((els) => els.map((e) => Number((e as unknown as { dataset: { slot: string } }).dataset.slot[0])));
    expect(listed.map((d) => (d + 6) % 7)).toEqual(listed.map((d) => (d + 6) % 7).sort((a, b) => a - b));
    await calendar.locator('.row .tag', { hasText: '周一' }).first().click();
    const cancel = seen(page.locator('.weui-picker__action', { hasText: '取消' }));
    await cancel.waitFor();
    const days = await page
      .locator('.weui-picker__item')
      .filter({ visible: true })
      .evaluateAll((els) => els.map((e) => (e as unknown as { textContent: string }).textContent.trim()));
    expect(days.filter((d) => d.startsWith('周'))).toEqual(['周一', '周二', '周三', '周四', '周五', '周六', '周日']);
    await cancel.click();
    await page.locator('.weui-picker__action').first().waitFor({ state: 'hidden' });
    await seen(calendar.locator('[data-slot="1 11:00"]').getByText('删除')).click();
    await calendar.locator('input[placeholder="标题，如：周二上新"]').fill('周一早安上新');
    await calendar.getByText('添加这一条', { exact: true }).click();
    await calendar.getByText('保存群日历', { exact: true }).click();
    await seen(calendar.getByText(/你自己排的日历 · 每周 6 条/)).waitFor();
    const vip = await vipCalendar();
    expect(vip.slots.map((s) => `${s.weekday} ${s.at} ${s.title}`)).toContain('1 10:00 周一早安上新');
    expect(vip.slots.map((s) => s.title)).not.toContain('周一上新');
    await screenshot(page, 'console-group-calendar');
    await calendar.getByText('恢复行业模板', { exact: true }).click();
    await seen(calendar.getByText(/行业模板 · 每周 6 条/)).waitFor();
    expect((await vipCalendar()).custom).toBe(false);
  });
});

describe('opened from a WeCom text card', () => {
  it('signs the owner in through WeCom’s OAuth and opens the linked alert', async () => {
    const [alert] = await w.app.container.alerts.service.list(w.tenant.merchantId);
    w.standin.signedInAs(w.corpId, w.tenant.people.owner.wecomUserId);
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    }); // no wx.login here
    const card = await context.newPage();
    await card.goto(`${w.app.url}/console/?corp=${w.corpId}#/pages/alerts/detail?id=${alert!._id.toHexString()}`);
    await expectToSee(card, alert!.title);
    expect(card.url()).not.toContain('code='); // the single-use code is gone from the address
    expect(card.url()).toContain(`corp=${w.corpId}`);
    await context.close();
  });
});

describe('opened from a weekly report card', () => {
  it('signs in through WeCom and opens the week, not the day', async () => {
    w.standin.signedInAs(w.corpId, w.tenant.people.owner.wecomUserId);
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      locale: 'zh-CN',
    });
    const card = await context.newPage();
    await card.goto(`${w.app.url}/console/?corp=${w.corpId}#/pages/reports/index?period=week`);
    await expectToSee(card, '营业额走势');
    expect(await seen(card.locator('.segment-on')).textContent()).toBe('周报');
    await context.close();
  });
});

describe('first sign-in', () => {
  it('binds a new WeChat to the invited staff member with the invite code', async () => {
    const invite = await w.app.request('/api/invites', {
      token: w.tenant.tokens.owner,
      body: { staffId: w.tenant.people.manager._id.toHexString() },
    });
    const fresh = await consolePage('o_new_manager');
    await fresh.goto(`${w.app.url}/console/`);
    await expectToSee(fresh, '第一次使用，请绑定店铺');
    await seen(fresh.locator('input')).first().fill('WRONG123');
    await seen(fresh.getByText('绑定并进入')).click();
    await seen(fresh.getByText('邀请码无效或已过期，请让老板重新生成')).waitFor();
    await screenshot(fresh, 'console-login-bind');
    await seen(fresh.locator('input')).first().fill(invite.body.code);
    await seen(fresh.getByText('绑定并进入')).click();
    await seen(fresh.getByText('等你审核的草稿')).waitFor();
    expect(
      (await w.app.container.repositories.staff.findById(
        w.tenant.merchantId,
        w.tenant.people.manager._id.toHexString(),
      ))!.miniProgramOpenId,
    ).toBe('o_new_manager');
  }, 45_000); // a fresh browser context: cold start of the whole console
});
