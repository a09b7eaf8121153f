// Visits from every kind of record: a salon fed only bookings, a school fed only attendance and a card-only customer
// get the profile's lifecycle, the automatic tags and the report's dormant customers right; cancelled bookings and
// missed classes are no visits; another merchant's records never count, even under the same package number.
import type { Industry } from '@xiaoer/common/constants/industries';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { Types } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildScenarios } from '../../src/modules/outreach/scenarios.js';
import { buildCustomer, buildTenant } from '../support/factories.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let app: TestApp;
type Tenant = Awaited<ReturnType<typeof buildTenant>>;
const DAY = 86_400_000;
const daysAgo = (n: number) => new Date(Date.now() - n * DAY).toISOString();
let phones = 0;

async function tenantOf(industry: Industry): Promise<Tenant> {
  const t = await buildTenant(app.container);
  await app.container.repositories.merchants.updateProfile(t.merchantId, { name: t.merchant.name, industry });
  await app.container.knowledge.base.changed(t.merchantId);
  return t;
}

/** A customer the shop has known for a year (imported from its till), reachable by phone in intake records. */
async function customer(t: Tenant, name: string) {
  const phone = `1390000${String(++phones).padStart(4, '0')}`;
  const c = await buildCustomer(app.container, t.merchantId, {
    name,
    phone,
    firstContactAt: new Date(Date.now() - 365 * DAY),
  });
  return { id: c._id, ref: { phone } };
}

const intake = async (t: Tenant, kind: string, body: unknown) => {
  const res = await app.request(`/api/intake/${kind}`, { token: t.tokens.manager, body });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body;
};
const profile = async (t: Tenant, id: Types.ObjectId) =>
  (await app.request(`/api/customers/${id}/profile`, { token: t.tokens.manager })).body.insights;
const tagsAfterApply = async (t: Tenant, id: Types.ObjectId) => {
  expect((await app.request('/api/tag-rules/apply', { token: t.tokens.manager, body: {} })).status).toBe(200);
  return (await app.container.repositories.customers.findById(t.merchantId, String(id)))!.tags;
};
const dormantCustomers = async (t: Tenant) => {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const res = await app.request(`/api/reports?period=day&date=${today}`, { token: t.tokens.manager });
  expect(res.status).toBe(200);
  return res.body.figures.dormantCustomers as number;
};

/** Whom the daily dormant win-back scan would write to today (the scenario itself, over the real collections). */
const winBack = async (t: Tenant, industry: Industry) => {
  const scenario = buildScenarios({
    orders: app.container.repositories.orders,
    customers: app.container.repositories.customers,
    shopData: app.container.shopData,
  }).find((s) => s.key === 'dormant_winback')!;
  const kb = await app.container.knowledge.base.get(t.merchantId);
  const candidates = await scenario.find({
    merchantId: t.merchantId,
    kb,
    now: new Date(),
    day: '',
    settings: resolveOutreachSettings(undefined, industry).scenarios,
  });
  return candidates.map((c) => c.customer.name);
};

beforeAll(async () => {
  app = await startTestApp({ role: 'api' });
});
afterAll(() => app.close());

describe('a salon fed only bookings', () => {
  let salon: Tenant;
  let regular: Awaited<ReturnType<typeof customer>>;
  let sleeper: Awaited<ReturnType<typeof customer>>;
  beforeAll(async () => {
    salon = await tenantOf('本地服务');
    regular = await customer(salon, '常来的王姐');
    sleeper = await customer(salon, '好久没来的李姐');
    const booking = (id: string, who: typeof regular, ago: number, status: string) => ({
      externalId: id,
      service: '染发',
      startAt: daysAgo(ago),
      status,
      amount: 38800,
      customer: who.ref,
    });
    await intake(salon, 'appointments', {
      appointments: [
        booking('S-1', regular, 10, 'completed'),
        booking('S-2', regular, 40, 'completed'),
        booking('S-3', sleeper, 100, 'completed'),
        // neither a cancelled booking nor a no-show is a visit
        booking('S-4', sleeper, 5, 'cancelled'),
        booking('S-5', sleeper, 3, 'no_show'),
      ],
    });
  });

  it('counts completed services as visits in the profile', async () => {
    const r = await profile(salon, regular.id);
    expect(r).toMatchObject({ visits: 2, totalSpend: 77600, lifecycle: '活跃', averageIntervalDays: 30 });
    expect(Math.round((Date.now() - Date.parse(r.lastVisitAt)) / DAY)).toBe(10);
    expect(await profile(salon, sleeper.id)).toMatchObject({ visits: 1, lifecycle: '沉睡' });
  });

  it('tags by the last service and the merchant’s visit rule', async () => {
    const rule = await app.request('/api/tag-rules', {
      token: salon.tokens.manager,
      body: { tag: '老顾客', minVisits: 2 },
    });
    expect(rule.status).toBe(201);
    expect((await tagsAfterApply(salon, regular.id)).sort()).toEqual(['7天未消费', '老顾客', '高价值客户'].sort());
    expect(await tagsAfterApply(salon, sleeper.id)).toEqual(['沉睡客户']);
  });

  it('reports the dormant customer, not the regular, and drafts the win-back for her alone', async () => {
    expect(await dormantCustomers(salon)).toBe(1);
    expect(await winBack(salon, '本地服务')).toEqual(['好久没来的李姐']);
  });

  it('counts a card use as a visit, once however often the same state is sent', async () => {
    const holder = await customer(salon, '只刷次卡的赵姐');
    const card = (visitsLeft: number) => ({
      cards: [{ externalId: 'CARD-9', cardName: '洗护次卡', balance: 0, visitsLeft, customer: holder.ref }],
    });
    await intake(salon, 'member-cards', card(10));
    // a new card is no use yet: the customer has no visit (only their first contact a year ago: lost)
    expect(await profile(salon, holder.id)).toMatchObject({ visits: 0, lifecycle: '流失' });
    await intake(salon, 'member-cards', card(8));
    await intake(salon, 'member-cards', card(8));
    const used = await profile(salon, holder.id);
    expect(used).toMatchObject({ visits: 2, lifecycle: '活跃' });
    expect(Date.now() - Date.parse(used.lastVisitAt)).toBeLessThan(60_000);
    // a top-up is no use
    await intake(salon, 'member-cards', card(20));
    expect(await profile(salon, holder.id)).toMatchObject({ visits: 2 });
    // a stored-value card: each report with less balance is one use
    const wallet = await customer(salon, '只刷储值卡的孙姐');
    const stored = (balance: number) => ({
      cards: [{ externalId: 'CARD-10', cardName: '储值卡', balance, customer: wallet.ref }],
    });
    for (const balance of [50000, 50000, 41200, 41200, 30000]) await intake(salon, 'member-cards', stored(balance));
    expect(await profile(salon, wallet.id)).toMatchObject({ visits: 2, lifecycle: '活跃' });
  });
});

