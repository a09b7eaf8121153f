// A retail shop's owner alerts on a controllable clock: the best sellers whose stock on hand lasts fewer days than
// the owner's line at the pace they sold lately (按最近卖的速度，还够卖几天), and tomorrow's weather tied to the stock
// on hand of the goods it moves (QWeather played by its stand-in).
import type { ScenarioKey } from '@xiaoer/common/constants/scenarios';
import { rainyDay, WeatherStandIn } from '@xiaoer/dev-services/weather-standin/server';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { setScenarios } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let weather: WeatherStandIn;

const post = (path: string, body: unknown) =>
  w.app.request(`/api/intake/${path}`, { token: w.tenant.tokens.manager, body });
const alerts = (kind: ScenarioKey) => w.app.container.alerts.repository.raised(w.tenant.merchantId, kind);
const scan = (iso: string) => w.app.container.alerts.owner.scan(w.tenant.merchantId, new Date(iso));

beforeAll(async () => {
  weather = new WeatherStandIn();
  await weather.start();
  w = await startWecomTestApp({ env: { WEATHER_API_BASE: weather.url, WEATHER_API_KEY: weather.apiKey } });
  const profile = await w.app.request('/api/merchant/profile', {
    method: 'PUT',
    token: w.tenant.tokens.owner,
    body: { name: w.tenant.merchant.name, industry: '零售' },
  });
  expect(profile.status).toBe(200);
});
afterAll(async () => {
  await w?.close();
  await weather?.stop();
});

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
    await setScenarios(w, { stock_cover: { enabled: false } });
    await scan('2026-11-30T10:00:00+08:00');
    expect(await alerts('stock_cover')).toEqual([]);
    await setScenarios(w, { stock_cover: { enabled: true } });
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
    await setScenarios(w, { stock_cover: { enabled: true, coverDays: 3 } });
    await scan('2026-12-01T10:00:00+08:00');
    expect((await alerts('stock_cover')).filter((a) => a.key === '2026-12-01')).toEqual([]);
  });
});

describe('tomorrow’s weather and the stock on hand', () => {
  // the stand-in's forecast starts today in Shanghai
  const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
  const tomorrow = () => new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
  const at = (hhmm: string) => new Date(`${today()}T${hhmm}:00+08:00`);

  beforeAll(async () => {
    expect(
      (
        await w.app.request('/api/knowledge/products', {
          token: w.tenant.tokens.manager,
          body: { name: '雨衣', category: '雨具', price: 2900, stock: 0 },
        })
      ).status,
    ).toBe(201);
    weather.setDays('101020600', [rainyDay(tomorrow())]);
    const city = await w.app.request('/api/merchant/weather', {
      method: 'PUT',
      token: w.tenant.tokens.owner,
      body: { city: '徐汇' },
    });
    expect(city.status).toBe(200);
  });

  it('tells the rain with the stock of the rain goods the shop counts, not of other goods', async () => {
    await scan(at('14:00').toISOString());
    expect(await alerts('weather_prep')).toEqual([]); // before the weather hour
    // the rain goods' sales are read once: told at 15:30, the next tick reads nothing more for it
    const sales = vi.spyOn(w.app.container.repositories.orders, 'itemSalesSince');
    const rainGoodsReads = () => sales.mock.calls.filter(([, , names]) => names?.join() === '雨伞,雨衣').length;
    try {
      await scan(at('15:30').toISOString());
      expect(rainGoodsReads()).toBe(1);
      await scan(at('16:00').toISOString());
      expect(rainGoodsReads()).toBe(1);
    } finally {
      sales.mockRestore();
    }
    const [rain, ...rest] = await alerts('weather_prep');
    expect(rest).toEqual([]);
    expect(rain!.title).toMatch(/^明天有雨/);
    expect(rain!.body).toMatch(
      /^下雨天：雨伞、雨衣摆到门口显眼处，地面放好防滑垫。店里的相关商品：雨伞还有40件（最近7天卖了\d+件）、雨衣已卖完。缺货或快卖完的建议今天补上。$/,
    );
    expect(rain!.body).not.toContain('保温杯'); // a cold-weather good: not tomorrow's
  });
});
