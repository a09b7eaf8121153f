// 天气优惠推荐 when the weather source fails at the scenario's hour: the run is not recorded as done (a failing source
// is not "no weather"), so a later tick that day, with the source back, still offers the new hot spell. Otherwise the
// day is lost, and the next day the spell "holds already" (today is hot too) and is never offered at all.
import type { StandInDay } from '@xiaoer/dev-services/weather-standin/server';
import { fairDay, WeatherStandIn } from '@xiaoer/dev-services/weather-standin/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalKey } from '../../src/redis/keys.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

const XUHUI = '101020600';
let w: WecomTestApp;
let weather: WeatherStandIn;

const dayAfter = (n: number) => new Date(Date.now() + (8 + 24 * n) * 3600_000).toISOString().slice(0, 10);
const D0 = dayAfter(0);
const D1 = dayAfter(1);
const D2 = dayAfter(2);
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const hotDay = (fxDate: string, max: number): StandInDay => ({
  ...fairDay(fxDate),
  tempMax: String(max),
  tempMin: '25',
  textDay: '晴',
  textNight: '晴',
});
const scenario = () => w.app.container.outreach.scan['d'].scenarios.find((s) => s.key === 'weather_offer')!;
const run = (now: Date) => w.app.container.outreach.scan.run(w.tenant.merchantId, scenario(), now);
const owner = (path: string, body?: unknown, method?: string) =>
  w.app.request(path, { token: w.tenant.tokens.owner, body, ...(method ? { method } : {}) });

beforeAll(async () => {
  weather = new WeatherStandIn();
  await weather.start();
  w = await startWecomTestApp({ env: { WEATHER_API_BASE: weather.url, WEATHER_API_KEY: weather.apiKey } });
  weather.setDays(XUHUI, [hotDay(D1, 34), hotDay(D2, 35)]);
  expect((await owner('/api/merchant/profile', { name: w.tenant.merchant.name, industry: '餐饮' }, 'PUT')).status).toBe(
    200,
  );
  expect((await owner('/api/merchant/weather', { city: '徐汇' }, 'PUT')).status).toBe(200);
  const manager = { token: w.tenant.tokens.manager };
  expect(
    (
      await w.app.request('/api/knowledge/policies', {
        ...manager,
        body: { kind: 'promotion', title: '高温天冰饮第二杯半价', content: '高温天全部冰饮第二杯半价' },
      })
    ).status,
  ).toBe(201);
  const { externalUserId } = await w.standin.customers.addsMember(w.corpId, w.tenant.people.staff.wecomUserId, {
    name: '王姐',
  });
  await w.drain();
  const res = await w.app.request('/api/intake/orders', {
    ...manager,
    body: {
      orders: [
        {
          externalId: 'O-1',
          placedAt: `${dayAfter(-10)}T12:00:00+08:00`,
          channel: '堂食',
          amount: 1800,
          items: [{ name: '冰柠檬茶', quantity: 1, unitPrice: 1800 }],
          customer: { externalUserId },
        },
      ],
    },
  });
  expect(res.body).toMatchObject({ created: 1, failed: [] });
});
afterAll(async () => {
  await w?.close();
  await weather?.stop();
});

describe('the weather source failing at the offer’s hour', () => {
  it('does not record the day as done: a later tick that day, with the source back, offers the hot spell', async () => {
    await w.app.container.redis.del(globalKey('weather', '3d', XUHUI));
    weather.failWith = 500;
    expect(await run(at(D0, '15:30'))).toBe('unavailable');
    // the source is back (and its backoff over) by the next ticks
    weather.failWith = undefined;
    await w.app.container.redis.del(globalKey('weather', 'failing', XUHUI));
    expect(await run(at(D0, '16:00'))).toMatchObject({ drafted: 1 });
    const drafts = await w.app.container.repositories.drafts.list(w.tenant.merchantId, { scenario: 'weather_offer' });
    expect(drafts).toHaveLength(1);
    // and the day is done now
    expect(await run(at(D0, '16:30'))).toBe('already_done');
  });
});
