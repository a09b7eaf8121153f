// A stock movement or a class attended is stored, then applied to another document (the stock level, the class
// hours). These tests part the two writes with an injected failure — the second write lost as a dropped connection
// would lose it — and check that the sender's retry, a concurrent duplicate, the next record for the same target or
// the sweep completes the effect exactly once: never lost, never twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signWebhook } from '../../src/modules/intake/intake-webhook.service.js';
import { sweepPendingEffects } from '../../src/modules/intake/pending-effects.job.js';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let tenant: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;
let urls: Record<string, string>;
let secret: string;

async function deliver(kind: string, body: unknown, key?: string) {
  const raw = JSON.stringify(body);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const res = await fetch(urls[kind]!, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      'x-xiaoer-timestamp': timestamp,
      'x-xiaoer-signature': signWebhook(secret, timestamp, raw),
      ...(key ? { 'idempotency-key': key } : {}),
    },
    body: raw,
  });
  return { status: res.status, body: (await res.json()) as Record<string, any> };
}

const api = (path: string, body: unknown, token = tenant.tokens.manager) =>
  app.request(`/api/intake/${path}`, { token, body });
const shopData = () => app.container.shopData;
const quantity = async (name: string, merchantId = tenant.merchantId) =>
  (await shopData().stock.findOne(merchantId, { name }))?.quantity;

/**
 * Makes the next call of a repository's write fail the way a dropped connection fails it: the write never reaches
 * the database and the caller gets an error. Once; later calls go through. The writes parted here are the two of
 * applied-once (db/applied-once-repository.ts): the target's update (`applyMovement`, `applyAttendance`) and the
 * record's mark (`markApplied`).
 */
function failOnce(repository: object, method: string) {
  const target = repository as Record<string, unknown>;
  const own = Object.prototype.hasOwnProperty.call(target, method);
  const original = target[method] as (...args: unknown[]) => unknown;
  let failed = false;
  target[method] = function (this: unknown, ...args: unknown[]) {
    if (failed) return original.apply(this, args);
    failed = true;
    if (own) target[method] = original;
    else delete target[method];
    throw Object.assign(new Error('connection 3 to 127.0.0.1:27017 closed (injected)'), { name: 'MongoNetworkError' });
  };
  return {
    get failed() {
      return failed;
    },
  };
}

const movement = (externalId: string, item: string, change: number) => ({
  externalId,
  item,
  change,
  reason: change > 0 ? 'purchase' : 'sale',
  at: '2026-11-23T09:00:00+08:00',
});

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  tenant = await buildTenant(app.container);
  other = await buildTenant(app.container);
  const created = await app.request('/api/intake/endpoints', { token: tenant.tokens.owner, body: { name: 'ERP' } });
  secret = created.body.secret;
  const published = Object.entries(created.body.endpoint.urls as Record<string, string>);
  urls = Object.fromEntries(published.map(([k, u]) => [k, u.replace(/^https?:\/\/[^/]+/, app.url)]));
});
afterAll(() => app.close());

