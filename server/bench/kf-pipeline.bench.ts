// The bot's own overhead, from a customer's message on 微信客服 to our kf/send_msg call: callback delivery,
// intake, inbox, sync_msg, knowledge retrieval, the LLM call (an OpenAI-compatible stand-in answering at once, so
// LLM time is excluded), guardrails and the send. 20 conversations at once, 10 messages each.
import { LlmStandIn } from '@xiaoer/dev-services/llm-standin/server';
import { WecomStandIn } from '@xiaoer/dev-services/wecom-standin/server';
import { seedDemo } from '../src/demo/seed-demo.js';
import { connectDemoWecom } from '../src/demo/demo-wecom.js';
import { createLogger } from '../src/logging/logger.js';
import { startProcess } from '../src/process/start-process.js';
import { benchServices } from './bench-services.js';

const CONVERSATIONS = Number(process.env.BENCH_CONVERSATIONS ?? 20);
const MESSAGES = 10;

const standin = new WecomStandIn();
await standin.start();
const llm = new LlmStandIn();
await llm.start();
llm.fallback = (req) => {
  const id = /\[(product:[0-9a-f]{24})\] 杨枝甘露/.exec(req.messages[0]!.content)?.[1] ?? '';
  return { content: JSON.stringify({ reply: '杨枝甘露中杯18元，大杯加3元。', confidence: 0.9, needsHuman: false, reason: 'menu', citedIds: [id], proposedTags: [] }) };
};

const services = await benchServices({ WECOM_API_BASE: standin.url, INBOX_POLL_MS: '1000' }, { monitorCommands: true });
const { mongo, config } = services;
const running = await startProcess(config, 'all', createLogger(config.log));
const c = running.container;
const { merchantId } = await seedDemo(c);
const demo = await connectDemoWecom(c, merchantId, standin, running.url!);
await c.repositories.merchants.setAutoReplyMode(merchantId, 'always');
await c.ai.llm.save(merchantId, { baseUrl: llm.url, model: 'bench', apiKey: 'sk-bench-000000', dailyTokenBudget: 100_000_000 });
await c.ai.knowledge.changed(merchantId);

// Resolve a waiter when our server calls kf/send_msg for a customer.
const waiting = new Map<string, () => void>();
const call = standin.call.bind(standin);
standin.call = (method, path, query, body) => {
  const result = call(method, path, query, body);
  if (path === '/cgi-bin/kf/send_msg') waiting.get(String(body.touser))?.();
  return result;
};

// Database round trips per message: the figure that carries over to any MongoDB, whatever its latency.
let commands = 0;
c.mongo.getClient().on('commandStarted', () => commands++);
const latencies: number[] = [];
const acks: number[] = [];
await Promise.all(
  Array.from({ length: CONVERSATIONS }, async (_, i) => {
    const customer = `wmBench${i}`;
    for (let m = 0; m < MESSAGES; m++) {
      const replied = new Promise<void>((resolve) => waiting.set(customer, resolve));
      const started = performance.now();
      await standin.customers.writesToKf(demo.openKfId, customer, '杨枝甘露多少钱');
      acks.push(performance.now() - started);
      await replied;
      latencies.push(performance.now() - started);
    }
  }),
);
latencies.sort((a, b) => a - b);
const q = (p: number) => latencies[Math.floor(p * (latencies.length - 1))]!.toFixed(1);
console.log(`KF message → kf/send_msg, ${CONVERSATIONS} concurrent conversations × ${MESSAGES} messages (MongoDB: ${mongo.description})`);
console.table({ 'p50 ms': q(0.5), 'p95 ms': q(0.95), 'p99 ms': q(0.99), 'max ms': q(1) });
acks.sort((a, b) => a - b);
console.log(`callback acknowledged: p50 ${acks[Math.floor(acks.length / 2)]!.toFixed(1)} ms, p95 ${acks[Math.floor(acks.length * 0.95)]!.toFixed(1)} ms`);
console.log(`database commands per message: ${(commands / (CONVERSATIONS * MESSAGES)).toFixed(1)} (background jobs included)`);
console.log(`LLM calls: ${llm.seen.length}, replies sent: ${standin.state.kfSent.length}`);

await running.stop();
await standin.stop();
await llm.stop();
await services.stop();
