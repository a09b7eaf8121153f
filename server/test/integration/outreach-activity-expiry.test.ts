// An activity sign-up offer names a date ("12月12日的「英语演讲比赛」开始报名了"). Like the class and booking notices, once
// that day has come it is not approved or sent: a family is never invited to something that already happened.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { reached } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let parentRecord: CustomerRecord & { externalUserId: string };
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const scenario = () => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === 'activity_signup')!;

beforeAll(async () => {
  w = await startWecomTestApp();
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '教育培训' },
  });
  expect(profile.status).toBe(200);
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name: '乐乐妈妈',
  });
  await w.drain();
  const repo = w.app.container.repositories.customers;
  const c = (await repo.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  await repo.update(w.tenant.merchantId, String(c._id), { phone: '13800000001' });
  const pkg = await post('course-packages', {
    packages: [
      {
        externalId: 'PK-LL',
        course: '少儿英语',
        studentName: '乐乐',
        grade: 3,
        totalHours: 48,
        remainingHours: 20,
        customer: { phone: '13800000001' },
      },
    ],
  });
  expect(pkg.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  parentRecord = { ...c, externalUserId };
  const acts = await post('activities', {
    activities: [{ externalId: 'HD-1', name: '英语演讲比赛', date: '2026-12-12', course: '少儿英语', fee: 0 }],
  });
  expect(acts.body).toMatchObject({ created: 1 });
  vi.useFakeTimers({ toFake: ['Date'], now: at('2026-12-01', '10:30') });
});
afterAll(async () => {
  vi.useRealTimers();
  await w.close();
});

describe('an activity sign-up offer after the activity took place', () => {
  it('is not approved and sent to the family', async () => {
    expect(await w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(), at('2026-12-01', '10:30'))).toEqual(
      { drafted: 1, suppressed: 0 },
    );
    const [draft] = await w.app.container.repositories.drafts.list(w.tenant.merchantId, {
      scenario: 'activity_signup',
    });
    expect(draft!.text).toMatch(/12月12日的「英语演讲比赛」开始报名了/);

    // the owner gets round to the inbox after the competition
    vi.setSystemTime(at('2026-12-13', '10:00'));
    // (a fresh sign-in: the suite's tokens last an hour)
    const { token } = await w.app.container.services.auth.issueFor(w.tenant.people.owner);
    const res = await w.app.request(`/api/outreach/drafts/${draft!._id.toHexString()}/approve`, { token, body: {} });
    expect(res.status, JSON.stringify(res.body)).toBe(409);
    expect(reached(w, parentRecord.externalUserId)).toEqual({ kf: [], groupSends: 0 });
  });
});
