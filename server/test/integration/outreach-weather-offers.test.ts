// 天气优惠推荐 through the QWeather stand-in on a controllable clock: when a hot spell begins tomorrow, a milk-tea
// shop's customers seen lately hear the forecast, the shop's own hot-day promotion as written and its cold drinks on
// sale — never an opted-out customer, never a second marketing message that day, once per spell; a shop without a
// promotion for that weather writes to nobody (another shop's promotion is not borrowed) and its owner is told why;
// mild weather says nothing.
import type { StandInDay } from '@xiaoer/dev-services/weather-standin/server';
import { fairDay, WeatherStandIn } from '@xiaoer/dev-services/weather-standin/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDraft } from '../support/outreach-drafts.js';
import { startWecomTestApp, type WecomTestApp } from '../support/wecom-test-app.js';

let w: WecomTestApp;
let weather: WeatherStandIn;
type Shop = Pick<WecomTestApp, 'tenant' | 'corpId'>;
let teaShop: Shop;
let noOfferShop: Shop;
let mildShop: Shop;
const people: Record<string, string> = {};
let promotionId = '';
let iceTeaId = '';

// the stand-in's forecast starts today in Shanghai
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
const run = (shop: Shop, now: Date) => w.app.container.outreach.scan.run(shop.tenant.merchantId, scenario(), now);
const drafts = (shop: Shop) =>
  w.app.container.repositories.drafts.list(shop.tenant.merchantId, { scenario: 'weather_offer' });
const suppressions = async (shop: Shop) =>
  (await w.app.container.repositories.suppressions.list(shop.tenant.merchantId))
    .filter((s) => s.scenario === 'weather_offer')
    .map((s) => `${nameOf(s.customerId)}:${s.reason}`)
    .sort();
const alerts = (shop: Shop) => w.app.container.alerts.repository.raised(shop.tenant.merchantId, 'weather_offer');
const alertScan = (shop: Shop, now: Date) => w.app.container.alerts.owner.scan(shop.tenant.merchantId, now);
const nameOf = (id: unknown) => Object.entries(people).find(([, c]) => c === String(id))?.[0];
const request = (shop: Shop, path: string, body?: unknown, method?: string) =>
  w.app.request(path, { token: shop.tenant.tokens.owner, body, ...(method ? { method } : {}) });

async function setUp(shop: Shop, city: string) {
  const profile = await request(
    shop,
    '/api/merchant/profile',
    { name: shop.tenant.merchant.name, industry: '餐饮' },
    'PUT',
  );
  expect(profile.status).toBe(200);
  expect((await request(shop, '/api/merchant/weather', { city }, 'PUT')).status).toBe(200);
}

/** A WeCom contact of the shop who last ordered on `lastOrder`; opted out when asked. */
async function regular(shop: Shop, name: string, lastOrder: string, optedOut = false) {
  const { externalUserId } = await w.standin.customers.addsMember(shop.corpId, shop.tenant.people.staff.wecomUserId, {
    name,
  });
  await w.drain();
  const repo = w.app.container.repositories.customers;
  const c = (await repo.findByExternalUserId(shop.tenant.merchantId, externalUserId))!;
  const res = await w.app.request('/api/intake/orders', {
    token: shop.tenant.tokens.manager,
    body: {
      orders: [
        {
          externalId: `O-${externalUserId}`,
          placedAt: `${lastOrder}T12:00:00+08:00`,
          channel: '堂食',
          amount: 1800,
          items: [{ name: '冰柠檬茶', quantity: 1, unitPrice: 1800 }],
          customer: { externalUserId },
        },
      ],
    },
  });
  expect(res.body).toMatchObject({ created: 1, failed: [] });
  if (optedOut) await repo.optOut(shop.tenant.merchantId, { id: String(c._id) }, { by: 'customer', via: 'kf' });
  people[name] = String(c._id);
  return c;
}

