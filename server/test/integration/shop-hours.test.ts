// A shop keeping its own opening hours ("与总店营业时间不同"): saved through the owner's API, renewed in the bot's
// knowledge at once, answered per shop; emptied, the shop keeps the merchant's hours again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { offlineAnswer } from '../../src/modules/ai/offline-engine.js';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;
let other: Awaited<ReturnType<typeof buildTenant>>;

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
  other = await buildTenant(app.container);
});
afterAll(() => app.close());

const as = (token: string, method: string, path: string, body?: unknown) =>
  app.request(`/api/merchant${path}`, { method, token, body });
const SHOP = { name: '玉林店', address: '成都市武侯区玉林西路 58 号', phone: '028-85567890' };
// open every day but Wednesday, closing at nine
const OWN = [0, 1, 2, 4, 5, 6].map((weekday) => ({ weekday, open: '10:00', close: '21:00' }));

describe('a shop’s own opening hours', () => {
  it('saves them, the bot answers the shop’s closed day at once, and emptied they are removed', async () => {
    const id = t.shop._id.toHexString();
    const saved = await as(t.tokens.owner, 'PUT', `/shops/${id}`, { ...SHOP, businessHours: OWN });
    expect(saved.status).toBe(200);
    expect(saved.body.businessHours).toEqual(OWN);
    const kb = await app.container.knowledge.base.get(t.merchantId);
    expect(kb.shops[0]!.businessHours).toEqual(OWN);
    expect(offlineAnswer(kb, '周三开门吗').reply).toContain('周三店休');

    const cleared = await as(t.tokens.owner, 'PUT', `/shops/${id}`, { ...SHOP, businessHours: [] });
    expect(cleared.status).toBe(200);
    expect(cleared.body).not.toHaveProperty('businessHours');
    expect((await app.container.knowledge.base.get(t.merchantId)).shops[0]!.businessHours ?? []).toEqual([]);
  });

  it('refuses a malformed span and another merchant’s shop', async () => {
    const id = t.shop._id.toHexString();
    const bad = await as(t.tokens.owner, 'PUT', `/shops/${id}`, {
      ...SHOP,
      businessHours: [{ weekday: 7, open: '25:00', close: '21:00' }],
    });
    expect(bad.status).toBe(400);
    const foreign = await as(other.tokens.owner, 'PUT', `/shops/${id}`, { ...SHOP, businessHours: OWN });
    expect(foreign.status).toBe(404);
  });
});
