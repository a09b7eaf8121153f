import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src/demo/seed-demo.js';
import type { MerchantId } from '../../src/tenancy/merchant-id.js';
import { buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
let token: string;
let customerId: string;
let merchantId: MerchantId;

beforeAll(async () => {
  app = await startTestApp({ role: 'api', env: { DEMO_MODE: 'true' } });
  merchantId = (await seedDemo(app.container)).merchantId;
  token = (await app.request('/api/auth/demo-login', { body: { role: 'staff' } })).body.token;
  // a regular: the customer with the most paid visits, ever
  const visits = await app.container.repositories.orders.lastVisitsBetween(merchantId, new Date(0), new Date(), 10_000);
  const [top] = visits.sort((a, b) => b.visits - a.visits);
  customerId = String(top!._id);
});
afterAll(() => app.close());

describe('sidebar suggestions', () => {
  it('drafts three grounded replies: the answer, a personal follow-up from their orders, and a new item', async () => {
    const res = await app.request('/api/ai/suggestions', { token, body: { customerId, question: '杨枝甘露多少钱' } });
    expect(res.status).toBe(200);
    const drafts = res.body.drafts as { text: string; reason: string; citedIds: string[] }[];
    expect(drafts).toHaveLength(3);
    expect(drafts[0]!.text).toBe('杨枝甘露中杯18元，大杯加3元。');
    expect(drafts[1]!.text).toMatch(/您常点的.+今天有货哦/);
    expect(drafts[1]!.reason).toMatch(/顾客买过 \d+ 次/);
    expect(drafts[2]!.text).toMatch(/店里上了新品(多肉葡萄|生椰拿铁)（\d+元）/);
    for (const d of drafts) expect(d.citedIds.length).toBeGreaterThan(0);
  });

  it('streams the drafts as server-sent events', async () => {
    const res = await fetch(`${app.url}/api/ai/suggestions/stream?customerId=${customerId}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.headers.get('content-type')).toContain('text/event-stream');
    const body = await res.text();
    const events = body
      .trim()
      .split('\n\n')
      .map((e) => e.split('\n')[0]);
    expect(events).toEqual(['event: draft', 'event: draft', 'event: done']); // no question: follow-up and new item
  });

  it('records feedback, and refuses another merchant’s customer', async () => {
    const fb = await app.request('/api/ai/suggestions/feedback', {
      token,
      body: { customerId, draft: '草稿', outcome: 'edited', sentText: '改过的' },
    });
    expect(fb.status).toBe(204);
    expect(await app.container.ai.draftFeedback.count(merchantId, { outcome: 'edited' })).toBe(1);
    const other = await buildTenant(app.container);
    const res = await app.request('/api/ai/suggestions', { token: other.tokens.staff, body: { customerId } });
    expect(res.status).toBe(404);
  });
});
