// The drafts inbox and the alerts page refuse a cursor in the right shape that names no real instant (month 13) with a
// clear 400 in Chinese: an Invalid Date never reaches MongoDB.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let t: Awaited<ReturnType<typeof buildTenant>>;

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
  t = await buildTenant(app.container);
});
afterAll(() => app.close());

describe('a cursor in the right shape naming no real instant', () => {
  for (const path of ['/api/outreach/drafts', '/api/alerts'])
    it(`is refused with a 400 by ${path}`, async () => {
      const res = await app.request(`${path}?limit=20&cursor=2026-13-45T99:99Z`, { token: t.tokens.owner });
      expect(res.status, JSON.stringify(res.body)).toBe(400);
    });
});
