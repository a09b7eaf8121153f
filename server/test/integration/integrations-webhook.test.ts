// The integrations page's push addresses, one per sending system (收银系统, ERP …): each with its own secret (shown
// once, never in any GET) rotated on its own, revoked on its own (then refused with a clear 410), its own last
// deliveries with the Chinese reason a refused one was given; the endpoint made before names existed keeps working;
// owners and managers only, and another merchant's endpoint is not found.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LIVE_ENDPOINTS } from '../../src/modules/intake/intake-webhook.service.js';
import { DELIVERY_LOG_CAP } from '../../src/modules/intake/webhook-delivery.repository.js';
// eslint-disable-next-line @typescript-eslint/no-restricted-imports -- seeds an earlier version's unnamed endpoint, which no repository method makes any more
import { webhookEndpointModel } from '../../src/modules/intake/webhook-endpoint.model.js';
import { merchantObjectId } from '../../src/tenancy/merchant-id.js';
import { buildTenant } from '../support/factories.js';
import { createEndpoint, deliverSigned, onTestServer } from '../support/signed-delivery.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

const order = { externalId: 'POS-1', placedAt: '2026-11-20T12:30:00+08:00', amount: 3600, items: [] };

const deliver = (url: string, secret: string, raw = JSON.stringify({ orders: [order] })) =>
  deliverSigned(url, secret, raw);

const list = async (token: string) => {
  const res = await app.request('/api/intake/endpoints', { token });
  expect(res.status).toBe(200);
  return res.body.items as Array<{ id: string; name: string; url: string; secretSetAt: string }>;
};

const deliveries = async (token: string, id: string) => {
  const res = await app.request(`/api/intake/endpoints/${id}/deliveries`, { token });
  expect(res.status).toBe(200);
  return res.body.items as Array<Record<string, unknown>>;
};

const rotate = async (token: string, id: string) => {
  const res = await app.request(`/api/intake/endpoints/${id}/secret`, { method: 'POST', token });
  expect(res.status).toBe(200);
  return res.body.secret as string;
};

