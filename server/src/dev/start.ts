// `npm start`: the whole product on one machine with no configuration — local MongoDB and Redis (or the configured
// ones), the demo merchant, every role in one process — and the URLs to open. With `--empty` (`npm run demo:empty`)
// no demo merchant is seeded: the operator's sign-in is printed instead, to walk the whole setup.
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from '../config/env.js';
import { seedDemo } from '../demo/seed-demo.js';
import { createLogger } from '../logging/logger.js';
import { startProcess } from '../process/start-process.js';
import { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import { rainyDay, WeatherStandIn } from '@xiaoer/dev-services/weather-standin/server';
import { connectDemoWecom } from '../demo/demo-wecom.js';
import { prepareLocalEnvironment } from './local-services.js';
import { prepareEmptyStart } from './empty-start.js';
import { connectDemoSuite, demoSuiteTemplate, suiteEnv } from './demo-suite.js';
import { sendDemoPlatformPushes } from './demo-platform-pushes.js';

const empty = process.argv.includes('--empty');

const DEMO_WEATHER_LOCATION = { id: '101020600', name: '徐汇 · 上海市' };
const dataDir = fileURLToPath(new URL('../../../.data', import.meta.url));
const local = await prepareLocalEnvironment(process.env, dataDir);
// Without WeCom credentials the demo talks to the WeCom stand-in, which also plays the customers.
const standin = process.env.WECOM_API_BASE ? undefined : new WecomStandIn();
if (standin) {
  await standin.start();
  local.env.WECOM_API_BASE = standin.url;
  local.env.WECHAT_API_BASE = standin.url;
  local.env.WECOM_OAUTH_BASE = standin.url;
}
// ...and WeCom for a made-up 代开发 template, so owners may connect by scanning (way 2) unless a real one is set
const demoSuite = standin && !process.env.WECOM_SUITE_ID ? demoSuiteTemplate() : undefined;
if (demoSuite) Object.assign(local.env, suiteEnv(demoSuite));
// Without a QWeather key, the weather comes from its stand-in: rain tomorrow in the demo shop's district.
const weather = process.env.WEATHER_API_KEY ? undefined : new WeatherStandIn();
if (weather) {
  await weather.start();
  local.env.WEATHER_API_BASE = weather.url;
  local.env.WEATHER_API_KEY = weather.apiKey;
  weather.setDays(DEMO_WEATHER_LOCATION.id, [
    rainyDay(new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10)),
  ]);
}
const stopServices = async () => {
  await standin?.stop();
  await weather?.stop();
  await Promise.all(local.services.map((s) => s.stop()));
};

let config;
try {
  config = loadConfig(local.env);
} catch (e) {
  await stopServices();
  if (!(e instanceof ConfigError)) throw e;
  process.stderr.write(`xiaoer: ${e.message}\n`);
  process.exit(1);
}

const logger = createLogger(config.log);
const running = await startProcess(config, 'all', logger).catch(async (e: Error) => {
  await stopServices();
  process.stderr.write(`xiaoer: cannot start: ${e.message.split('\n')[0]}\n`);
  process.exit(1);
});
const url = running.url!;
if (standin && demoSuite) connectDemoSuite(standin, demoSuite, url);
const { lines, demoLine } = empty ? await startEmpty() : await startDemo();
const persistent = !local.descriptions.mongo.startsWith('minimongod');
// The demo login hands out an owner session to whoever asks: say so when others can reach it.
const exposed = !['127.0.0.1', '::1', 'localhost'].includes(config.http.host)
  ? `\n  WARNING        HOST=${config.http.host}: anyone who can reach this machine can use the demo login as the owner`
  : '';
console.log(`
  小二 Xiaoer is running.

  API            ${url}
  Ready check    ${url}/readyz${demoLine}${exposed}

  MongoDB        ${local.descriptions.mongo}
  Redis          ${local.descriptions.redis}${lines}
  ${persistent ? 'Data is kept in the configured MongoDB.' : 'Data is NOT kept: set MONGO_URI to a real MongoDB to keep it across restarts.'}
`);

async function startDemo() {
  const seeded = await seedDemo(running.container);
  if (weather && seeded.created)
    await running.container.repositories.merchants.setWeatherLocation(seeded.merchantId, DEMO_WEATHER_LOCATION);
  const demoWecom = standin ? await connectDemoWecom(running.container, seeded.merchantId, standin, url) : undefined;
  // 美团 and 抖音 verification pushes from their stand-in, once, when the demo shop is new
  const pushes = seeded.created ? await sendDemoPlatformPushes(running.container, seeded.merchantId, url) : undefined;
  const wecomLines = demoWecom
    ? `
  WeCom          stand-in at ${standin!.url} (no WeCom credentials configured)${
    weather
      ? `
  Weather        QWeather stand-in at ${weather.url} (rain tomorrow in 徐汇)`
      : ''
  }
  Sidebar        ${url}/sidebar/?corp=${demoWecom.corpId}   (a customer chat; add &entry=group for the VIP group)
  Owner console  ${url}/console/   (the mini-program's H5 build, signed in as the demo owner)
  Be a customer  curl -s -X POST ${standin!.url}/__standin/customers/add -d '{"corpId":"${demoWecom.corpId}","userid":"AMei","name":"王小姐","state":"table_card:8"}'
                 curl -s -X POST ${standin!.url}/__standin/kf/messages -d '{"openKfId":"${demoWecom.openKfId}","externalUserId":"wmDemo0001","text":"你们几点关门？"}'
  What WeCom saw curl -s ${standin!.url}/__standin/state`
    : '';
  const demoLine = `
  Demo login     curl -s -X POST ${url}/api/auth/demo-login -H 'content-type: application/json' -d '{"role":"owner"}'
  Demo merchant  茶语时光 (奶茶店) ${seeded.created ? `created: ${JSON.stringify(seeded.counts)}` : 'already present'}${
    pushes
      ? `
  Platform push  美团 验券 and 抖音 券核销 sent by their stand-in to ${pushes.meituanUrl} and …/push/douyin`
      : ''
  }`;
  return { lines: wecomLines, demoLine };
}

async function startEmpty() {
  const { lines } = await prepareEmptyStart(running.container, url, standin);
  return { lines, demoLine: '' };
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, async () => {
    await running.stop();
    await stopServices();
    process.exit(0);
  });
}