async function switchOffer(shop: Shop, enabled: boolean) {
  const current = (await request(shop, '/api/outreach/settings')).body;
  const scenarios = { ...current.scenarios, weather_offer: { ...current.scenarios.weather_offer, enabled } };
  expect((await request(shop, '/api/outreach/settings', { ...current, scenarios }, 'PUT')).status).toBe(200);
}

beforeAll(async () => {
  weather = new WeatherStandIn();
  await weather.start();
  w = await startWecomTestApp({ env: { WEATHER_API_BASE: weather.url, WEATHER_API_KEY: weather.apiKey } });
  teaShop = w;
  noOfferShop = await w.addMerchant();
  mildShop = await w.addMerchant();
  // today fair; a hot spell from tomorrow (34℃: over the 33℃ line, under the weather module's 35℃ heat warning)
  weather.setDays('101020600', [hotDay(D1, 34), hotDay(D2, 35)]); // 徐汇: the tea shop
  weather.setDays('101010100', [hotDay(D1, 35)]); // 北京: the shop without a hot-day promotion
  await setUp(teaShop, '徐汇');
  await setUp(noOfferShop, '北京');
  await setUp(mildShop, '成都');

  const manager = { token: teaShop.tenant.tokens.manager };
  const products = [
    { name: '冰柠檬茶', category: '果茶', price: 1800, stock: 30 },
    { name: '西瓜冰沙', category: '果茶', price: 2000, stock: 0 }, // sold out: not named
    { name: '热可可', category: '热饮', price: 1600 }, // not what heat sells
  ];
  for (const body of products) {
    const res = await w.app.request('/api/knowledge/products', { ...manager, body });
    expect(res.status).toBe(201);
    if (body.name === '冰柠檬茶') iceTeaId = res.body.id;
  }
  const promotions = [
    { kind: 'promotion', title: '高温天冰饮第二杯半价', content: '高温天全部冰饮第二杯半价，堂食外卖都可以' },
    { kind: 'promotion', title: '雨天外卖', content: '下雨天外卖满30减5' }, // not tomorrow's weather
  ];
  for (const body of promotions) {
    const res = await w.app.request('/api/knowledge/policies', { ...manager, body });
    expect(res.status).toBe(201);
    if (body.title.startsWith('高温')) promotionId = res.body.id;
  }
  // the tea shop's customers: seen lately, seen over two months ago, opted out, already written to today
  await regular(teaShop, '王姐', dayAfter(-10));
  await regular(teaShop, '三个月没来的李哥', dayAfter(-90));
  await regular(teaShop, '退订的周姐', dayAfter(-5), true);
  const told = await regular(teaShop, '今天收到过消息的小陈', dayAfter(-3));
  await addDraft(w, told._id, 'dormant_winback', '小陈，好久不见～最近有空来店里坐坐吧？');
  // the mild shop has a hot-day promotion too: the weather, not the promotion, keeps it quiet
  const mild = await w.app.request('/api/knowledge/policies', {
    token: mildShop.tenant.tokens.manager,
    body: { kind: 'promotion', title: '高温天特饮', content: '高温天柠檬水买一送一' },
  });
  expect(mild.status).toBe(201);
  // the other shops' customers, seen lately
  await regular(noOfferShop, '北京的老张', dayAfter(-2));
  await regular(mildShop, '成都的小美', dayAfter(-2));
});
afterAll(async () => {
  await w?.close();
  await weather?.stop();
});

