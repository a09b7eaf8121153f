// One marketing message per customer per day across scenarios: a parent whose birthday it is and whose class hours run
// low gets the birthday draft only (the other recorded as daily_cap), while the reminder before their child's class —
// a notice about their own class — still goes; 为什么没联系他 says so once one has gone, and the sender refuses a second.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import {
  addDraft,
  approveDraft,
  quietHoursAwayFromNow,
  reached,
  storedDraft,
  today,
} from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let parent: CustomerRecord & { externalUserId: string };

const post = (kind: string, body: unknown) =>
  w.app.request(`/api/intake/${kind}`, { token: w.tenant.tokens.manager, body });
const scenario = (key: string) => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === key)!;
const run = (key: string) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(key), new Date());
const draftsOf = (key: string) => w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: key });
const suppressed = async () =>
  (await w.app.container.repositories.suppressions.list(w.tenant.merchantId)).map((s) => `${s.scenario}:${s.reason}`);
const whyNot = async () =>
  (await w.app.request(`/api/customers/${parent._id}/why-not-contacted`, { token: w.tenant.tokens.owner })).body as {
    canContactNow: boolean;
    blocks: { reason: string; text: string; until?: string; dates?: string[] }[];
  };

beforeAll(async () => {
  w = await startWecomTestApp();
  const owner = w.tenant.tokens.owner;
  await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: owner,
    body: { name: w.tenant.merchant.name, industry: '教育培训' },
  });
  await quietHoursAwayFromNow(w);
  const settings = (await w.app.request('/api/outreach/settings', { token: owner })).body;
  await w.app.request('/api/outreach/settings', { method: 'PUT', token: owner, body: { ...settings, runAt: '00:00' } });
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name: '乐乐妈妈',
  });
  await w.drain();
  const repo = w.app.container.repositories.customers;
  const c = (await repo.findByExternalUserId(w.tenant.merchantId, externalUserId))!;
  await repo.update(w.tenant.merchantId, String(c._id), { phone: '13800000001', birthday: `1990-${today().slice(5)}` });
  parent = { ...c, externalUserId };
  const pkg = await post('course-packages', {
    packages: [
      {
        externalId: 'PK-LL',
        course: '少儿英语',
        studentName: '乐乐',
        totalHours: 48,
        remainingHours: 2,
        customer: { phone: '13800000001' },
      },
    ],
  });
  expect(pkg.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
  const inAnHour = new Date(Date.now() + 60 * 60_000).toISOString();
  const lesson = await post('lessons', {
    lessons: [{ externalId: 'L1', course: '少儿英语', startAt: inAnHour, studentName: '乐乐', packageId: 'PK-LL' }],
  });
  expect(lesson.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
});
afterAll(() => w.close());

describe('one marketing message a day', () => {
  it('drafts one of two marketing scenarios due the same day, records the other, and lets the class notice go', async () => {
    expect(await run('birthday')).toEqual({ drafted: 1, suppressed: 0 });
    expect(await run('class_hours_low')).toEqual({ drafted: 0, suppressed: 1 });
    expect(await suppressed()).toEqual(['class_hours_low:daily_cap']);
    expect(await draftsOf('class_hours_low')).toEqual([]);
    // the reminder before the child's class is about their own class, not marketing
    expect(await run('class_reminder')).toEqual({ drafted: 1, suppressed: 0 });
  });

  it('为什么没联系他 says so once one has gone, and the sender refuses another that day', async () => {
    expect(await whyNot()).toEqual({ canContactNow: true, blocks: [] });
    await w.kfCustomerWrites(parent.externalUserId, '在吗'); // both go straight through 微信客服
    const [birthday] = await draftsOf('birthday');
    expect((await approveDraft(w, birthday!._id.toHexString())).body).toMatchObject({ status: 'delivered' });
    const [reminder] = await draftsOf('class_reminder');
    expect((await approveDraft(w, reminder!._id.toHexString())).body).toMatchObject({ status: 'delivered' });

    const shown = await whyNot();
    expect(shown.canContactNow).toBe(false);
    expect(shown.blocks).toEqual([
      {
        reason: 'daily_cap',
        text: '今天已发过一条主动消息（每天最多 1 条）',
        dates: [expect.any(String)],
        until: expect.any(String),
      },
    ]);
    expect(new Date(shown.blocks[0]!.until!).getTime()).toBeGreaterThan(Date.now());
    expect(new Date(shown.blocks[0]!.until!).getTime()).toBeLessThanOrEqual(Date.now() + 86_400_000);

    // a marketing draft of another scenario (written before today's) approved now is not sent
    const other = await addDraft(w, parent._id, 'dormant_winback', '乐乐妈妈，好久不见～');
    const res = await approveDraft(w, other);
    expect(res.body).toMatchObject({ status: 'cancelled', error: '今天已发过一条主动消息' });
    expect((await storedDraft(w, other))!.status).toBe('cancelled');
    const got = reached(w, parent.externalUserId);
    expect(got.kf).toEqual(expect.arrayContaining([birthday!.text, reminder!.text]));
    expect(got.kf).not.toContain('乐乐妈妈，好久不见～');
    expect(got.groupSends).toBe(0);
  });
});
