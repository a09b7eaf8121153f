// Headless Chromium (Debian's, driven by playwright-core, a fresh profile per launch) for the browser tests: no
// browser download, no network
// beyond loopback, a WeCom user agent and the stand-in JS bridge, screenshots kept under test-artifacts/.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bridgeScript, type BridgeOptions } from '@xiaoer/dev-services/wecom-standin/jsbridge';
import { chromium, type Browser, type Page } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The WeCom desktop client's user agent marker: @wecom/jssdk only registers inside WeCom. */
export const WECOM_USER_AGENT =
  'Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0 Mobile Safari/537.36 wxwork/4.1.22 MicroMessenger/7.0.1 Language/zh ColorScheme/Light';
const SCREENSHOTS = fileURLToPath(new URL('../../../test-artifacts/screenshots/', import.meta.url));

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
    ],
  });
}

/** A page sized like the WeCom sidebar, inside "WeCom": its user agent and the stand-in bridge. */
export async function sidebarPage(browser: Browser, bridge: BridgeOptions): Promise<Page> {
  const context = await browser.newContext({
    userAgent: WECOM_USER_AGENT,
    viewport: { width: 375, height: 760 },
    deviceScaleFactor: 2,
    locale: 'zh-CN',
  });
  await context.addInitScript(bridgeScript(bridge));
  return context.newPage();
}

/** The page as the user sees it; `fullPage` for pages that grow the document (Taro's H5 pages scroll inside it). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({
    path: join(SCREENSHOTS, `${name}.png`),
    fullPage: options.fullPage ?? true,
    animations: 'disabled',
  });
}

/** What the page asked the WeCom client to do (recorded by the stand-in bridge). */
export const bridgeCalls = (page: Page, name: string) =>
  page.evaluate(
    (n) =>
      (
        globalThis as unknown as { __wecomCalls: { name: string; params: Record<string, unknown> }[] }
      ).__wecomCalls.filter((c) => c.name === n),
    name,
  );
