// The weather source (QWeather's API, played by its stand-in): the owner names the shop's city; tomorrow's rain
// becomes one owner alert in the afternoon (told in WeCom) and one weather-care post per layered group for the owner
// to approve; the forecast is read once an hour for everyone, and a failing source is left alone for a while.
import { rainyDay, WeatherStandIn } from '@xiaoer/dev-services/weather-standin/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GROUP_CALENDAR } from '../../src/modules/groups/group-calendar.job.js';
import { globalKey } from '../../src/redis/keys.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

const XUHUI = '101020600';
let weather: WeatherStandIn;
let w: WecomTestApp;

/** Today in Shanghai, and a moment of it (the stand-in's forecast starts today there). */
const today = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const tomorrow = () => new Date(Date.now() + 32 * 3600_000).toISOString().slice(0, 10);
const todayAt = (hhmm: string) => new Date(`${today()}T${hhmm}:00+08:00`);
const weatherAlerts = () => w.app.container.alerts.repository.raised(w.tenant.merchantId, 'weather_prep');
const forecastCalls = () => weather.seen.filter((s) => s.path.startsWith('/v7/weather/')).length;

beforeAll(async () => {
  weather = new WeatherStandIn();
  await weather.start();
  w = await startWecomTestApp({ env: { WEATHER_API_BASE: weather.url, WEATHER_API_KEY: weather.apiKey } });
});
afterAll(async () => {
  await w?.close();
  await weather?.stop();
});

describe('the shop’s city', () => {
  it('is found by name, set by the owner only, and refused in Chinese when unknown', async () => {
    expect((await w.app.request('/api/merchant/weather', { token: w.tenant.tokens.staff })).body).toEqual({
      available: true,
      days: [],
    });
    expect(
      (
        await w.app.request('/api/merchant/weather', {
          method: 'PUT',
          token: w.tenant.tokens.manager,
          body: { city: '徐汇' },
        })
      ).status,
    ).toBe(403);
    const unknown = await w.app.request('/api/merchant/weather', {
      method: 'PUT',
      token: w.tenant.tokens.owner,
      body: { city: '不存在的地方' },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.message).toContain('没有找到这个城市');
    expect(
      (
        await w.app.request('/api/merchant/weather', {
          method: 'PUT',
          token: w.tenant.tokens.owner,
          body: { city: ' ' },
        })
      ).status,
    ).toBe(400);

    weather.setDays(XUHUI, [rainyDay(tomorrow())]);
    const set = await w.app.request('/api/merchant/weather', {
      method: 'PUT',
      token: w.tenant.tokens.owner,
      body: { city: '徐汇' },
    });
    expect(set.status).toBe(200);
    expect(set.body.location).toEqual({ id: XUHUI, name: '徐汇 · 上海市' });
    expect(set.body.days).toHaveLength(3);
    expect(set.body.days[1]).toEqual({ date: tomorrow(), text: '中雨转小雨，14~22℃', signals: ['rain'] });
  });
});

describe('tomorrow’s rain', () => {
  it('is told to the owner once, in the afternoon, with what to get ready', async () => {
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, todayAt('10:00'));
    expect(await weatherAlerts()).toHaveLength(0); // the morning is too early to plan tomorrow
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, todayAt('15:30'));
    await w.app.container.alerts.owner.scan(w.tenant.merchantId, todayAt('16:00'));
    const alerts = await weatherAlerts();
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      title: '明天有雨：中雨转小雨，14~22℃',
      key: `${tomorrow()}:rain`,
      notify: 'sent',
    });
    expect(alerts[0]!.body).toContain('外卖单通常会变多'); // a milk-tea shop's advice
    expect(w.standin.state.appMessages.some((m) => (m.content as { title?: string }).title?.includes('明天有雨'))).toBe(
      true,
    );
    expect(forecastCalls()).toBe(1); // every read within the hour came from the shared cache
  });

  it('drafts one weather-care post per layered group for tomorrow morning, grounded in the shop’s delivery policy', async () => {
    const policy = await w.app.request('/api/knowledge/policies', {
      token: w.tenant.tokens.owner,
      body: { kind: 'delivery', title: '外卖配送', content: '美团和饿了么都能点，3 公里内配送。' },
    });
    expect(policy.status).toBe(201);
    const { chatId } = await w.standin.customers.opensGroup(
      w.corpId,
      w.tenant.people.staff.wecomUserId,
      '茶语VIP群',
      [],
    );
    await w.drain();
    await w.app.container.groupSync.setLayer(w.tenant.merchantId, chatId, 'vip');
    const job = w.app.container.jobDefinitions.find((j) => j.name === GROUP_CALENDAR)!;
    await job.handler({} as never);
    await job.handler({} as never); // the next tick changes nothing
    const posts = (await w.app.container.repositories.groupPosts.list(w.tenant.merchantId)).filter(
      (p) => p.topic === 'weather_care',
    );
    expect(posts).toHaveLength(1);
    // the week's promotion is spent by the calendar (or the week is empty): care and how to order, no offer
    expect(posts[0]).toMatchObject({
      chatId,
      date: tomorrow(),
      at: '08:30',
      kind: 'useful',
      status: 'pending',
      citedIds: [`policy:${policy.body.id ?? policy.body._id}`],
    });
    expect(posts[0]!.text).toMatch(/^【天气关怀：有雨】今天有雨☔/);
    expect(posts[0]!.text).toContain('不想出门也可以：美团和饿了么都能点，3 公里内配送。');
    expect(posts[0]!.text).not.toMatch(/[¥元折减]/);
  });
});

describe('a failing weather source', () => {
  it('costs no alert scan and is asked again only after a pause', async () => {
    await w.app.container.redis.del(globalKey('weather', '3d', XUHUI));
    weather.failWith = 429; // over the day's quota
    const before = forecastCalls();
    expect(await w.app.container.weather.tomorrow(w.tenant.merchantId)).toBeNull();
    await expect(w.app.container.alerts.owner.scan(w.tenant.merchantId, todayAt('17:00'))).resolves.toBeTypeOf(
      'number',
    );
    expect(forecastCalls()).toBe(before + 1);
    const overview = (await w.app.request('/api/merchant/weather', { token: w.tenant.tokens.owner })).body;
    expect(overview).toMatchObject({ available: true, days: [], problem: '天气暂时查不到，稍后会自动重试' });
    weather.failWith = undefined;
  });
});

describe('without a weather source', () => {
  it('says so, and nothing weather-related runs', async () => {
    const plain = await startWecomTestApp();
    try {
      expect((await plain.app.request('/api/merchant/weather', { token: plain.tenant.tokens.owner })).body).toEqual({
        available: false,
        days: [],
      });
      const set = await plain.app.request('/api/merchant/weather', {
        method: 'PUT',
        token: plain.tenant.tokens.owner,
        body: { city: '徐汇' },
      });
      expect(set.status).toBe(503);
      expect(set.body.message).toBe('还没有接入天气服务');
      expect(await plain.app.container.weather.tomorrow(plain.tenant.merchantId)).toBeNull();
    } finally {
      await plain.close();
    }
  });
});
