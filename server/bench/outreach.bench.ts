// Issue 5's figures: a scenario scan over many merchants with a year of orders each (time to find every due action
// and create its drafts), the owner-alert scan over the same merchants (200 stock items each), and report generation
// for one merchant with 100,000 orders.
// Knobs: BENCH_MERCHANTS (10), BENCH_CUSTOMERS (per merchant, 2,000), BENCH_REPORT_ORDERS (10,000). The targets'
// scale (10,000 customers each, a 100,000-order report) needs a real MongoDB: MONGO_URI=… BENCH_CUSTOMERS=10000
// BENCH_REPORT_ORDERS=100000 — minimongod's single thread stalls the driver's monitor at that size.
import { Types } from 'mongoose';
import { buildTenant } from '../test/support/factories.js';
import { MILK_TEA_MENU } from '../src/demo/milk-tea-menu.js';
import { createLogger } from '../src/logging/logger.js';
import { startProcess } from '../src/process/start-process.js';
import type { MerchantId } from '../src/tenancy/merchant-id.js';
import { benchServices } from './bench-services.js';

const MERCHANTS = Number(process.env.BENCH_MERCHANTS ?? 10);
const CUSTOMERS = Number(process.env.BENCH_CUSTOMERS ?? 2_000);
const REPORT_ORDERS = Number(process.env.BENCH_REPORT_ORDERS ?? 10_000);
const NOW = new Date('2026-11-23T02:30:00Z'); // 10:30 in Shanghai
const DAY = 86_400_000;

const services = await benchServices();
const running = await startProcess(services.config, 'api', createLogger(services.config.log));
const c = running.container;

/** Random but repeatable. */
let seed = 42;
const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;

/** A merchant with customers who each ordered every 1–8 weeks for a year, some of them stopping along the way. */
async function merchantWithHistory(
  customers: number,
  ordersTarget?: number,
): Promise<{ merchantId: MerchantId; orders: number }> {
  const t = await buildTenant(c);
  await c.repositories.products.insertMany(t.merchantId, MILK_TEA_MENU);
  const people = Array.from({ length: customers }, (_, i) => ({
    _id: new Types.ObjectId(),
    externalUserId: `wm${t.merchantId.slice(-6)}${i}`,
    name: `顾客${i}`,
    gender: 'unknown' as const,
    tags: [],
    sourceChannel: 'table_card' as const,
    followStaffIds: [t.people.staff._id],
    notes: [],
    firstContactAt: new Date(NOW.getTime() - 365 * DAY),
    lastContactAt: NOW,
    consentMarketing: true,
    optedOut: false,
    ...(i % 365 === 0 ? { birthday: '1990-11-23' } : {}),
  }));
  for (let i = 0; i < people.length; i += 2000)
    await c.repositories.customers.insertMany(t.merchantId, people.slice(i, i + 2000));
  const perCustomer = ordersTarget ? ordersTarget / customers : undefined;
  let orders = 0;
  let batch: Parameters<typeof c.repositories.orders.insertMany>[1] = [];
  for (const p of people) {
    const every = 7 + Math.floor(rand() * 50);
    const stoppedDaysAgo = Math.floor(rand() * 120);
    const count = perCustomer ?? Math.floor((365 - stoppedDaysAgo) / every);
    for (let k = 0; k < count; k++) {
      const item = MILK_TEA_MENU[Math.floor(rand() * MILK_TEA_MENU.length)]!;
      batch.push({
        externalId: `${p.externalUserId}-${k}`,
        customerId: p._id,
        channel: '堂食',
        status: 'completed',
        items: [{ name: item.name, quantity: 1, unitPrice: item.price, specs: [] }],
        amount: item.price,
        placedAt: new Date(
          NOW.getTime() - (stoppedDaysAgo + k * (perCustomer ? 365 / count : every)) * DAY - rand() * DAY,
        ),
      });
      if (batch.length >= 5000) {
        orders += await c.repositories.orders.insertMany(t.merchantId, batch);
        batch = [];
      }
    }
  }
  if (batch.length) orders += await c.repositories.orders.insertMany(t.merchantId, batch);
  // the menu's items plus ingredients, some under their lines, some with batches about to expire
  const stock = Array.from({ length: 200 }, (_, i) => ({
    externalId: i < MILK_TEA_MENU.length ? MILK_TEA_MENU[i]!.name : `原料${i}`,
    quantity: Math.floor(rand() * 60),
    ...(i % 2 ? { low: 20, critical: 5 } : {}),
    batches:
      i % 5 === 0
        ? [{ quantity: 10, expiresOn: new Date(NOW.getTime() + (i % 7) * DAY).toISOString().slice(0, 10) }]
        : [],
  }));
  await c.intake.service.ingest(t.merchantId, 'stock', stock, { now: new Date(NOW.getTime() - DAY) });
  await c.knowledge.base.changed(t.merchantId);
  return { merchantId: t.merchantId, orders };
}

const loadStarted = performance.now();
const merchants = [];
for (let i = 0; i < MERCHANTS; i++) merchants.push(await merchantWithHistory(CUSTOMERS));
const totalOrders = merchants.reduce((s, m) => s + m.orders, 0);
console.log(
  `loaded ${MERCHANTS} merchants × ${CUSTOMERS} customers, ${totalOrders} orders in ${((performance.now() - loadStarted) / 1000).toFixed(0)} s (${services.mongo.description})`,
);

const scanStarted = performance.now();
let drafted = 0;
let suppressed = 0;
for (const m of merchants) {
  const outcomes = await c.outreach.scan.scanMerchant(m.merchantId, NOW);
  for (const o of Object.values(outcomes))
    if (typeof o === 'object') {
      drafted += o.drafted;
      suppressed += o.suppressed;
    }
}
const scanMs = performance.now() - scanStarted;
console.log(
  `scenario scan: ${(scanMs / 1000).toFixed(1)} s for ${MERCHANTS} merchants, ${(scanMs / MERCHANTS / 1000).toFixed(2)} s each (${drafted} drafts, ${suppressed} suppressed)`,
);

const alertsStarted = performance.now();
let alerts = 0;
for (const m of merchants) alerts += await c.alerts.owner.scan(m.merchantId, NOW);
const alertMs = performance.now() - alertsStarted;
console.log(`owner-alert scan: ${(alertMs / 1000).toFixed(1)} s for ${MERCHANTS} merchants (${alerts} alerts)`);

const big = await merchantWithHistory(Math.max(1, Math.round(REPORT_ORDERS / 20)), REPORT_ORDERS);
const reportTimes: Record<string, number> = {};
for (const period of ['day', 'week', 'month'] as const) {
  const started = performance.now();
  await c.reports.service.build(big.merchantId, period, undefined, NOW);
  reportTimes[period] = performance.now() - started;
}

console.table({
  'scenario scan, all merchants': `${(scanMs / 1000).toFixed(1)} s for ${MERCHANTS} merchants (${drafted} drafts, ${suppressed} suppressed; target < 60 s)`,
  'scan per merchant': `${(scanMs / MERCHANTS / 1000).toFixed(2)} s`,
  'owner-alert scan, all merchants': `${(alertMs / 1000).toFixed(1)} s (${alerts} alerts; runs every 5 minutes: target < 30 s)`,
  [`report, ${big.orders} orders: day`]: `${reportTimes.day!.toFixed(0)} ms (target < 2 s)`,
  'report: week': `${reportTimes.week!.toFixed(0)} ms`,
  'report: month': `${reportTimes.month!.toFixed(0)} ms`,
});

await running.stop();
await services.stop();
