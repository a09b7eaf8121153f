// The monthly report's staff figures, on a fixed calendar: orders (served or rung up) and completed bookings that
// name a staff member, per person, highest revenue first; nothing when switched off or when no record names anyone; a
// booking and the order its customer paid that staff member for on the same day count once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactWithPhone, setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const NOW = new Date('2026-12-01T02:00:00Z'); // 10:00 on 1 December in Shanghai

const post = (path: string, body: unknown) =>
  w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
const monthly = (date = '2026-11-15') => w.app.container.reports.service.build(w.tenant.merchantId, 'month', date, NOW);
const order = (externalId: string, day: string, amount: number, staffName?: string, status = 'completed') => ({
  externalId,
  placedAt: `2026-11-${day}T12:00:00+08:00`,
  channel: '堂食',
  status,
  amount,
  items: [{ name: '牛肉面', quantity: 1, unitPrice: amount }],
  ...(staffName ? { staffName } : {}),
});

beforeAll(async () => {
  w = await startWecomTestApp();
  const orders = await post('orders', {
    orders: [
      order('S-1', '03', 5000, '张三'),
      order('S-2', '04', 7000, '张三'),
      order('S-3', '05', 3000, '李四'),
      order('S-4', '06', 9000, '李四', 'refunded'), // no sale
      order('S-5', '07', 4000), // names nobody
      order('S-OCT', '01', 8000, '王五'),
    ].map((o) => (o.externalId === 'S-OCT' ? { ...o, placedAt: '2026-10-31T12:00:00+08:00' } : o)),
  });
  expect(orders.body).toMatchObject({ created: 6, failed: [] });
  const bookings = await post('appointments', {
    appointments: [
      {
        externalId: 'BK-1',
        service: '包间服务',
        startAt: '2026-11-10T18:00:00+08:00',
        status: 'completed',
        staffName: '李四',
        amount: 20000,
      },
      {
        externalId: 'BK-2',
        service: '包间服务',
        startAt: '2026-11-11T18:00:00+08:00',
        status: 'cancelled',
        staffName: '张三',
        amount: 20000,
      },
    ],
  });
  expect(bookings.status).toBe(200);
});
afterAll(() => w.close());

describe('monthly staff figures', () => {
  it('lists each person’s orders, services and revenue for the month, highest first, in the report and its text', async () => {
    const r = await monthly();
    expect(r.staff).toEqual([
      { name: '李四', orders: 1, services: 1, revenue: 23000 },
      { name: '张三', orders: 2, services: 0, revenue: 12000 },
    ]);
    expect(r.summary).toContain('员工业绩（按营业额）：李四1单、1次服务，¥230；张三2单，¥120。');
    const res = await w.app.request('/api/reports?period=month&date=2026-11-15', { token: w.tenant.tokens.owner });
    expect(res.body.staff).toHaveLength(2);
  });

  it('says nothing of staff in a day’s report, a month where no record names anyone, or when switched off', async () => {
    const day = await w.app.container.reports.service.build(w.tenant.merchantId, 'day', '2026-11-04', NOW);
    expect(day.staff).toBeUndefined();
    expect((await monthly('2026-09-15')).staff).toBeUndefined();
    await setScenarios(w, { staff_performance: { enabled: false } });
    const off = await monthly();
    expect(off.staff).toBeUndefined();
    expect(off.summary).not.toContain('员工业绩');
  });
});

describe('a booking and the order that paid for it', () => {
  it('count once, as the service with what was paid; an order another day or for another person still counts', async () => {
    await setScenarios(w, { staff_performance: { enabled: true } });
    // a salon visit: 小美 books Tony for a perm, pays for it at the till, and buys a product from Amy
    const customer = { phone: '13900000001' };
    await contactWithPhone(w, '小美', customer.phone);
    const bookings = await post('appointments', {
      appointments: [
        {
          externalId: 'BK-A',
          service: '烫发',
          startAt: '2026-11-12T14:00:00+08:00',
          status: 'completed',
          staffName: 'Tony',
          amount: 38000,
          customer,
        },
      ],
    });
    expect(bookings.body).toMatchObject({ created: 1, unmatchedCustomers: 0 });
    const checkout = (externalId: string, day: string, amount: number, staffName: string) => ({
      ...order(externalId, day, amount, staffName),
      placedAt: `2026-11-${day}T16:00:00+08:00`,
      customer,
    });
    const orders = await post('orders', {
      orders: [
        checkout('PAY-A', '12', 36000, 'Tony'), // the booking's checkout, at the price paid
        checkout('PAY-B', '13', 5000, 'Tony'), // a product bought the next day: an order of its own
        checkout('PAY-C', '12', 4000, 'Amy'), // the same visit, another person's sale
      ],
    });
    expect(orders.body).toMatchObject({ created: 3, unmatchedCustomers: 0, failed: [] });
    const r = await monthly();
    expect(r.staff).toEqual([
      { name: 'Tony', orders: 1, services: 1, revenue: 41000 },
      { name: '李四', orders: 1, services: 1, revenue: 23000 },
      { name: '张三', orders: 2, services: 0, revenue: 12000 },
      { name: 'Amy', orders: 1, services: 0, revenue: 4000 },
    ]);
  });
});
