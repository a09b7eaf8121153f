// Tomorrow's forecast revised after the 15:00 weather alert (heat added to a rainy day) is told as its own alert:
// the alert is once per day and kind of weather, not once per day.
import { rainyDay, WeatherStandIn } from '@xiaoer/dev-services/weather-standin/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globalKey } from '../../src/redis/keys.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

const XUHUI = '101020600';
let w: WecomTestApp;
let weather: WeatherStandIn;
const dayAfter = (n: number) => new Date(Date.now() + (8 + 24 * n) * 3600_000).toISOString().slice(0, 10);
const D0 = dayAfter(0);
const D1 = dayAfter(1);
const at = (date: string, hhmm: string) => new Date(`${date}T${hhmm}:00+08:00`);
const owner = (path: string, body?: unknown, method?: string) =>
  w.app.request(path, { token: w.tenant.tokens.owner, body, ...(method ? { method } : {}) });

beforeAll(async () => {
  weather = new WeatherStandIn();
  await weather.start();
  w = await startWecomTestApp({ env: { WEATHER_API_BASE: weather.url, WEATHER_API_KEY: weather.apiKey } });
  expect((await owner('/api/merchant/profile', { name: w.tenant.merchant.name, industry: '餐饮' }, 'PUT')).status).toBe(
    200,
  );
  expect((await owner('/api/merchant/weather', { city: '徐汇' }, 'PUT')).status).toBe(200);
});
afterAll(async () => {
  await w?.close();
  await weather?.stop();
});

describe('tomorrow’s forecast revised after the 15:00 weather alert', () => {
  it('tells the owner of the new kind of weather at a later tick that day', async () => {
    weather.setDays(XUHUI, [rainyDay(D1)]);
    await w.app.container.redis.del(globalKey('weather', '3d', XUHUI));
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, at(D0, '15:10'));
    const keys = async () =>
      (await w.app.container.alerts.repository.raised(w.tenant.merchantId, 'weather_prep')).map((a) => a.key).sort();
    expect(await keys()).toEqual([`${D1}:rain`]);

    // the 17:00 forecast: the rain stays and the high climbs to 36℃
    weather.setDays(XUHUI, [{ ...rainyDay(D1), tempMax: '36', tempMin: '27' }]);
    await w.app.container.redis.del(globalKey('weather', '3d', XUHUI));
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, at(D0, '17:10'));
    // fails: the detector is skipped before it reads the forecast, since a weather_prep alert exists today
    expect(await keys()).toEqual([`${D1}:heat`, `${D1}:rain`]);
  });
});
