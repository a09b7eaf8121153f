// The integrations page's webhook section: rotating the secret (shown once, never in any GET), the last deliveries
// with the Chinese reason a refused one was given, capped and per merchant, and only the owner sees any of it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVERY_LOG_CAP } from '../../src/modules/intake/webhook-delivery.repository.js';
import { buildTenant } from '../support/factories.js';
import { deliverSigned } from '../support/signed-delivery.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

const order = { externalId: 'POS-1', placedAt: '2026-11-20T12:30:00+08:00', amount: 3600, items: [] };

async function rotate(token: string) {
  const res = await app.request('/api/intake/webhook', { method: 'POST', token });
  expect(res.status).toBe(201);
  return { url: (res.body.url as string).replace(/^https?:\/\/[^/]+/, app.url), secret: res.body.secret as string };
}

const deliver = (url: string, secret: string, raw = JSON.stringify({ orders: [order] })) =>
  deliverSigned(url, secret, raw);

const deliveries = async (token: string) => {
  const res = await app.request('/api/intake/webhook/deliveries', { token });
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
};

describe('webhook endpoints on the integrations page', () => {
  it('rotating refuses the old signature and accepts the new; the secret is never read back', async () => {
    const t = await buildTenant(app.container);
    const first = await rotate(t.tokens.owner);
    expect((await deliver(first.url, first.secret)).status).toBe(200);
    const second = await rotate(t.tokens.owner);
    expect(second.secret).not.toBe(first.secret);
    expect((await deliver(first.url, first.secret)).status).toBe(401);
    expect((await deliver(second.url, first.secret)).status).toBe(401);
    expect((await deliver(second.url, second.secret)).status).toBe(200);

    const reads = await Promise.all(
      ['/api/intake/webhook', '/api/intake/webhook/deliveries', '/api/staff', '/api/merchant'].map((path) =>
        app.request(path, { token: t.tokens.owner }),
      ),
    );
    for (const read of reads) {
      expect(read.status).toBe(200);
      const text = JSON.stringify(read.body);
      expect(text).not.toContain(first.secret);
      expect(text).not.toContain(second.secret);
      expect(text).not.toContain('whsec_');
    }
  });

  it('lists the last deliveries, a refused signed one with its reason in Chinese, capped and per merchant', async () => {
    const t = await buildTenant(app.container);
    const other = await buildTenant(app.container);
    const hook = await rotate(t.tokens.owner);
    expect((await deliver(hook.url, hook.secret, '{"orders": [')).status).toBe(400);
    expect((await deliver(hook.url, 'whsec_wrong')).status).toBe(401);
    const bad = await deliver(hook.url, hook.secret, JSON.stringify({ orders: [{ externalId: 'x' }] }));
    expect(bad.status).toBe(200);

    const [badRecords, badSignature, badJson] = await deliveries(t.tokens.owner);
    expect(badJson).toMatchObject({ kind: 'orders', status: 400, oldUrl: false });
    expect(badJson!.error).toMatch(/[\u4e00-\u9fa5]/);
    expect(badSignature).toMatchObject({ status: 401, error: expect.stringContaining('签名校验失败') });
    expect(badRecords).toMatchObject({ status: 200, received: 1, failed: 1 });
    expect(await deliveries(other.tokens.owner)).toEqual([]);

    // after a rotation the earlier deliveries are marked as sent to the old URL; the old URL names no merchant any
    // more, so what is still sent to it is refused and logged nowhere
    const rotated = await rotate(t.tokens.owner);
    expect((await deliver(hook.url, hook.secret)).status).toBe(401);
    const afterRotation = await deliveries(t.tokens.owner);
    expect(afterRotation).toHaveLength(3);
    expect(afterRotation.every((d) => d.oldUrl === true)).toBe(true);
    for (let i = 0; i < DELIVERY_LOG_CAP; i++) await deliver(rotated.url, rotated.secret);
    const capped = await deliveries(t.tokens.owner);
    expect(capped).toHaveLength(DELIVERY_LOG_CAP);
    expect(capped.every((d) => d.status === 200)).toBe(true);
  });

  it('is for the owner only', async () => {
    const t = await buildTenant(app.container);
    for (const token of [t.tokens.staff, t.tokens.manager]) {
      expect((await app.request('/api/intake/webhook/deliveries', { token })).status).toBe(403);
      expect((await app.request('/api/intake/webhook', { method: 'POST', token })).status).toBe(403);
    }
    expect((await app.request('/api/intake/webhook', { token: t.tokens.staff })).status).toBe(403);
  });
});
