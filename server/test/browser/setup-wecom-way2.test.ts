// The owner connects the shop's WeCom by way 2 (服务商代开发) in the console, in headless Chromium against the real
// server and the WeCom stand-in: the way chosen, the authorisation QR and link shown, the admin scanning it (the
// stand-in's /__standin/suite/scan, as a demo drives it), the page seeing the shop connected with nothing to copy,
// the checks passing, a 微信客服 account chosen; then the admin cancelling and the page saying so. A screenshot per step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wxBridgeScript } from '@xiaoer/dev-services/wecom-standin/wxbridge';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { consolePage, expectToSee, seen } from '../support/console-page.js';
import { eventually, newAgencyShop, startSuiteTestApp, type SuiteTestApp } from '../support/wecom-suite.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_setup_wecom_way2';

let w: SuiteTestApp;
let shop: Awaited<ReturnType<typeof newAgencyShop>>;
let browser: Browser;
let page: Page;
let corpId: string;

const shot = (name: string) => screenshot(page, `setup-wecom-way2-${name}`, { fullPage: false });
const see = (text: string | RegExp) => expectToSee(page, text);

/** The stand-in's controls, as a demo or a browser would drive them. */
async function standin(action: string, body: Record<string, unknown> = {}) {
  const res = await fetch(`${w.standin.url}/__standin/suite/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return (await res.json()) as Record<string, any>;
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startSuiteTestApp();
  shop = await newAgencyShop(w);
  await w.app.container.repositories.staff.bindMiniProgram(
    shop.tenant.merchantId,
    shop.tenant.people.owner._id,
    OWNER_OPENID,
  );
  browser = await launchChromium();
  page = await consolePage(browser);
  await page.context().addInitScript(wxBridgeScript(w.standin.url, OWNER_OPENID));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('connecting WeCom by scanning (way 2)', () => {
  it('offers both ways, way 2 first, and nothing to copy', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    await page.goto(`${w.app.url}/console/#/pages/setup-wecom/index`);
    await see('连接方式');
    await see('方式一：自建应用');
    await see('扫码授权小二');
    expect(await page.locator('#wecom-app').filter({ visible: true }).count()).toBe(0);
    await shot('1-choose');
    // way 1 is a tap away, and back
    await seen(page.locator('[data-way=self_built]')).click();
    await see('1. 应用信息');
    await seen(page.locator('[data-way=agency]')).click();
    await see('生成授权二维码');
  });

  it('says so when WeCom has not pushed the template’s ticket yet', async () => {
    await seen(page.getByText('生成授权二维码', { exact: true })).click();
    await see(/还没有把授权凭证（suite_ticket）推送给小二/);
    await shot('2-no-ticket');
  });

  it('shows the authorisation QR code and link once the ticket is there', async () => {
    const pushed = await standin('push-ticket');
    expect(pushed.deliveries.at(-1)).toMatchObject({ body: 'success' });
    await seen(page.getByText('生成授权二维码', { exact: true })).click();
    await see('等待企业微信管理员扫码授权…');
    const url = (await seen(page.locator('#wecom-agency-link .wecom-value')).textContent())!.trim();
    expect(url).toMatch(/^https:\/\/open\.work\.weixin\.qq\.com\/3rdapp\/install\?suite_id=/);
    expect(await seen(page.locator('#wecom-agency-link img')).getAttribute('src')).toMatch(/^data:image\/png/);
    await seen(page.locator('#wecom-agency-link')).scrollIntoViewIfNeeded();
    await shot('3-qr');
  });

  it('sees the shop connected when the admin scans, with no secret on the page', async () => {
    const url = (await seen(page.locator('#wecom-agency-link .wecom-value')).textContent())!.trim();
    const scan = await standin('scan', {
      installUrl: url,
      corpName: '茶语时光',
      members: shop.members,
      kfAccounts: shop.kfAccounts,
    });
    expect(scan.deliveries[0]).toMatchObject({ status: 200, body: 'success' });
    expect(scan.deliveries[0].ms).toBeLessThan(1000);
    corpId = scan.corpId;
    await see(`已授权：茶语时光（${corpId}）`);
    await see('扫码授权的应用由小二服务商统一接收消息，无需填写');
    const permanentCode = w.standin.state.suite.authorisations.get(corpId)!.permanentCode;
    const html = await page.content();
    expect(html).not.toContain(permanentCode);
    expect(html).not.toContain(w.suite.token);
    expect(html).not.toContain(w.suite.encodingAesKey);
    expect(await page.locator('#wecom-paste').filter({ visible: true }).count()).toBe(0);
    await shot('4-connected');
  });

  it('runs the checks and serves a 微信客服 account', async () => {
    const checks = seen(page.locator('#wecom-checks'));
    await seen(checks.getByText('检查', { exact: true })).click();
    await seen(checks.locator('[data-role=summary]')).waitFor({ timeout: 20_000 });
    for (const key of [
      'secret',
      'agent',
      'callback_verified',
      'trusted_ip',
      'customer_contact',
      'jssdk_domain',
      'kf_api',
    ])
      expect(await seen(checks.locator(`[data-check=${key}]`)).getAttribute('data-status'), key).toBe('ok');
    await checks.scrollIntoViewIfNeeded();
    await shot('5-checks');
    const kf = seen(page.locator('#wecom-kf'));
    await seen(page.locator(`[data-kf="${shop.kfAccounts[0]!.openKfId}"]`)).click();
    await seen(kf.getByText('保存选择')).click();
    await see(`小二接待：${shop.kfAccounts[0]!.name}`);
    await seen(checks.getByText('检查', { exact: true })).click();
    await see('全部通过，企业微信已接好');
    await kf.scrollIntoViewIfNeeded();
    await shot('6-kf');
  });

  it('says so when the admin cancels the authorisation, and offers to scan again', async () => {
    const cancelled = await standin('cancel', { corpId });
    expect(cancelled.deliveries.at(-1)).toMatchObject({ body: 'success' });
    // the job disables the app right after WeCom got its answer; the owner opens the page again
    await eventually(shop.view, (r) => r.body.app?.disabledAt !== null);
    await page.reload();
    await see(/企业微信管理员已取消授权/);
    await see('生成授权二维码');
    await seen(page.locator('#wecom-agency')).scrollIntoViewIfNeeded();
    await shot('7-cancelled');
  });
});
