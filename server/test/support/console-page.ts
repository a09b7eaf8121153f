// Driving the owner console's H5 build in the browser tests: Taro's H5 router keeps earlier pages in the document,
// hidden, so tests act on what the user sees, and a wait that times out says what the page showed instead.
import { wxBridgeScript } from '@xiaoer/dev-services/wecom-standin/wxbridge';
import type { Browser, Locator, Page } from 'playwright-core';

/** A phone-sized page (or a desktop browser's, for the operator). */
export async function consolePage(
  browser: Browser,
  viewport: { width: number; height: number } = { width: 390, height: 844 },
): Promise<Page> {
  const context = await browser.newContext({
    viewport,
    deviceScaleFactor: 2,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
  });
  return context.newPage();
}

/**
 * A phone-sized console signed in through WeChat: the page's wx.login is the stand-in's, answering for this openid
 * (bound to a staff member by the test), as the demo server hands it to a page outside WeChat.
 */
export async function wechatConsolePage(
  browser: Browser,
  standinUrl: string,
  openid: string,
  viewport?: { width: number; height: number },
): Promise<Page> {
  const page = await consolePage(browser, viewport);
  await page.context().addInitScript(wxBridgeScript(standinUrl, openid));
  return page;
}

/** The first match the user can see. */
export const seen = (l: Locator) => l.filter({ visible: true }).first();

/** Waits for text the user should see; on a timeout the error quotes the page. */
export async function expectToSee(p: Page, text: string | RegExp, timeout = 20_000): Promise<void> {
  await seen(p.getByText(text))
    .waitFor({ timeout })
    .catch(async () => {
      const shown = (await p.locator('body').innerText()).replace(/\s+/g, ' ').slice(0, 400);
      throw new Error(`「${text}」 did not appear; the page (${p.url()}) showed: ${shown}`);
    });
}

/** Opens one of the owner's pages as the owner does: the 我的 tab, then the page's entry there. */
export async function openFromMine(p: Page, entry: string): Promise<void> {
  await seen(p.locator('.taro-tabbar__tabbar').getByText('我的', { exact: true })).click();
  await seen(p.getByText(entry, { exact: true })).click();
}
