// A tutoring centre's activities offered to the families whose child fits, on a controllable clock: the course and
// the grade the school system gives for the child against the activity's range; the text holds the activity's own
// facts only; an opted-out parent is left out by the scan's shared consent check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { contactWithPhone } from '../support/outreach-drafts.js';

let w: WecomTestApp;
const people: Record<string, CustomerRecord> = {};
const at = (date: string, time: string) => new Date(`${date}T${time}:00+08:00`);
const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const scenario = () => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === 'activity_signup')!;
const run = (now: Date) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(), now);
const drafts = () => w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'activity_signup' });
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];
const texts = async () => Object.fromEntries((await drafts()).map((d) => [nameOf(d.customerId), d.text]));

async function parent(name: string, phone: string, pkg: Record<string, unknown>) {
  const c = await contactWithPhone(w, name, phone);
  const res = await post('course-packages', {
    packages: [{ totalHours: 48, remainingHours: 20, customer: { phone }, ...pkg }],
  });
  expect(res.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  people[name] = c;
}

beforeAll(async () => {
  w = await startWecomTestApp();
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '教育培训' },
  });
  expect(profile.status).toBe(200);
  await parent('乐乐妈妈', '13800000001', { externalId: 'PK-LL', course: '少儿英语', studentName: '乐乐', grade: 3 });
  await parent('豆豆爸爸', '13800000002', { externalId: 'PK-DD', course: '少儿英语', studentName: '豆豆', grade: 8 });
  // no grade from the school system: an activity for some grades cannot be said to fit
  await parent('果果妈妈', '13800000004', { externalId: 'PK-GG', course: '少儿英语', studentName: '果果' });
  await parent('退订的朵朵妈妈', '13800000003', {
    externalId: 'PK-OO',
    course: '少儿英语',
    studentName: '朵朵',
    grade: 4,
  });
  await w.app.container.repositories.customers.optOut(
    w.tenant.merchantId,
    { id: String(people['退订的朵朵妈妈']!._id) },
    { by: 'customer', via: 'kf' },
  );
});
afterAll(() => w.close());

describe('activity sign-ups', () => {
  it('takes activities in, and refuses a range upside down or a grade out of school, in Chinese', async () => {
    const res = await post('activities', {
      activities: [
        {
          externalId: 'HD-1',
          name: '英语演讲比赛',
          date: '2026-12-12',
          minGrade: 1,
          maxGrade: 6,
          course: '少儿英语',
          fee: 18000,
          seats: 30,
        },
        { externalId: 'HD-BAD', name: '倒过来的活动', date: '2026-12-12', minGrade: 6, maxGrade: 1 },
        { externalId: 'HD-BAD2', name: '大学活动', date: '2026-12-12', minGrade: 13 },
      ],
    });
    expect(res.body).toMatchObject({
      created: 1,
      failed: [
        { index: 1, errors: { maxGrade: '最低年级不能高于最高年级' } },
        { index: 2, errors: { minGrade: '年级最大是 12（高三）' } },
      ],
    });
  });

  it('offers nothing while the activity is further off than the knob', async () => {
    expect(await run(at('2026-11-20', '10:30'))).toEqual({ drafted: 0, suppressed: 0 });
  });

  it('offers it, with the record’s facts only, to the family whose child’s grade and course fit', async () => {
    expect(await run(at('2026-12-01', '10:30'))).toEqual({ drafted: 1, suppressed: 1 });
    expect(await texts()).toEqual({
      乐乐妈妈:
        '乐乐妈妈您好，12月12日的「英语演讲比赛」开始报名了，面向一年级到六年级，乐乐可以参加，费用180元，共30个名额。想报名直接回复我。',
    });
  });

  it('a free activity for the whole course reaches a family without a grade; a family is offered once a week', async () => {
    await post('activities', {
      activities: [{ externalId: 'HD-2', name: '圣诞英语派对', date: '2026-12-15', course: '少儿英语', fee: 0 }],
    });
    expect(await run(at('2026-12-02', '10:30'))).toEqual({ drafted: 2, suppressed: 2 });
    const all = await texts();
    expect(all['果果妈妈']).toBe(
      '果果妈妈您好，12月15日的「圣诞英语派对」开始报名了，果果可以参加，免费参加。想报名直接回复我。',
    );
    expect(all['豆豆爸爸']).toMatch(/「圣诞英语派对」/);
    expect(all['乐乐妈妈']).toMatch(/「英语演讲比赛」/); // not a second offer within the week
  });
});
