// A retail shop's owner alerts on a controllable clock: the best sellers whose stock on hand lasts fewer days than
// the owner's line at the pace they sold lately (按最近卖的速度，还够卖几天).
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;

const post = (path: string, body: unknown) =>
  w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
const alerts = (kind: ScenarioKey) => w.app.container.alerts.repository.raised(w.tenant.merchantId, kind);
const scan = (iso: string) => w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(iso));
async function settings(changes: Record<string, unknown>) {
  const current = (await w.app.request('/api/outreach/settings', { token: w.tenant.tokens.owner })).body;
  const res = await w.app.request('/api/outreach/settings', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { ...current, scenarios: { ...current.scenarios, ...changes } },
  });
  expect(res.status).toBe(200);
}

beforeAll(async () => {
  w = await startWecomTestApp();
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '零售' },
  });
  expect(profile.status).toBe(200);
});
afterAll(() => w.close());

describe('best sellers by days of cover', () => {
  beforeAll(async () => {
    const products = [
      { name: '保温杯', category: '杯子', price: 5900, stock: 6 },
      { name: '雨伞', category: '雨具', price: 3900, stock: 40 },
      { name: '帆布袋', category: '包', price: 2900 }, // stock not counted
    ];
    for (const body of products)
      expect((await w.app.request('/api/knowledge/products', { token: w.tenant.tokens.manager, body })).status).toBe(
        201,
      );
    // the 7 days before Monday 30 Nov: 2 保温杯, 3 雨伞 and 5 帆布袋 a day
    const orders = Array.from({ length: 7 }, (_, i) => {
      const placedAt = `2026-11-${String(23 + i).padStart(2, '0')}T15:00:00+08:00`;
      const sale = (name: string, quantity: number) => ({
        externalId: `R-${name}-${i}`,
        placedAt,
        channel: '堂食',
        amount: quantity * 1000,
        items: [{ name, quantity, unitPrice: 1000 }],
      });
      return [sale('保温杯', 2), sale('雨伞', 3), sale('帆布袋', 5)];
    }).flat();
    expect((await post('orders', { orders })).body).toMatchObject({ created: 21, failed: [] });
  });

  it('says nothing while switched off, or before the report time', async () => {
    await settings({ stock_cover: { enabled: false } });
    await scan('2026-11-30T10:00:00+08:00');
    expect(await alerts('stock_cover')).toEqual([]);
    await settings({ stock_cover: { enabled: true } });
    await scan('2026-11-30T07:00:00+08:00');
    expect(await alerts('stock_cover')).toEqual([]);
  });

  it('names, once a day, the best sellers whose stock lasts under the line at their pace, not those that last', async () => {
    await scan('2026-11-30T10:00:00+08:00');
    await scan('2026-11-30T10:15:00+08:00');
    const [alert, ...rest] = await alerts('stock_cover');
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ title: '畅销品库存不够卖：保温杯', level: 'warning', notify: 'sent' });
    expect(alert!.body).toBe('按最近7天卖的速度（每天2件），保温杯还够卖3天（库存6件）。建议尽快补货。');
  });

  it('follows the owner’s line', async () => {
    await settings({ stock_cover: { enabled: true, coverDays: 3 } });
    await scan('2026-12-01T10:00:00+08:00');
    expect((await alerts('stock_cover')).filter((a) => a.key === '2026-12-01')).toEqual([]);
  });
});
