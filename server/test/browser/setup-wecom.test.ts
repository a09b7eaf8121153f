// The owner connects the shop's self-built WeCom app in the console (seed 001's SOP, way 1), in headless Chromium
// against the real server and the WeCom stand-in, whose admin console (its /__standin/admin/* controls) plays the
// corp's admin: a wrong Secret refused under its field; the app saved; the URL, Token and EncodingAESKey shown on the
// page pasted into 接收消息 and WeCom's verification seen arriving; the checks run, failing then passing as the admin
// fixes things; a 微信客服 account chosen (one the app may not manage cannot be). A screenshot per step.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { wxBridgeScript } from '@xiaoer/dev-services/wecom-standin/wxbridge';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot } from '../support/browser.js';
import { newShopWithCorp, setupCalls, type ShopWithCorp } from '../support/wecom-setup.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

vi.setConfig({ testTimeout: 60_000 });

const DIST = fileURLToPath(new URL('../../../client-miniprogram/dist-h5/index.html', import.meta.url));
const OWNER_OPENID = 'o_owner_setup_wecom';
const EGRESS_IP = '203.0.113.7';

let w: WecomTestApp;
let shop: ShopWithCorp;
let browser: Browser;
let page: Page;

const seen = (l: Locator) => l.filter({ visible: true }).first();
/** Waits for what the owner should see; on a timeout the error quotes what the page showed instead. */
async function expectToSee(text: string | RegExp, timeout = 20_000): Promise<void> {
  await seen(page.getByText(text))
    .waitFor({ timeout })
    .catch(async () => {
      const shown = (await page.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 400);
      throw new Error(`「${text}」 did not appear; the page (${page.url()}) showed: ${shown}`);
    });
}
const shot = (name: string) => screenshot(page, `setup-wecom-${name}`, { fullPage: false });
const card = (id: string) => seen(page.locator(`#${id}`));
const field = (name: string) => seen(page.locator(`[data-field=${name}] input`));
/** The value the page shows to paste (what the owner copies). */
const pasteValue = async (key: string) =>
  (await seen(page.locator(`[data-paste=${key}] .wecom-value`)).textContent())!.trim();

