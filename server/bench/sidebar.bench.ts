// The sidebar's two figures: first-load JavaScript (gzipped, everything index.html loads before the first render)
// and first meaningful render in headless Chromium — from opening the page (with WeCom's OAuth round trip, JS-SDK
// registration and the API calls) to the customer's name on screen, on the demo merchant.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import { seedDemo } from '../src/demo/seed-demo.js';
import { connectDemoWecom } from '../src/demo/demo-wecom.js';
import { createLogger } from '../src/logging/logger.js';
import { startProcess } from '../src/process/start-process.js';
import { launchChromium, sidebarPage } from '../test/support/browser.js';
import { benchServices } from './bench-services.js';

const RUNS = 7;
const dist = fileURLToPath(new URL('../../client-sidebar/dist/', import.meta.url));
const html = readFileSync(`${dist}index.html`, 'utf8');
const scripts = [
  ...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="\/sidebar\/([^"]+\.js)"/g),
].map((m) => m[1]!);
const gz = scripts.reduce((sum, file) => sum + gzipSync(readFileSync(`${dist}${file}`)).length, 0);

const standin = new WecomStandIn();
await standin.start();
const services = await benchServices({
  WECOM_API_BASE: standin.url,
  WECHAT_API_BASE: standin.url,
  WECOM_OAUTH_BASE: standin.url,
  DEMO_MODE: 'true',
});
const running = await startProcess(services.config, 'api', createLogger(services.config.log));
const c = running.container;
const { merchantId } = await seedDemo(c);
const demo = await connectDemoWecom(c, merchantId, standin, running.url!);
const [customer] = (await c.repositories.customers.list(merchantId, { limit: 1 })).items;

const browser = await launchChromium();
const times: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const page = await sidebarPage(browser, {
    base: standin.url,
    corpId: demo.corpId,
    entry: 'single_chat_tools',
    externalUserId: customer!.externalUserId!,
  });
  const started = performance.now();
  await page.goto(`${running.url}/sidebar/?corp=${demo.corpId}`);
  await page.locator('[data-ready=customer] [data-testid=customer-name]').waitFor();
  times.push(performance.now() - started);
  await page.context().close();
}
times.sort((a, b) => a - b);
console.log('sidebar (client-sidebar/dist, served by the API; headless Chromium, cold cache each run)');
console.table({
  'first-load JS, gzipped': `${(gz / 1024).toFixed(1)} KB in ${scripts.length} file(s) (budget 150 KB)`,
  'first meaningful render, median': `${times[Math.floor(times.length / 2)]!.toFixed(0)} ms (aim < 1500 ms)`,
  'first meaningful render, worst': `${times.at(-1)!.toFixed(0)} ms over ${RUNS} runs`,
});

if (gz > 150 * 1024) {
  console.error('first-load JavaScript is over the 150 KB budget');
  process.exitCode = 1;
}

await browser.close();
await running.stop();
await standin.stop();
await services.stop();
