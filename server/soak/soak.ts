// `npm run soak`: the promise that any number of API and worker processes can share one MongoDB and Redis, tried
// under load and faults. 2 API + 2 worker processes (real children, `src/main.ts --role ...`) on one MongoDB-wire
// server and one Redis, behind a round-robin proxy; the WeCom stand-in plays a few hundred customers who add the
// shop and write on 微信客服, and the owner runs group sends. Mid-run Redis is restarted, and a worker is killed with
// SIGKILL while WeCom calls it made are in flight (a replacement starts, as under a supervisor). Then it asserts
// that every message was stored once and answered at most once, every new contact welcomed once, the inbox drained
// and the group-send results recorded, and reports throughput and answer latency. Bounded: it reports and exits by
// itself after SOAK_MAX_SECONDS; exit 1 when a check failed, 2 when the time bound cut it short.
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMongo } from '@xiaoer/dev-services/mongo';
import { startRedis } from '@xiaoer/dev-services/redis';
import { freePort } from '@xiaoer/dev-services/free-port';
import type { RunningService } from '@xiaoer/dev-services/child-process';
import { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import { loadConfig } from '../src/config/env.js';
import { connectDemoWecom } from '../src/demo/demo-wecom.js';
import { seededRandom } from '../src/demo/random.js';
import { seedDemo } from '../src/demo/seed-demo.js';
import { createLogger } from '../src/logging/logger.js';
import { offlineAnswer } from '../src/modules/ai/offline-engine.js';
import { openContainer } from '../src/process/open-container.js';
import { withDatabase } from '../test/support/test-config.js';
import { ANSWERABLE, playCustomer, watchStandIn, type CustomerPlan, type SoakCustomer } from './customers.js';
import { ownerToken, runGroupSend, type GroupSendRun } from './group-sends.js';
import { ProductProcess } from './product-process.js';
import { inboxSummary, printReport, type Faults } from './report.js';
import { startProxy } from './proxy.js';
import { attributeReplies, verify } from './verify.js';

const knob = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const CUSTOMERS = knob('SOAK_CUSTOMERS', 300);
const MESSAGES = knob('SOAK_MESSAGES', 3);
/** customers arrive over this window; they may go on writing for TAIL_MS more, then the load stops */
const LOAD_MS = knob('SOAK_LOAD_SECONDS', 45) * 1000;
const TAIL_MS = 20_000;
const MAX_MS = knob('SOAK_MAX_SECONDS', 240) * 1000;
const REPLY_WAIT_MS = 30_000;
const REDIS_DOWN_MS = 2000;

const started = Date.now();
const say = (line: string) => console.log(`[soak ${((Date.now() - started) / 1000).toFixed(1).padStart(6)} s] ${line}`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// Everything started is stopped on every way out, including the time bound.
const processes: ProductProcess[] = [];
const services: { stop(): Promise<void> }[] = [];
async function shutdown(): Promise<void> {
  await Promise.allSettled(processes.map((p) => p.stop(10_000)));
  for (const s of services.reverse()) await Promise.race([s.stop().catch(() => {}), sleep(5000)]);
}
const bound = setTimeout(() => {
  say(`time bound of ${MAX_MS / 1000} s reached: stopping without a verdict`);
  for (const p of processes) p.killNow();
  void shutdown().finally(() => process.exit(2));
}, MAX_MS);
process.once('SIGINT', () => {
  for (const p of processes) p.killNow();
  void shutdown().finally(() => process.exit(130));
});

/** n different free ports (the OS may hand the same free port out twice in a row). */
async function distinctFreePorts(n: number): Promise<number[]> {
  const ports = new Set<number>();
  while (ports.size < n) ports.add(await freePort());
  return [...ports];
}

async function soak(): Promise<number> {
  // --- the shared services: one MongoDB-wire server, one Redis (restartable on its port), the WeCom stand-in
  const mongo = await startMongo(process.env.MONGO_URI);
  services.push(mongo);
  const [redisPort, ...apiPorts] = await distinctFreePorts(3);
  let redis: RunningService = await startRedis(redisPort);
  services.push({ stop: () => redis.stop() });
  const standin = new WecomStandIn();
  await standin.start();
  services.push(standin);
  const watch = watchStandIn(standin);
  const proxy = await startProxy(apiPorts);
  services.push(proxy);
  // worker-1 reaches WeCom through a proxy of its own, where its answers can be held when it is killed
  const wecomGate = await startProxy([Number(new URL(standin.url).port)]);
  services.push(wecomGate);
  const logDir = mkdtempSync(join(tmpdir(), 'xiaoer-soak-'));

  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    NODE_ENV: 'development',
    HOST: '127.0.0.1',
    PUBLIC_URL: proxy.url,
    // a database of its own, dropped at the end (MONGO_URI may name a real MongoDB)
    MONGO_URI: withDatabase(mongo.url, `soak_${randomBytes(4).toString('hex')}`),
    REDIS_URL: redis.url,
    SESSION_SECRET: randomBytes(24).toString('hex'),
    MASTER_KEY: randomBytes(32).toString('hex'),
    DEMO_MODE: 'true',
    LOG_LEVEL: 'info',
    WECOM_API_BASE: standin.url,
    WECHAT_API_BASE: standin.url,
    WECOM_OAUTH_BASE: standin.url,
  };
  say(`MongoDB: ${mongo.description}; Redis: ${redis.description}; logs in ${logDir}`);

  // --- the demo merchant (bot mode always, offline engine), connected to the stand-in, its callbacks to the proxy
  const config = loadConfig({ ...env, LOG_LEVEL: 'error' });
  const c = await openContainer(config, createLogger(config.log));
  const { merchantId } = await seedDemo(c);
  const demo = await connectDemoWecom(c, merchantId, standin, proxy.url);
  // What customers ask, each with the offline engine's answer; only questions with distinct answers, so that a reply's
  // text names the question it answers.
  const kb = await c.knowledge.base.get(merchantId);
  const answers = ANSWERABLE.map((q) => [q, offlineAnswer(kb, q)] as const).filter(([, a]) => !a.needsHuman);
  const distinct = answers.filter(([, a]) => answers.filter(([, b]) => b.reply === a.reply).length === 1);
  const expected = new Map(distinct.map(([q, a]) => [q, a.reply]));
  await c.redis.quit();
  const db = c.mongo;
  services.push({ stop: () => db.dropDatabase().finally(() => db.close()) });
  say(`demo merchant seeded; customers ask ${expected.size} questions with distinct answers`);

  // --- 2 API and 2 worker processes
  const spawnProduct = (name: string, role: 'api' | 'worker', port = 0, wecom = standin.url) => {
    const p = new ProductProcess(name, role, { ...env, PORT: String(port), WECOM_API_BASE: wecom }, logDir);
    processes.push(p);
    return p;
  };
  const apis = apiPorts.map((port, i) => spawnProduct(`api-${i + 1}`, 'api', port));
  const workers = [spawnProduct('worker-1', 'worker', 0, wecomGate.url), spawnProduct('worker-2', 'worker')];
  await Promise.all([...apis, ...workers].map((p) => p.start()));
  const api = { base: proxy.url, token: await ownerToken(proxy.url) };
  say(`2 API processes (ports ${apiPorts.join(', ')}) behind ${proxy.url} and 2 workers started: load starts`);

  // --- the load, with the faults and the group sends at fixed points of it
  const loadStart = Date.now();
  const stopAt = loadStart + LOAD_MS + TAIL_MS;
  const random = seededRandom(20_261_123);
  const plan: CustomerPlan = {
    corpId: demo.corpId,
    openKfId: demo.openKfId,
    members: demo.staffUserIds,
    messages: MESSAGES,
    replyWaitMs: REPLY_WAIT_MS,
    questions: [...expected.keys()],
    stopAt,
  };
  const customers: SoakCustomer[] = [];
  const visits = Array.from({ length: CUSTOMERS }, async (_, i) => {
    await sleep((i * LOAD_MS) / CUSTOMERS);
    await playCustomer(standin, watch, plan, i, random, (customer) => customers.push(customer));
  });

  const groupSends: GroupSendRun[] = [];
  const sentTo = new Set<string>();
  async function groupSendAt(fraction: number, k: number) {
    await sleep(fraction * LOAD_MS);
    const sender = demo.staffUserIds[k % demo.staffUserIds.length]!;
    // customers of this member who were welcomed (their add has been handled), each in one send only
    const recipients = standin.state.welcomeMessages
      .filter((w) => w.userid === sender && !sentTo.has(w.externalUserId))
      .slice(0, 20)
      .map((w) => w.externalUserId);
    recipients.forEach((id) => sentTo.add(id));
    const run = await runGroupSend(api, db, standin, sender, recipients);
    groupSends.push(run);
    say(`group send from ${sender}: ${run.error ?? `${run.delivered}/${run.recipients} delivered`}`);
  }

  const faults: Faults = { redisDownAt: 0, redisUpAt: 0, killedAt: 0, heldAtKill: {}, replacedAt: 0 };
  const faulting = (async () => {
    await sleep(0.35 * LOAD_MS);
    say('Redis: stopping (its data is lost: locks, dedupe keys, token caches)');
    faults.redisDownAt = Date.now();
    await redis.stop();
    await sleep(REDIS_DOWN_MS);
    redis = await startRedis(redisPort);
    faults.redisUpAt = Date.now();
    say(`Redis: started again on port ${redisPort}`);
    await sleep(Math.max(0, loadStart + 0.5 * LOAD_MS - Date.now()));
    // The kill lands at the worst moment: WeCom has acted on calls of worker-1's that it is still waiting to hear
    // about (their answers are held on the way back) — a reply sent to a customer, a 微信客服 sync under the account's
    // lock, welcome messages — so it dies not knowing they went out, holding leases and the lock.
    const paths = ['/cgi-bin/kf/send_msg', '/cgi-bin/kf/sync_msg', '/cgi-bin/externalcontact/send_welcome_msg'];
    const hold = wecomGate.hold(paths);
    // (up to 10 s for a reply and a sync to be caught in flight)
    const caught = () => hold.held(paths[0]!) > 0 && hold.held(paths[1]!) > 0;
    for (const until = Date.now() + 10_000; Date.now() < until && !caught();) await sleep(20);
    faults.heldAtKill = Object.fromEntries(paths.map((p) => [p.split('/').slice(-2).join('/'), hold.held(p)]));
    say(`worker-1: SIGKILL with WeCom calls in flight ${JSON.stringify(faults.heldAtKill)}`);
    faults.killedAt = Date.now();
    await workers[0]!.kill();
    hold.release();
    await spawnProduct('worker-3', 'worker').start();
    faults.replacedAt = Date.now();
    say('worker-3 started');
  })();

  // Progress every 10 s: what is stored, answered and still in the inbox.
  const ours = () => customers.map((x) => x.externalUserId);
  async function progress(): Promise<{ busy: number; unstored: number }> {
    const written = customers.reduce((s, x) => s + x.messages.length, 0);
    const [busy, stored] = await Promise.all([
      db.collection('wecom_inbox').countDocuments({ status: { $in: ['pending', 'processing'] } }),
      db.collection('messages').countDocuments({ direction: 'in', externalUserId: { $in: ours() } }),
    ]);
    const replies = standin.state.kfSent.length;
    say(`${customers.length} customers, ${written} messages, ${stored} stored, ${replies} replies; inbox ${busy} due`);
    return { busy, unstored: written - stored };
  }
  const ticker = setInterval(() => void progress().catch(() => {}), 10_000);
  await Promise.all([...visits, faulting, groupSendAt(0.25, 0), groupSendAt(0.55, 1), groupSendAt(0.8, 2)]);
  const loadEnd = Date.now();
  clearInterval(ticker);
  say(`load done: ${customers.length} customers, ${customers.reduce((s, x) => s + x.messages.length, 0)} messages`);

  // --- drain: wait (bounded) until the inbox has nothing due or in a lease and every message is stored
  const drainDeadline = started + MAX_MS - 30_000;
  for (;;) {
    const { busy, unstored } = await progress();
    if (busy === 0 && unstored === 0) break;
    if (Date.now() > drainDeadline) {
      say('drain deadline reached');
      break;
    }
    await sleep(5000);
  }
  const drainedAt = Date.now();

  // --- verdict and figures
  const attribution = attributeReplies(standin, customers, expected);
  const checks = await verify({ standin, db, customers, answered: attribution.messages, groupSends, started });
  const inbox = await inboxSummary(db);
  const times = { started, loadStart, loadEnd, drainedAt };
  printReport({ checks, attribution, customers, groupSends, faults, proxy, watch, logDir, ...times, inbox });
  const failed = checks.filter((ch) => !ch.ok).length;
  console.log(failed ? `\nsoak FAILED: ${failed} check(s) failed` : '\nsoak passed');
  return failed ? 1 : 0;
}

const code = await soak().catch((e: Error) => {
  say(`soak could not run: ${e.stack ?? e.message}`);
  return 1;
});
clearTimeout(bound);
await shutdown();
process.exit(code);