describe('weather-linked offers', () => {
  it('writes nothing while switched off, before its hour or in quiet hours', async () => {
    await switchOffer(teaShop, false);
    expect(await run(teaShop, at(D0, '15:30'))).toBe('disabled');
    await switchOffer(teaShop, true);
    expect(await run(teaShop, at(D0, '14:00'))).toBe('not_due');
    expect(await run(teaShop, at(D0, '22:30'))).toBe('not_due');
    expect(await drafts(teaShop)).toEqual([]);
  });

  it('offers the shop’s hot-day promotion as written, with the forecast and what is on sale, to customers seen lately', async () => {
    expect(await run(teaShop, at(D0, '15:30'))).toEqual({ drafted: 1, suppressed: 2 });
    const [draft, ...rest] = await drafts(teaShop);
    expect(rest).toEqual([]);
    expect(nameOf(draft!.customerId)).toBe('王姐');
    expect(draft!.text).toBe(
      '王姐您好，明天高温（晴，25~34℃），店里有「高温天冰饮第二杯半价」：高温天全部冰饮第二杯半价，堂食外卖都可以。推荐：冰柠檬茶。需要的话直接回复我～',
    );
    expect(draft!.citedIds).toEqual([`policy:${promotionId}`, `product:${iceTeaId}`]);
    expect(draft!.reason).toBe('明天高温（晴，25~34℃），店里的优惠「高温天冰饮第二杯半价」');
    // it says 明天: stale once today is over
    expect(draft!.expiresAt).toEqual(at(D1, '00:00'));
    expect(draft!.expiryNote).toBe('这条提醒写的“明天”已经过了');
    // opted out: never; a marketing message already today: not a second; not seen in two months: not asked
    expect(await suppressions(teaShop)).toEqual(['今天收到过消息的小陈:daily_cap', '退订的周姐:opted_out']);
    // the shop has its promotion: nothing to tell the owner
    await alertScan(teaShop, at(D0, '15:30'));
    expect(await alerts(teaShop)).toEqual([]);
  });

  it('adds nothing on a second scan that day, nor the next day of the same hot spell', async () => {
    expect(await run(teaShop, at(D0, '16:00'))).toBe('already_done');
    expect(await w.app.container.outreach.scan.scanMerchant(teaShop.tenant.merchantId, at(D0, '16:15'))).toMatchObject({
      weather_offer: 'already_done',
    });
    // tomorrow is hot and so is the day after: the customers heard of this spell already
    expect(await run(teaShop, at(D1, '15:30'))).toEqual({ drafted: 0, suppressed: 0 });
    expect(await drafts(teaShop)).toHaveLength(1);
  });

  it('without a promotion for the weather writes to nobody, borrows no other shop’s, and tells the owner why', async () => {
    expect(await run(noOfferShop, at(D0, '15:30'))).toEqual({ drafted: 0, suppressed: 0 });
    expect(await drafts(noOfferShop)).toEqual([]);
    await alertScan(noOfferShop, at(D0, '14:00'));
    expect(await alerts(noOfferShop)).toEqual([]); // before the scenario's hour
    await switchOffer(noOfferShop, false);
    await alertScan(noOfferShop, at(D0, '15:15'));
    expect(await alerts(noOfferShop)).toEqual([]); // switched off: nothing to explain
    await switchOffer(noOfferShop, true);
    await alertScan(noOfferShop, at(D0, '15:30'));
    await alertScan(noOfferShop, at(D0, '15:45'));
    const [alert, ...rest] = await alerts(noOfferShop);
    expect(rest).toEqual([]);
    expect(alert!.title).toBe('明天高温（晴，25~35℃），没有给顾客拟天气优惠');
    expect(alert!.body).toBe(
      '店里没有写明高温天能用的优惠，所以没有给顾客拟消息（不会替你编优惠）。想发的话，在「常见问答与规定」里加一条「优惠活动」，写上“高温”（如：高温天冰饮第二杯半价），同样的天气再来时会拟好草稿给你确认。',
    );
  });

  it('says nothing of mild weather', async () => {
    expect(await run(mildShop, at(D0, '15:30'))).toEqual({ drafted: 0, suppressed: 0 });
    await alertScan(mildShop, at(D0, '15:30'));
    expect(await alerts(mildShop)).toEqual([]);
  });
});
