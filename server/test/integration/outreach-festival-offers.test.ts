// A salon's festival packages to its regular customers before a festival of the calendar, on a controllable clock:
// only the packages the shop entered are named; no package, no message; a customer not seen in half a year and one
// who opted out are left out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { contactWithPhone } from '../support/outreach-drafts.js';

let w: WecomTestApp;
const people: Record<string, CustomerRecord> = {};
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const scenario = () => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === 'festival_offer')!;
const run = (now: Date) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(), now);
const drafts = () => w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'festival_offer' });
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];

async function customer(name: string, phone: string, lastVisit: string) {
  const c = await contactWithPhone(w, name, phone);
  const res = await post('appointments', {
    appointments: [
      {
        externalId: `BK-${phone}`,
        service: '洗剪吹',
        startAt: `${lastVisit}T14:00:00+08:00`,
        status: 'completed',
        customer: { phone },
      },
    ],
  });
  expect(res.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  people[name] = c;
}

beforeAll(async () => {
  w = await startWecomTestApp();
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '本地服务' },
  });
  expect(profile.status).toBe(200);
  await customer('王姐', '13800000001', '2026-12-01');
  await customer('半年没来的李哥', '13800000002', '2026-03-01');
  await customer('退订的周姐', '13800000003', '2026-12-05');
  await w.app.container.repositories.customers.optOut(
    w.tenant.merchantId,
    { id: String(people['退订的周姐']!._id) },
    { by: 'customer', via: 'kf' },
  );
});
afterAll(() => w.close());

describe('festival packages', () => {
  it('takes packages for the calendar’s festivals only, in Chinese', async () => {
    const res = await post('festival-offers', {
      offers: [
        { externalId: 'JR-1', festival: '圣诞节', name: '圣诞烫染套餐', price: 39900, content: '烫发+染发+护理' },
        { externalId: 'JR-2', festival: '圣诞节', name: '闺蜜同行洗护' },
        { externalId: 'JR-BAD', festival: '发型节', name: '不存在的节日' },
      ],
    });
    expect(res.body).toMatchObject({
      created: 2,
      failed: [{ index: 2, errors: { festival: '节日须是日历里的节日（如 春节、情人节、中秋节）' } }],
    });
  });

  it('says nothing before a festival the shop entered no package for', async () => {
    // 双十二 is 2 days off, 圣诞节 15: too far yet
    expect(await run(at('2026-12-10', '10:30'))).toEqual({ drafted: 0, suppressed: 0 });
  });

  it('names the shop’s own packages to its regular customers a week before the festival', async () => {
    expect(await run(at('2026-12-20', '10:30'))).toEqual({ drafted: 1, suppressed: 1 });
    const [draft, ...rest] = await drafts();
    expect(rest).toEqual([]);
    expect(nameOf(draft!.customerId)).toBe('王姐');
    // no use once the festival has begun: it cannot be approved or sent after
    expect(draft!.expiresAt).toEqual(at('2026-12-25', '00:00'));
    expect(draft!.text).toBe(
      '王姐您好，12月25日圣诞节快到了，店里准备了节日套餐：「圣诞烫染套餐」（399元，烫发+染发+护理）、「闺蜜同行洗护」。想预约直接回复我。',
    );
  });
});
