// A retail shop's members told, in the last days of the month, of their points lapsing by its end, from the member
// system's 积分到期 batches through the intake (`points`), on a controllable clock: the trigger and its non-triggers
// (too early in the month, next month's points, points used up, a member we cannot name, one who opted out).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CustomerRecord } from '../../src/modules/customers/customer.repository.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';
import { contactWithPhone } from '../support/outreach-drafts.js';

let w: WecomTestApp;
const people: Record<string, CustomerRecord> = {};

async function customer(name: string, phone: string, optedOut = false) {
  const c = await contactWithPhone(w, name, phone, optedOut);
  people[name] = c;
}
const scenario = () => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === 'points_expiring')!;
const run = (iso: string) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(), new Date(iso));
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => String(c._id) === String(id))?.[0];
const texts = async () =>
  (await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'points_expiring' }))
    .map((d) => `${nameOf(d.customerId)}|${d.text}`)
    .sort();
const batch = (externalId: string, phone: string, points: number, expiresOn: string) => ({
  externalId,
  points,
  expiresOn,
  customer: { phone },
});

beforeAll(async () => {
  w = await startWecomTestApp();
  await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '零售' },
  });
  await customer('会员小王', '13500000001');
  await customer('会员小李', '13500000002');
  await customer('下月到期的小张', '13500000003');
  await customer('用完了的小赵', '13500000004');
  await customer('退订的小孙', '13500000005', true);
  const res = await w.app.request('/api/intake/points', {
    token: w.tenant.tokens.manager,
    body: {
      points: [
        batch('JF-1', '13500000001', 320, '2026-11-30'),
        batch('JF-2', '13500000002', 100, '2026-11-28'),
        batch('JF-3', '13500000002', 50, '2026-11-30'),
        batch('JF-4', '13500000003', 800, '2026-12-31'),
        batch('JF-5', '13500000004', 0, '2026-11-30'),
        batch('JF-6', '13500000005', 200, '2026-11-30'),
        batch('JF-7', '13599999999', 500, '2026-11-30'), // no customer of ours
        batch('JF-8', '13500000001', 10, '月底'),
        { externalId: 'JF-9', points: 10, expiresOn: '2026-11-30' }, // names no member
      ],
    },
  });
  expect(res.status).toBe(200);
  expect(res.body).toMatchObject({
    created: 7,
    unmatchedCustomers: 1,
    failed: [
      { index: 7, externalId: 'JF-8' },
      { index: 8, externalId: 'JF-9' },
    ],
  });
});
afterAll(() => w.close());

describe('the points intake', () => {
  it('reads the member system’s sheet by its Chinese headers (a dry run stores nothing)', async () => {
    const csv = [
      '积分记录编号,手机号,到期积分,到期日',
      'JF-S1,13500000001,60,2026-11-30',
      'JF-S2,13500000002,很多,2026-11-30',
    ].join('\n');
    const res = await w.app.request('/api/intake/points/import', {
      token: w.tenant.tokens.manager,
      body: { format: 'csv', content: csv, dryRun: true },
    });
    expect(res.body).toMatchObject({
      dryRun: true,
      created: 1,
      mapping: { 积分记录编号: 'externalId', 手机号: 'phone', 到期积分: 'points', 到期日: 'expiresOn' },
      failed: [{ row: 3 }],
    });
  });
});

describe('points expiring at month end', () => {
  it('says nothing before the month’s last days', async () => {
    expect(await run('2026-11-25T10:30:00+08:00')).toMatchObject({ drafted: 0 });
  });

  it('tells members in the last five days of the points that lapse by the month’s end, once', async () => {
    expect(await run('2026-11-26T10:30:00+08:00')).toMatchObject({ drafted: 2, suppressed: 1 });
    expect(await texts()).toEqual([
      '会员小李|会员小李，提醒您一下：您有150积分将在11月28日至11月30日陆续到期，到期前记得用掉哦，有问题随时问我～',
      '会员小王|会员小王，提醒您一下：您有320积分将在11月30日到期，到期前记得用掉哦，有问题随时问我～',
    ]);
    const suppressed = (await w.app.container.repositories.suppressions.list(w.tenant.merchantId))
      .filter((s) => s.scenario === 'points_expiring')
      .map((s) => `${nameOf(s.customerId)}:${s.reason}`);
    expect(suppressed).toEqual(['退订的小孙:opted_out']);
    // the next days of the window ask nobody again
    expect(await run('2026-11-27T10:30:00+08:00')).toMatchObject({ drafted: 0 });
  });
});
