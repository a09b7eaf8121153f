// A proactive message counts as answered when the customer comes in by any kind of record — a booking, a class, a
// card use — not only an order: the cool-down after unanswered messages reads the same visits everywhere it is
// weighed (the daily scan, 为什么没联系他, a campaign's audience), so a salon customer who booked after two messages
// is not paused while one who did nothing is.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { quietHoursAwayFromNow, setContactPolicy, today } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const DAY = 86_400_000;
const people: Record<string, CustomerRecord> = {};
const ago = (days: number) => new Date(Date.now() - days * DAY);

async function customer(name: string, phone: string) {
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name,
  });
  await w.drain();
  const repo = w.app.container.repositories.customers;
  const c = (await repo.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  await repo.update(w.tenant.merchantId, String(c._id), { phone, birthday: `1990-${today().slice(5)}` });
  // two proactive messages reached them this week, neither followed by an order
  await w.app.container.repositories.drafts.insertMany(
    w.tenant.merchantId,
    [2.5, 1.5].map((days, i) => ({
      scenario: 'dormant_winback',
      customerId: c._id,
      day: `old-${i}`,
      text: '好久不见～',
      reason: '40天没来了',
      citedIds: [],
      status: 'sent' as const,
      audit: [],
      createdAt: ago(days),
      updatedAt: ago(days),
    })),
  );
  people[name] = c;
}

beforeAll(async () => {
  w = await startWecomTestApp();
  const owner = w.tenant.tokens.owner;
  await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: owner,
    body: { name: w.tenant.merchant.name, industry: '本地服务' },
  });
  await setContactPolicy(w, { perWeek: 3 });
  await quietHoursAwayFromNow(w);
  const settings = (await w.app.request('/api/outreach/settings', { token: owner })).body;
  await w.app.request('/api/outreach/settings', { method: 'PUT', token: owner, body: { ...settings, runAt: '00:00' } });
  await customer('做了护理的周姐', '13700000001');
  await customer('一直没回的吴姐', '13700000002');
  // 周姐 answered with a booking she came in for yesterday (no order: the salon's POS sends bookings only)
  const res = await w.app.request('/api/intake/appointments', {
    token: w.tenant.tokens.manager,
    body: {
      appointments: [
        {
          externalId: 'A-1',
          service: '护理',
          startAt: ago(1).toISOString(),
          status: 'completed',
          customer: { phone: '13700000001' },
        },
      ],
    },
  });
  expect(res.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
});
afterAll(() => w.close());

const whyNot = async (name: string) =>
  (await w.app.request(`/api/customers/${people[name]!._id}/why-not-contacted`, { token: w.tenant.tokens.owner }))
    .body as { canContactNow: boolean; blocks: { reason: string }[] };

describe('a visit of any kind answers a message', () => {
  it('为什么没联系他: the customer who booked may be contacted, the silent one is cooling down', async () => {
    expect(await whyNot('做了护理的周姐')).toEqual({ canContactNow: true, blocks: [] });
    expect((await whyNot('一直没回的吴姐')).blocks.map((b) => b.reason)).toEqual(['cool_down']);
  });

  it('a campaign leaves out only the silent customer', async () => {
    const res = await w.app.request('/api/campaigns/preview', { token: w.tenant.tokens.owner, body: { audience: {} } });
    expect(res.status).toBe(200);
    expect(res.body.excluded).toEqual([{ reason: 'cool_down', count: 1, sample: ['一直没回的吴姐'] }]);
  });

  it('the daily scan drafts for the customer who booked and pauses the silent one', async () => {
    const scan = w.app.container.outreach.scan;
    const birthday = scan['d'].scenarios.find((s) => s.key === 'birthday')!;
    expect(await scan.run(w.tenant.merchantId, birthday, new Date())).toMatchObject({ drafted: 1, suppressed: 1 });
    const suppressed = await w.app.container.repositories.suppressions.list(w.tenant.merchantId);
    expect(
      suppressed.map((s) => `${String(s.customerId) === String(people['一直没回的吴姐']!._id)}:${s.reason}`),
    ).toEqual(['true:cool_down']);
  });
});