describe('a school fed only attendance', () => {
  let school: Tenant;
  let family: Awaited<ReturnType<typeof customer>>;
  let gone: Awaited<ReturnType<typeof customer>>;
  beforeAll(async () => {
    school = await tenantOf('教育培训');
    family = await customer(school, '乐乐妈妈');
    gone = await customer(school, '豆豆爸爸');
    await intake(school, 'course-packages', {
      packages: [
        { externalId: 'PK-1', course: '少儿英语', totalHours: 48, remainingHours: 40, customer: family.ref },
        { externalId: 'PK-2', course: '奥数', totalHours: 20, remainingHours: 18, customer: gone.ref },
      ],
    });
    await intake(school, 'attendance', {
      attendance: [
        { externalId: 'A-1', packageId: 'PK-1', at: daysAgo(5), hours: 2 },
        { externalId: 'A-2', packageId: 'PK-1', at: daysAgo(12), hours: 2 },
        { externalId: 'A-3', packageId: 'PK-2', at: daysAgo(120), hours: 2 },
        // missed and on-leave classes are no visits
        { externalId: 'A-4', packageId: 'PK-2', at: daysAgo(2), status: 'absent' },
        { externalId: 'A-5', packageId: 'PK-2', at: daysAgo(9), status: 'leave' },
      ],
    });
  });

  it('gives the attending family a live profile and no dormant tag', async () => {
    expect(await profile(school, family.id)).toMatchObject({ visits: 2, lifecycle: '活跃', averageIntervalDays: 7 });
    expect(await tagsAfterApply(school, family.id)).toEqual([]);
  });

  it('finds the family that stopped coming dormant, in the profile, the tags and the report', async () => {
    expect(await profile(school, gone.id)).toMatchObject({ visits: 1, lifecycle: '沉睡' });
    expect(await tagsAfterApply(school, gone.id)).toEqual(['沉睡客户']);
    expect(await dormantCustomers(school)).toBe(1);
    expect(await winBack(school, '教育培训')).toEqual(['豆豆爸爸']);
  });

  it('never counts another merchant’s records, even under the same package number or customer id', async () => {
    const other = await tenantOf('教育培训');
    const sd = app.container.shopData;
    await sd.packages.store(
      other.merchantId,
      { externalId: 'PK-2', course: '奥数', totalHours: 10, remainingHours: 10, customerId: gone.id },
      false,
    );
    await sd.attendance.store(
      other.merchantId,
      { externalId: 'X-1', packageId: 'PK-2', at: new Date(), hours: 1, status: 'present' },
      false,
    );
    await sd.appointments.store(
      other.merchantId,
      { externalId: 'X-2', service: '试听', startAt: new Date(), status: 'completed', customerId: gone.id },
      false,
    );
    await app.container.repositories.orders.insertMany(other.merchantId, [
      {
        externalId: 'X-3',
        customerId: gone.id,
        channel: '堂食',
        status: 'completed',
        items: [{ name: '教材', quantity: 1, unitPrice: 5000, specs: [] }],
        amount: 5000,
        placedAt: new Date(),
      },
    ]);
    expect(await profile(school, gone.id)).toMatchObject({ visits: 1, lifecycle: '沉睡' });
    expect(await tagsAfterApply(school, gone.id)).toEqual(['沉睡客户']);
    expect(await dormantCustomers(school)).toBe(1);
    expect(await winBack(school, '教育培训')).toEqual(['豆豆爸爸']);
    // and the other merchant cannot read the school's customer
    expect((await app.request(`/api/customers/${gone.id}/profile`, { token: other.tokens.manager })).status).toBe(404);
  });
});
