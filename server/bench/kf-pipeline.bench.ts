// The bot's own overhead, from a customer's message on 微信客服 to our kf/send_msg call: callback delivery,
// intake, inbox, sync_msg, knowledge retrieval, the LLM call (an OpenAI-compatible stand-in answering at once, so
// LLM time is excluded), guardrails and the send. 20 conversations at once, 10 messages each, measured once the
// work the demo seed sets off (tagging, tag pushes, drafts) has settled; database commands counted over that window,
// background jobs included (BENCH_BREAKDOWN=1 lists them by command and collection).
// Then fairness, with the offline engine: one customer floods 300 messages and another customer writes right after;
// that customer's answer time is compared with a quiet one's.
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import { seedDemo } from '../src/demo/seed-demo.js';
import { connectDemoWecom } from '../src/demo/demo-wecom.js';
import { createLogger } from '../src/logging/logger.js';
import { startProcess } from '../src/process/start-process.js';
import { benchServices } from './bench-services.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20);
const MESSAGES = 10;
const FLOOD = Number(process.env.BENCH_FLOOD ?? 300);

const standin = new WecomStandIn();
await standin.start();
const llm = new LlmStandIn();
await llm.start();
llm.fallback = (req) => {
  const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1] ?? '';
  return {
    content: JSON.stringify({
      reply: '杨枝甘露中杯18元，大杯加3元。',
      confidence: 0.9,
      needsHuman: false,
      reason: 'menu',
      citedIds: [id],
      proposedTags: [],
    }),
  };
};

const services = await benchServices({ WECOM_API_BASE: standin.url, INBOX_POLL_MS: '1000' }, { monitorCommands: true });
const { mongo, config } = services;
const running = await startProcess(config, 'all', createLogger(config.log));
const c = running.container;
const { merchantId } = await seedDemo(c);
const demo = await connectDemoWecom(c, merchantId, standin, running.url!);
await c.repositories.merchants.setAutoReplyMode(merchantId, 'always');
await c.ai.llm.save(merchantId, {
  baseUrl: llm.url,
  model: 'bench',
  apiKey: 'sk-bench-000000',
  dailyTokenBudget: 100_000_000,
});
await c.knowledge.base.changed(merchantId);

// Resolve a waiter when our server calls kf/send_msg for a customer.
const waiting = new Map<string, () => void>();
const call = standin.call.bind(standin);
standin.call = (method, path, query, body) => {
  const result = call(method, path, query, body);
  if (path === '/cgi-bin/kf/send_msg') waiting.get(String(body.touser))?.();
  return result;
};

/** Waits until no background job is running or due (the seed's follow-up work done), at most two minutes. */
async function settled(): Promise<void> {
  const jobs = c.mongo.collection('jobs');
  const deadline = Date.now() + 120_000;
  let quietSince = Date.now();
  while (Date.now() < deadline) {
    const busy = await jobs.countDocuments({ $or: [{ lockedAt: { $ne: null } }, { nextRunAt: { $lte: new Date() } }] });
    if (busy) quietSince = Date.now();
    else if (Date.now() - quietSince >= 1500) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  console.log('background jobs still busy after 2 minutes: measuring anyway');
}
await settled();

// Database round trips per message: the figure that carries over to any MongoDB, whatever its latency.
let commands = 0;
const byCommand = new Map<string, number>();
c.mongo.getClient().on('commandStarted', (e) => {
  if (!counting.on) return;
  commands++;
  const cmd = e.command as Record<string, unknown>;
  const keys = (o: unknown) => Object.keys((o as object) ?? {});
  const detail =
    e.commandName === 'findAndModify' ? ` ${keys(cmd.update).join('+')} ${JSON.stringify(keys(cmd.query))}` : '';
  const key = `${e.commandName} ${String(cmd[e.commandName] ?? '')}${detail}`;
  byCommand.set(key, (byCommand.get(key) ?? 0) + 1);
});
const latencies: number[] = [];
const acks: number[] = [];
/** A customer writes and we wait for our kf/send_msg to them: ms from writing to the reply, and to the ack. */
async function ask(customer: string, text = '杨枝甘露多少钱') {
  const replied = new Promise<void>((resolve) => waiting.set(customer, resolve));
  const started = performance.now();
  await standin.customers.writesToKf(demo.openKfId, customer, text);
  const ack = performance.now() - started;
  await replied;
  return { ack, reply: performance.now() - started };
}
const counting = { on: true };
await Promise.all(
  Array.from({ length: CONVERSATIONS }, async (_, i) => {
    const customer = `wmBench${i}`;
    for (let m = 0; m < MESSAGES; m++) {
      const { ack, reply } = await ask(customer);
      acks.push(ack);
      latencies.push(reply);
    }
  }),
);
counting.on = false;
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.floor(p * (latencies.length - 1))]!.toFixed(1);
console.log(
  `KF message → kf/send_msg, ${CONVERSATIONS} concurrent conversations × ${MESSAGES} messages (MongoDB: ${mongo.description})`,
);
console.table({ 'p50 ms': q(0.5), 'p95 ms': q(0.95), 'p99 ms': q(0.99), 'max ms': q(1) });
acks.sort((a, b) => a - b);
console.log(
  `callback acknowledged: p50 ${acks[Math.floor(acks.length / 2)]!.toFixed(1)} ms, p95 ${acks[Math.floor(acks.length * 0.95)]!.toFixed(1)} ms`,
);
console.log(
  `database commands per message: ${(commands / (CONVERSATIONS * MESSAGES)).toFixed(1)} (background jobs included)`,
);
console.log(`LLM calls: ${llm.seen.length}, replies sent: ${standin.state.kfSent.length}`);
if (process.env.BENCH_BREAKDOWN) {
  const per = (n: number) => (n / (CONVERSATIONS * MESSAGES)).toFixed(2);
  console.table(Object.fromEntries([...byCommand].sort((a, b) => b[1] - a[1]).map(([k, n]) => [k, per(n)])));
}

// Fairness, offline engine (no LLM configured): a quiet answer, then one right after a 300-message flood.
await c.mongo.collection('llm_settings').deleteMany({});
await c.knowledge.base.changed(merchantId);
await settled();
const quiet = await ask('wmQuiet');
const floodStarted = performance.now();
for (let i = 0; i < FLOOD; i++) await standin.customers.writesToKf(demo.openKfId, 'wmFlood', `杨枝甘露多少钱${i}`);
const floodWritten = performance.now() - floodStarted;
const during = await ask('wmAfterFlood');
console.log(
  `fairness (offline engine): another customer's answer ${quiet.reply.toFixed(0)} ms when quiet, ` +
    `${during.reply.toFixed(0)} ms right after one customer wrote ${FLOOD} messages ` +
    `(in ${(floodWritten / 1000).toFixed(1)} s): ` +
    `delayed by ${(during.reply - quiet.reply).toFixed(0)} ms`,
);

await running.stop();
await standin.stop();
await llm.stop();
await services.stop();
// Agenda leaves a timer per job run that has finished (its lock-liveness check, up to lockLifetime / 2, 15 min):
// the server's own entry point exits explicitly after stopping for the same reason (src/main.ts).
process.exit(0);