describe('push addresses on the integrations page', () => {
  it('gives each system its own secret; rotating one refuses its old secret and leaves the other working', async () => {
    const t = await buildTenant(app.container);
    const pos = await createEndpoint(app, t.tokens.owner, '收银系统');
    const erp = await createEndpoint(app, t.tokens.manager, 'ERP');
    expect(pos.url).not.toBe(erp.url);
    expect((await deliver(pos.url, pos.secret)).status).toBe(200);
    expect((await deliver(erp.url, erp.secret)).status).toBe(200);
    expect((await deliver(pos.url, erp.secret)).status).toBe(401); // each URL takes only its own secret

    const rotated = await rotate(t.tokens.owner, pos.id);
    expect(rotated).not.toBe(pos.secret);
    const refused = await deliver(pos.url, pos.secret);
    expect(refused.status).toBe(401);
    expect(refused.body.message).toContain('签名校验失败');
    expect((await deliver(pos.url, rotated)).status).toBe(200); // the URL stays
    expect((await deliver(erp.url, erp.secret)).status).toBe(200);
    const listed = await list(t.tokens.owner);
    expect(listed.map((e) => e.name)).toEqual(['收银系统', 'ERP']);
    expect(onTestServer(app, listed[0]!.url)).toBe(pos.url);

    const reads = await Promise.all(
      [
        '/api/intake/endpoints',
        `/api/intake/endpoints/${pos.id}/deliveries`,
        `/api/intake/endpoints/${erp.id}/deliveries`,
        '/api/merchant',
      ].map((path) => app.request(path, { token: t.tokens.owner })),
    );
    for (const read of reads) {
      expect(read.status).toBe(200);
      const text = JSON.stringify(read.body);
      for (const secret of [pos.secret, rotated, erp.secret]) expect(text).not.toContain(secret);
      expect(text).not.toContain('whsec_');
    }
  });

  it('names each address once per merchant and keeps to a handful, saying so in Chinese', async () => {
    const t = await buildTenant(app.container);
    const other = await buildTenant(app.container);
    await createEndpoint(app, t.tokens.owner, 'ERP');
    const again = await app.request('/api/intake/endpoints', { token: t.tokens.owner, body: { name: ' ERP ' } });
    expect(again.status).toBe(409);
    expect(again.body.message).toContain('已经有叫「ERP」的推送地址了');
    const blank = await app.request('/api/intake/endpoints', { token: t.tokens.owner, body: { name: '  ' } });
    expect(blank.status).toBe(400);
    expect(JSON.stringify(blank.body)).toContain('请给推送地址起个名字');
    await createEndpoint(app, other.tokens.owner, 'ERP'); // another merchant's names are its own

    // a handful per shop: past the cap, revoke one first
    for (let i = 1; i < MAX_LIVE_ENDPOINTS; i++) await createEndpoint(app, t.tokens.owner, `系统${i}`);
    const tooMany = await app.request('/api/intake/endpoints', { token: t.tokens.owner, body: { name: '再来一个' } });
    expect(tooMany.status).toBe(409);
    expect(tooMany.body.message).toContain('请先停用不用的');
    const first = (await list(t.tokens.owner))[0]!;
    expect(
      (await app.request(`/api/intake/endpoints/${first.id}`, { method: 'DELETE', token: t.tokens.owner })).status,
    ).toBe(204);
    await createEndpoint(app, t.tokens.owner, '再来一个');
  });

  it("lists each address's own last deliveries, a refused one with its reason in Chinese, capped per address", async () => {
    const t = await buildTenant(app.container);
    const other = await buildTenant(app.container);
    const pos = await createEndpoint(app, t.tokens.owner, '收银系统');
    const erp = await createEndpoint(app, t.tokens.owner, 'ERP');
    expect((await deliver(pos.url, pos.secret, '{"orders": [')).status).toBe(400);
    expect((await deliver(pos.url, 'whsec_wrong')).status).toBe(401);
    const bad = await deliver(pos.url, pos.secret, JSON.stringify({ orders: [{ externalId: 'x' }] }));
    expect(bad.status).toBe(200);
    expect((await deliver(erp.url, erp.secret)).status).toBe(200);

    const [badRecords, badSignature, badJson] = await deliveries(t.tokens.owner, pos.id);
    expect(badJson).toMatchObject({ kind: 'orders', status: 400 });
    expect(badJson!.error).toMatch(/[\u4e00-\u9fa5]/);
    expect(badSignature).toMatchObject({ status: 401, error: expect.stringContaining('签名校验失败') });
    expect(badRecords).toMatchObject({ status: 200, received: 1, failed: 1 });
    expect(await deliveries(t.tokens.owner, erp.id)).toEqual([expect.objectContaining({ status: 200, received: 1 })]);
    expect(await list(other.tokens.owner)).toEqual([]);

    for (let i = 0; i < DELIVERY_LOG_CAP; i++) await deliver(erp.url, erp.secret);
    const capped = await deliveries(t.tokens.owner, erp.id);
    expect(capped).toHaveLength(DELIVERY_LOG_CAP);
    expect(await deliveries(t.tokens.owner, pos.id)).toHaveLength(3); // another address's traffic trims nothing here
  });

  it('refuses what is sent to a revoked address with a clear 410; the others keep working; its name is free', async () => {
    const t = await buildTenant(app.container);
    const pos = await createEndpoint(app, t.tokens.owner, '收银系统');
    const erp = await createEndpoint(app, t.tokens.owner, 'ERP');
    expect((await deliver(pos.url, pos.secret)).status).toBe(200);
    const revoked = await app.request(`/api/intake/endpoints/${pos.id}`, { method: 'DELETE', token: t.tokens.owner });
    expect(revoked.status).toBe(204);

    const refused = await deliver(pos.url, pos.secret);
    expect(refused.status).toBe(410);
    expect(refused.body.message).toBe('这个推送地址已被商户停用，请向商户索取新的推送地址和密钥');
    expect((await deliver(erp.url, erp.secret)).status).toBe(200);
    expect((await list(t.tokens.owner)).map((e) => e.name)).toEqual(['ERP']);
    for (const [method, path] of [
      ['DELETE', `/api/intake/endpoints/${pos.id}`],
      ['POST', `/api/intake/endpoints/${pos.id}/secret`],
      ['GET', `/api/intake/endpoints/${pos.id}/deliveries`],
    ] as const)
      expect((await app.request(path, { method, token: t.tokens.owner })).status).toBe(404);

    const again = await createEndpoint(app, t.tokens.owner, '收银系统');
    expect(again.url).not.toBe(pos.url);
    expect((await deliver(again.url, again.secret)).status).toBe(200);
  });

  it('keeps the address made before addresses had names: same URL, same secret, listed as 原推送地址', async () => {
    const t = await buildTenant(app.container);
    const secret = `whsec_${randomBytes(24).toString('base64url')}`;
    const endpointId = randomBytes(12).toString('hex');
    // an earlier version's one endpoint per merchant, as it stored it (no name, no secretSetAt): the product no
    // longer makes these, so it is written through the model directly
    await webhookEndpointModel(app.container.mongo).create({
      merchantId: merchantObjectId(t.merchantId),
      endpointId,
      secretSealed: app.container.secrets.seal(secret),
    });
    const url = `${app.url}/intake/${endpointId}/orders`;
    expect((await deliver(url, secret)).status).toBe(200);
    await createEndpoint(app, t.tokens.owner, 'ERP');
    const [legacy, erp] = await list(t.tokens.owner);
    expect(legacy).toMatchObject({ name: '原推送地址' });
    expect(onTestServer(app, legacy!.url)).toBe(url);
    expect(erp).toMatchObject({ name: 'ERP' });
    expect(await deliveries(t.tokens.owner, legacy!.id)).toHaveLength(1);
    const conflict = await app.request('/api/intake/endpoints', {
      token: t.tokens.owner,
      body: { name: '原推送地址' },
    });
    expect(conflict.status).toBe(409);

    const rotated = await rotate(t.tokens.owner, legacy!.id);
    expect((await deliver(url, secret)).status).toBe(401);
    expect((await deliver(url, rotated)).status).toBe(200);
  });

  it('is for owners and managers; a staff member is refused, another merchant’s address is not found', async () => {
    const t = await buildTenant(app.container);
    const other = await buildTenant(app.container);
    const theirs = await createEndpoint(app, other.tokens.owner, 'ERP');
    const staff = t.tokens.staff;
    expect((await app.request('/api/intake/endpoints', { token: staff })).status).toBe(403);
    expect((await app.request('/api/intake/endpoints', { token: staff, body: { name: 'ERP' } })).status).toBe(403);
    for (const token of [staff, t.tokens.owner, t.tokens.manager]) {
      const expected = token === staff ? 403 : 404;
      expect((await app.request(`/api/intake/endpoints/${theirs.id}/secret`, { method: 'POST', token })).status).toBe(
        expected,
      );
      expect((await app.request(`/api/intake/endpoints/${theirs.id}`, { method: 'DELETE', token })).status).toBe(
        expected,
      );
      expect((await app.request(`/api/intake/endpoints/${theirs.id}/deliveries`, { token })).status).toBe(expected);
    }
    expect(
      (await app.request('/api/intake/endpoints/nonsense/secret', { method: 'POST', token: t.tokens.owner })).status,
    ).toBe(400);
    expect((await deliver(theirs.url, theirs.secret)).status).toBe(200); // untouched by all of the above
  });
});