/** The WeCom admin, through the stand-in's admin console as a demo or a browser would drive it. */
async function admin(action: string, body: Record<string, unknown>): Promise<{ ok?: boolean; error?: string }> {
  const res = await fetch(`${w.standin.url}/__standin/admin/${action}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ corpId: shop.corp.corpId, ...body }),
  });
  return (await res.json()) as { ok?: boolean; error?: string };
}

beforeAll(async () => {
  if (!existsSync(DIST)) throw new Error('the console is not built: run `npm run build:h5 -w client-miniprogram`');
  w = await startWecomTestApp({ role: 'api', env: { EGRESS_IPS: EGRESS_IP } });
  shop = await newShopWithCorp(w);
  await w.app.container.repositories.staff.bindMiniProgram(
    shop.tenant.merchantId,
    shop.tenant.people.owner._id,
    OWNER_OPENID,
  );
  browser = await launchChromium();
  const context = await browser.newContext({
    viewport: { width: 390, height: 844 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  await context.addInitScript(wxBridgeScript(w.standin.url, OWNER_OPENID));
  page = await context.newPage();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('connecting the self-built WeCom app', () => {
  it('signs the owner in and opens the WeCom setup, nothing saved yet', async () => {
    await page.goto(`${w.app.url}/console/`);
    await seen(page.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).waitFor({ timeout: 20_000 });
    await page.goto(`${w.app.url}/console/#/pages/setup-wecom/index`);
    await expectToSee('1. 应用信息');
    expect(await page.locator('#wecom-paste').count()).toBe(0);
    await shot('1-empty');
  });

  it('checks the form before sending, and shows WeCom refusing a wrong Secret under its field', async () => {
    await seen(page.getByText('保存并生成回调密钥')).click();
    await expectToSee(/企业ID 是 ww 开头/);
    await expectToSee(/请填写应用的 AgentId/);
    await field('corpId').fill(shop.corp.corpId);
    await field('agentId').fill(String(shop.corp.agentId));
    await field('secret').fill(`${shop.corp.secret.slice(0, -4)}AAAA`);
    await seen(page.getByText('保存并生成回调密钥')).click();
    await expectToSee(/应用 Secret 不正确（错误码 40001）/);
    expect(await seen(page.locator('[data-field=secret] .wecom-error')).textContent()).toContain('查看 Secret');
    expect((await setupCalls(w, shop.owner).view()).body.app).toBeNull();
    await shot('2-wrong-secret');
  });

  it('saves the app and says what to paste where, with copy buttons', async () => {
    await field('secret').fill(shop.corp.secret);
    await seen(page.getByText('保存并生成回调密钥')).click();
    await expectToSee('2. 填到企业微信管理后台');
    const saved = (await setupCalls(w, shop.owner).view()).body;
    expect(await pasteValue('callbackUrl')).toBe(`${w.app.url}/wecom/callback/${shop.corp.corpId}`);
    expect(await pasteValue('token')).toBe(saved.app.callbackToken);
    expect(await pasteValue('encodingAesKey')).toBe(saved.app.encodingAesKey);
    expect(await pasteValue('egressIps')).toBe(EGRESS_IP);
    expect(await pasteValue('trustedDomain')).toBe(new URL(w.app.url).host);
    expect(await card('wecom-paste').locator('text=复制').count()).toBe(5);
    await expectToSee(/等待企业微信验证回调地址/);
    // the Secret is never shown again: only its hint, as the placeholder of an empty field
    expect(await field('secret').inputValue()).toBe('');
    expect(await page.content()).not.toContain(shop.corp.secret);
    await card('wecom-paste').scrollIntoViewIfNeeded();
    await shot('3-paste');
  });

  it('notices WeCom verifying the callback URL once the admin pastes what the page shows', async () => {
    const pasted = {
      url: await pasteValue('callbackUrl'),
      token: await pasteValue('token'),
      encodingAesKey: await pasteValue('encodingAesKey'),
    };
    expect(await admin('save-callback', pasted)).toEqual({ ok: true });
    // no reload: the page polls until WeCom's verification arrives
    await seen(page.locator('#wecom-callback-status').getByText('企业微信已验证回调地址')).waitFor({ timeout: 10_000 });
    await seen(page.locator('#wecom-callback-status')).scrollIntoViewIfNeeded();
    await shot('4-verified');
  });

  it('runs the checks: what the admin has not done yet fails with the fix, then passes once done', async () => {
    await seen(card('wecom-checks').getByText('检查', { exact: true })).click();
    await seen(page.locator('[data-role=summary]')).waitFor();
    const status = (key: string) => seen(page.locator(`[data-check="${key}"]`)).getAttribute('data-status');
    expect(await status('callback_verified')).toBe('ok');
    expect(await status('trusted_ip')).not.toBe('ok');
    expect(await seen(page.locator('[data-check="trusted_ip"]')).textContent()).toContain('怎么改');
    await seen(page.locator('[data-check="trusted_ip"]')).scrollIntoViewIfNeeded();
    await shot('5-checks-failing');

    expect(await admin('set-trusted-ips', {})).toEqual({ ok: true });
    await admin('set-trusted-domain', { domain: await pasteValue('trustedDomain') });
    await admin('set-permissions', { customerContact: true, kf: true, kfManaged: [shop.kfAccounts[0]!.openKfId] });
    await seen(card('wecom-checks').getByText('再检查一次')).click();
    await vi.waitFor(async () => expect(await status('trusted_ip')).toBe('ok'), { timeout: 15_000 });
    for (const key of ['secret', 'callback_verified', 'customer_contact', 'jssdk_domain', 'kf_api'])
      expect({ key, status: await status(key) }).toEqual({ key, status: 'ok' });
    await seen(page.locator('[data-role=summary]')).scrollIntoViewIfNeeded();
    await shot('6-checks-passing');
  });

  it('chooses the 微信客服 account the bot serves; one the app may not manage cannot be chosen and says why', async () => {
    const kf = card('wecom-kf');
    await seen(kf.getByText('刷新')).click();
    const [served, other] = shop.kfAccounts;
    const box = (id: string) => seen(page.locator(`[data-kf="${id}"]`));
    await box(served!.openKfId).waitFor({ timeout: 15_000 });
    expect(await box(other!.openKfId).getAttribute('aria-disabled')).toBe('true');
    expect(await box(other!.openKfId).textContent()).toContain('可管理的客服账号');
    await box(other!.openKfId).click({ force: true }); // a tap on it changes nothing
    expect(await box(other!.openKfId).getAttribute('aria-checked')).toBe('false');
    await box(served!.openKfId).click();
    expect(await box(served!.openKfId).getAttribute('aria-checked')).toBe('true');
    await seen(kf.getByText('保存选择')).click();
    await vi.waitFor(async () =>
      expect((await setupCalls(w, shop.owner).view()).body.kfAccounts).toEqual([
        { openKfId: served!.openKfId, name: served!.name },
      ]),
    );
    await card('wecom-kf').scrollIntoViewIfNeeded();
    await shot('7-kf-chosen');
  });
  it('makes new callback keys only once the owner confirms; WeCom must then verify again', async () => {
    const oldToken = await pasteValue('token');
    const regenerate = () => seen(card('wecom-paste').getByText('重新生成密钥')).click();
    await regenerate();
    await expectToSee('重新生成 Token 和 EncodingAESKey？');
    await shot('8-regenerate-confirm');
    await seen(page.getByText('取消', { exact: true })).click();
    expect((await setupCalls(w, shop.owner).view()).body.app.callbackToken).toBe(oldToken);

    await regenerate();
    await seen(page.getByText('确定', { exact: true })).click();
    await expectToSee(/等待企业微信验证回调地址/);
    const token = await pasteValue('token');
    expect(token).not.toBe(oldToken);
    expect(
      await admin('save-callback', {
        url: await pasteValue('callbackUrl'),
        token,
        encodingAesKey: await pasteValue('encodingAesKey'),
      }),
    ).toEqual({ ok: true });
    await seen(page.locator('#wecom-callback-status').getByText('企业微信已验证回调地址')).waitFor({ timeout: 10_000 });
  });
  it('reads on a desktop browser too', async () => {
    await page.setViewportSize({ width: 1280, height: 860 });
    await card('wecom-app').scrollIntoViewIfNeeded();
    await expectToSee('1. 应用信息');
    await shot('9-desktop');
  });
});
