// The sidebar's 客服消息 in headless Chromium: a customer's after-hours voice note and photo, acknowledged by the bot
// and handed over, are there for staff — the picture shown, the voice note playable in the browser.
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { launchChromium, screenshot, sidebarPage } from '../support/browser.js';
import { amrVoice } from '../support/kf-media-fixtures.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

const DIST = fileURLToPath(new URL('../../../client-sidebar/dist/index.html', import.meta.url));
/** a photo a customer might send: the demo's 240×160 card */
const PHOTO = readFileSync(
  fileURLToPath(new URL('../../../client-sidebar/public/demo/welcome-card.png', import.meta.url)),
);

let w: WecomTestApp;
let browser: Browser;
let externalUserId: string;

beforeAll(async () => {
  if (!existsSync(DIST))
    throw new Error('client-sidebar is not built: run `npm run build -w client-sidebar` (npm test does)');
  w = await startWecomTestApp({ role: 'all', autoReply: 'after_hours', env: { JOBS_POLL_MS: '100' } });
  const { app, tenant } = w;
  // closed every day: after hours whenever the test runs
  await app.request('/api/merchant/business-hours', {
    method: 'PUT',
    token: tenant.tokens.owner,
    body: { businessHours: [], holidays: [] },
  });
  ({ externalUserId } = await w.standin.customers.addsMember(w.corpId, tenant.people.staff.wecomUserId, {
    name: '赵先生',
  }));
  await vi.waitFor(
    async () => {
      if (!(await app.container.repositories.customers.findByExternalUserId(tenant.merchantId, externalUserId)))
        throw new Error('the customer is not stored yet');
    },
    { timeout: 10_000 },
  );
  const openKfId = w.credentials.kfAccounts[0]!.openKfId;
  for (const [kind, content, type] of [
    ['voice', amrVoice(2), 'audio/amr'],
    ['image', PHOTO, 'image/png'],
  ] as const) {
    const mediaId = w.standin.customers.sendsMedia(w.corpId, kind, content, type);
    await w.standin.customers.sendsToKf(openKfId, externalUserId, kind, { media_id: mediaId });
  }
  // the worker role handles the callbacks in the background: the voice note is acknowledged (then a person serves)
  await vi.waitFor(
    () => {
      if (!w.standin.state.kfSent.some((m) => m.touser === externalUserId)) throw new Error('not acknowledged yet');
    },
    { timeout: 10_000 },
  );
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await w?.close();
});

describe('客服消息 in the sidebar', () => {
  let page: Page;
  beforeAll(async () => {
    page = await sidebarPage(browser, {
      base: w.standin.url,
      corpId: w.corpId,
      entry: 'single_kf_tools',
      externalUserId,
    });
  });

  it('shows the photo and plays the voice note the bot handed over', async () => {
    await page.goto(`${w.app.url}/sidebar/?corp=${w.corpId}`);
    await page.getByRole('tab', { name: '客服消息' }).click();
    await page.locator('[data-ready="conversation"]').waitFor();
    await vi.waitFor(
      async () => {
        await page.getByRole('button', { name: '刷新' }).click();
        await page.locator('.kf-image').waitFor({ timeout: 1000 });
      },
      { timeout: 10_000 },
    );
    // the picture loaded (a broken image has no natural width)
    await vi.waitFor(async () =>
      expect(
        await page.locator('.kf-image').evaluate((img: unknown) => (img as { naturalWidth: number }).naturalWidth),
      ).toBe(240),
    );
    // the voice note: the browser reads its length from the WAV the server decoded (AMR it could not)
    type Audio = {
      readyState: number;
      duration: number;
      load(): void;
      addEventListener(event: string, then: () => void): void;
    };
    const seconds = await page.locator('.kf-voice').evaluate(
      (element: unknown) =>
        new Promise<number>((resolve, reject) => {
          const audio = element as Audio;
          if (audio.readyState >= 1) return resolve(audio.duration);
          audio.addEventListener('loadedmetadata', () => resolve(audio.duration));
          audio.addEventListener('error', () => reject(new Error('the voice note does not play')));
          audio.load();
        }),
    );
    expect(seconds).toBeGreaterThan(1.5);
    expect(await page.getByRole('link', { name: '下载原语音（AMR）' }).count()).toBe(1);
    expect(await page.locator('.kf-out').first().textContent()).toContain('收到您的语音啦，店员看到后马上回复您～');
    await screenshot(page, 'sidebar-kf-media');
  });

  it('shows what a customer who is not a contact sent to 微信客服, where there is no profile', async () => {
    const mediaId = w.standin.customers.sendsMedia(w.corpId, 'image', PHOTO, 'image/png');
    await w.standin.customers.sendsToKf(w.credentials.kfAccounts[0]!.openKfId, 'wmKfOnly', 'image', {
      media_id: mediaId,
    });
    await vi.waitFor(
      () => {
        if (!w.standin.state.kfSent.some((m) => m.touser === 'wmKfOnly')) throw new Error('not acknowledged yet');
      },
      { timeout: 10_000 },
    );
    const visitor = await sidebarPage(browser, {
      base: w.standin.url,
      corpId: w.corpId,
      entry: 'single_kf_tools',
      externalUserId: 'wmKfOnly',
    });
    await visitor.goto(`${w.app.url}/sidebar/?corp=${w.corpId}`);
    await visitor.locator('[data-ready="kf-only"] [data-ready="conversation"]').waitFor();
    await visitor.locator('.kf-image').waitFor();
    expect(await visitor.locator('.kf-out').textContent()).toContain('收到您的图片啦');
  });
});
