// `npm run bench`: latency of the staff-facing API on the demo merchant's data (200 customers, ~4,000 orders).
// It uses MONGO_URI / REDIS_URL when set (measure against real MongoDB for production figures), else local stand-ins;
// with minimongod the figures measure our code plus an in-memory scan, not MongoDB.
import { seedDemo } from '../src/demo/seed-demo.js';
import { createLogger } from '../src/logging/logger.js';
import { startProcess } from '../src/process/start-process.js';
import { benchServices } from './bench-services.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 400);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 8);

const services = await benchServices({ DEMO_MODE: 'true' });
const { mongo, config } = services;
const running = await startProcess(config, 'api', createLogger(config.log));
const seedStarted = performance.now();
await seedDemo(running.container);
const seedMs = performance.now() - seedStarted;

const base = running.url!;
const { token } = (await (
  await fetch(`${base}/api/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"role":"manager"}',
  })
).json()) as { token: string };
const auth = { authorization: `Bearer ${token}` };
const firstPage = (await (await fetch(`${base}/api/customers?limit=20`, { headers: auth })).json()) as {
  items: { id: string }[];
  nextCursor: string;
};

async function measure(name: string, path: (i: number) => string) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const t = performance.now();
        const res = await fetch(base + path(i), { headers: auth });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`${name}: HTTP ${res.status}`);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))]!.toFixed(1);
  return {
    endpoint: name,
    requests: REQUESTS,
    concurrency: CONCURRENCY,
    'req/s': Math.round(REQUESTS / seconds),
    'p50 ms': pct(50),
    'p95 ms': pct(95),
    'p99 ms': pct(99),
  };
}

const rows = [
  await measure('GET /healthz', () => '/healthz'),
  await measure('GET /api/customers/:id', (i) => `/api/customers/${firstPage.items[i % firstPage.items.length]!.id}`),
  await measure('GET /api/customers (first page)', () => '/api/customers?limit=20'),
  await measure('GET /api/customers (second page)', () => `/api/customers?limit=20&cursor=${firstPage.nextCursor}`),
  await measure('GET /api/customers?tag=', () => `/api/customers?limit=20&tag=${encodeURIComponent('少糖党')}`),
];
console.log(`MongoDB: ${mongo.description}`);
console.log(`demo seed: ${Math.round(seedMs)} ms`);
console.table(rows);

await running.container.mongo.dropDatabase();
await running.stop();
await services.stop();