describe('stock movements', () => {
  it('a retry completes a movement whose level update failed: 10 + 24 is 34, not 10 for good', async () => {
    await deliver('stock', { items: [{ externalId: '芒果', quantity: 10, unit: '个' }] });
    const fault = failOnce(shopData().stock, 'applyMovement');
    const body = { movements: [movement('RK-1', '芒果', 24)] };
    const first = await deliver('stock-movements', body, 'batch-1');
    expect(fault.failed).toBe(true);
    expect(first.status).toBe(500);
    expect(await quantity('芒果')).toBe(10);

    const retry = await deliver('stock-movements', body, 'batch-1');
    expect(retry.status).toBe(200);
    expect(retry.body).toMatchObject({ received: 1, failed: [] });
    expect(await quantity('芒果')).toBe(34);
    // the finished request is answered from its key; the same movement without a key changes nothing either
    expect((await deliver('stock-movements', body, 'batch-1')).body).toEqual(retry.body);
    expect((await deliver('stock-movements', body)).body).toMatchObject({ created: 0, updated: 0 });
    expect(await quantity('芒果')).toBe(34);
    expect(await shopData().movements.findOne(tenant.merchantId, { externalId: 'RK-1' })).toMatchObject({
      applied: true,
    });
  });

  it('a retry after the level was updated but the movement not yet marked applies it no second time', async () => {
    const fault = failOnce(shopData().movements, 'markApplied');
    const body = { movements: [movement('RK-2', '芒果', 6)] };
    expect((await deliver('stock-movements', body)).status).toBe(500);
    expect(fault.failed).toBe(true);
    expect(await quantity('芒果')).toBe(40); // applied, not yet marked
    expect((await deliver('stock-movements', body)).status).toBe(200);
    expect(await quantity('芒果')).toBe(40);
    expect(await shopData().movements.findOne(tenant.merchantId, { externalId: 'RK-2' })).toMatchObject({
      applied: true,
    });
  });

  it('concurrent duplicates apply a movement once, fresh or left half-done', async () => {
    await deliver('stock', { items: [{ externalId: '椰果', quantity: 10 }] });
    const fresh = { movements: [movement('RK-3', '椰果', 5)] };
    const answers = await Promise.all(Array.from({ length: 6 }, () => deliver('stock-movements', fresh)));
    expect(answers.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(answers.filter((a) => a.body.created === 1)).toHaveLength(1);
    expect(await quantity('椰果')).toBe(15);

    failOnce(shopData().stock, 'applyMovement');
    const halfDone = { movements: [movement('RK-4', '椰果', -3)] };
    expect((await deliver('stock-movements', halfDone)).status).toBe(500);
    const retries = await Promise.all(Array.from({ length: 6 }, () => deliver('stock-movements', halfDone)));
    expect(retries.map((a) => a.status)).toEqual(Array(6).fill(200));
    expect(await quantity('椰果')).toBe(12);

    // an item no snapshot named yet: concurrent first movements make it once and each lands once
    const firsts = [{ ...movement('RK-8', '西米', 7), expiresOn: '2026-11-30' }, movement('RK-9', '西米', 4)];
    await Promise.all([...firsts, ...firsts, ...firsts].map((m) => deliver('stock-movements', { movements: [m] })));
    expect(await shopData().stock.count(tenant.merchantId, { name: '西米' })).toBe(1);
    expect(await shopData().stock.findOne(tenant.merchantId, { name: '西米' })).toMatchObject({
      quantity: 11,
      batches: [{ quantity: 7, expiresOn: '2026-11-30' }],
    });
  });

  it('a movement whose sender never retries is completed by the next one for its item, or by the sweep', async () => {
    await deliver('stock', {
      items: [
        { externalId: '珍珠', quantity: 10 },
        { externalId: '红豆', quantity: 10 },
      ],
    });
    failOnce(shopData().stock, 'applyMovement');
    expect((await deliver('stock-movements', { movements: [movement('RK-5', '珍珠', 24)] })).status).toBe(500);
    expect((await deliver('stock-movements', { movements: [movement('RK-6', '珍珠', -4)] })).status).toBe(200);
    expect(await quantity('珍珠')).toBe(30);

    // no later movement for 红豆: the sweep finds the pending one; another merchant's 红豆 is theirs alone
    await api('stock', { items: [{ externalId: '红豆', quantity: 100 }] }, other.tokens.manager);
    failOnce(shopData().stock, 'applyMovement');
    expect((await deliver('stock-movements', { movements: [movement('RK-7', '红豆', 24)] })).status).toBe(500);
    failOnce(shopData().stock, 'applyMovement');
    const theirs = { movements: [movement('RK-7', '红豆', -50)] };
    expect((await api('stock-movements', theirs, other.tokens.manager)).status).toBe(500);
    expect(await quantity('红豆')).toBe(10);

    // records younger than the grace period are left to the requests still under way
    expect(await sweepPendingEffects(app.container, new Date())).toBe(0);
    expect(await sweepPendingEffects(app.container, new Date(Date.now() + 5 * 60_000))).toBe(2);
    expect(await quantity('红豆')).toBe(34);
    expect(await quantity('红豆', other.merchantId)).toBe(50);
    // the next tick finds nothing left to do
    expect(await sweepPendingEffects(app.container, new Date(Date.now() + 5 * 60_000))).toBe(0);
    expect(await quantity('红豆')).toBe(34);
  });
});

describe('attendance', () => {
  it('uses the class hours of a present record exactly once across a failed write and its retries', async () => {
    const pkg = { externalId: 'PK-1', course: '少儿英语', totalHours: 48, remainingHours: 6 };
    await api('course-packages', { packages: [pkg] });
    const lesson = (externalId: string, hours: number) => ({
      externalId,
      packageId: 'PK-1',
      at: '2026-11-21T10:00:00+08:00',
      hours,
    });
    const remaining = async () =>
      (await shopData().packages.findOne(tenant.merchantId, { externalId: 'PK-1' }))?.remainingHours;

    const fault = failOnce(shopData().packages, 'applyAttendance');
    const body = { attendance: [lesson('AT-1', 2)] };
    expect((await deliver('attendance', body, 'att-1')).status).toBe(500);
    expect(fault.failed).toBe(true);
    expect(await remaining()).toBe(6);
    expect((await deliver('attendance', body, 'att-1')).status).toBe(200);
    expect(await remaining()).toBe(4);
    expect((await deliver('attendance', body)).body).toMatchObject({ created: 0, updated: 0 });
    expect(await remaining()).toBe(4);

    // the hours were used but the record was not marked: the retry uses them no second time
    failOnce(shopData().attendance, 'markApplied');
    const next = { attendance: [lesson('AT-2', 1)] };
    expect((await deliver('attendance', next)).status).toBe(500);
    expect(await remaining()).toBe(3);
    await Promise.all(Array.from({ length: 4 }, () => deliver('attendance', next)));
    expect(await remaining()).toBe(3);

    // never below zero, and still once
    failOnce(shopData().packages, 'applyAttendance');
    const long = { attendance: [lesson('AT-3', 5)] };
    expect((await deliver('attendance', long)).status).toBe(500);
    await Promise.all(Array.from({ length: 3 }, () => deliver('attendance', long)));
    expect(await remaining()).toBe(0);
    expect(await shopData().attendance.count(tenant.merchantId, { applied: false })).toBe(0);
  });
});
