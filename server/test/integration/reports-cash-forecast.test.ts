// The weekly report's 7-day estimate of takings, on a fixed calendar: each day the average of its weekday over the
// last 4 weeks, said to be an estimate with its basis; none without a basis, when switched off, or for a week still
// running.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTenant } from '../support/factories.js';
import { setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
const at = (local: string) => new Date(`${local}+08:00`);
const NOW = at('2026-11-30T10:00:00'); // Monday: last week is 11-23 … 11-29
const DAY = 86_400_000;

const sale = (id: string, placedAt: Date, amount: number, status = 'completed') => ({
  externalId: id,
  placedAt,
  channel: '堂食' as const,
  status: status as 'completed',
  items: [{ name: '牛肉面', quantity: 1, unitPrice: amount, specs: [] }],
  amount,
});

beforeAll(async () => {
  w = await startWecomTestApp();
  // the four weeks 11-02 … 11-29: ¥100 every weekday noon, ¥300 on Saturdays, one refund that is no sale
  const orders = Array.from({ length: 28 }, (_, i) => {
    const day = new Date(at('2026-11-02T12:00:00').getTime() + i * DAY);
    return sale(`F-${i}`, day, day.getUTCDay() === 6 ? 30000 : 10000);
  });
  orders.push(sale('F-R', at('2026-11-10T13:00:00'), 50000, 'refunded'));
  await w.app.container.repositories.orders.insertMany(w.tenant.merchantId, orders);
});
afterAll(() => w.close());

const weekly = (merchantId = w.tenant.merchantId, date = '2026-11-29', now = NOW) =>
  w.app.container.reports.service.build(merchantId, 'week', date, now);

describe('7-day takings estimate', () => {
  it('estimates each of the next 7 days from its weekday over the last 4 weeks, saying it is an estimate', async () => {
    const r = await weekly();
    expect(r.forecast).toEqual({
      weeks: 4,
      total: 6 * 10000 + 30000,
      days: ['2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06'].map(
        (date) => ({ date, revenue: date === '2026-12-05' ? 30000 : 10000 }),
      ),
    });
    expect(r.summary).toContain(
      '未来7天（11月30日–12月6日）营业额预估约¥900：这是按过去4周同一天的平均营业额估算的，仅供参考，不是保证。',
    );
    // the console reads the same
    const res = await w.app.request('/api/reports?period=week&date=2026-11-29', { token: w.tenant.tokens.owner });
    expect(res.body.forecast.total).toBe(90000);
  });

  it('gives none for a week still running, for a day’s report, or when switched off', async () => {
    expect((await weekly(w.tenant.merchantId, '2026-11-30')).forecast).toBeUndefined();
    const day = await w.app.container.reports.service.build(w.tenant.merchantId, 'day', '2026-11-29', NOW);
    expect(day.forecast).toBeUndefined();
    await setScenarios(w, { cash_forecast: { enabled: false } });
    const off = await weekly();
    expect(off.forecast).toBeUndefined();
    expect(off.summary).not.toContain('预估');
  });

  it('gives none to a shop with less than a week of takings: no basis for some weekday', async () => {
    const young = await buildTenant(w.app.container);
    await w.app.container.repositories.orders.insertMany(young.merchantId, [
      sale('Y-1', at('2026-11-27T12:00:00'), 10000),
    ]);
    const r = await weekly(young.merchantId);
    expect(r.forecast).toBeUndefined();
    expect(r.summary).not.toContain('预估');
  });
});
