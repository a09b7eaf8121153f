import { describe, expect, it } from 'vitest';
import type { Passage } from '../knowledge/passages.js';
import { missingOfferNote, offerSignals, weatherOfferPlan, weatherOfferText } from './weather-offers.js';
import type { DayForecast } from './weather-signals.js';

const day = (over: Partial<DayForecast> = {}): DayForecast => ({
  date: '2026-07-15',
  textDay: '晴',
  textNight: '晴',
  iconDay: 100,
  iconNight: 150,
  tempMax: 28,
  tempMin: 22,
  precipMm: 0,
  ...over,
});
const hot = (tempMax = 34) => day({ tempMax, tempMin: 26 });
const rainy = day({ iconDay: 306, textDay: '中雨', textNight: '中雨', precipMm: 12 });
const promotion = (title: string, content: string, id = title): Extract<Passage, { kind: 'policy' }> => ({
  id: `policy:${id}`,
  kind: 'policy',
  title,
  text: `${title} ${content}`,
  content,
  policyKind: 'promotion',
});
const product = (name: string, over: { category?: string; stock?: number; available?: boolean } = {}) => ({
  _id: name,
  name,
  category: over.category ?? '饮品',
  tags: [],
  available: over.available ?? true,
  ...(over.stock !== undefined ? { stock: over.stock } : {}),
});
const HOT_OFFER = promotion('高温天冰饮第二杯半价', '高温天全部冰饮第二杯半价');

describe('weather-linked offers', () => {
  it('calls a day hot at the owner’s line, not only at the weather module’s 35℃', () => {
    expect(offerSignals(hot(33), undefined, 33)).toEqual(['heat']);
    expect(offerSignals(hot(32), undefined, 33)).toEqual([]);
    expect(offerSignals(hot(34), undefined, 35)).toEqual([]);
    expect(offerSignals(rainy, undefined, 33)).toEqual(['rain']);
  });

  it('offers only weather that is new tomorrow: a spell already under way was told when it began', () => {
    const kb = { passages: [HOT_OFFER], products: [] };
    expect(weatherOfferPlan({ day: day(), previous: day() }, kb, 33)).toBeNull();
    expect(weatherOfferPlan({ day: hot(35), previous: hot(34) }, kb, 33)).toBeNull();
    expect(weatherOfferPlan({ day: hot(35), previous: day() }, kb, 33)).toMatchObject({ signal: 'heat' });
    // rain after a hot day is new weather
    expect(weatherOfferPlan({ day: { ...rainy, tempMax: 34 }, previous: hot(34) }, kb, 33)).toMatchObject({
      signal: 'rain',
      missing: 'no_offer',
    });
  });

  it('finds the promotion the shop wrote for that weather, and no other', () => {
    const rainOffer = promotion('雨天外卖', '下雨天外卖满30减5');
    const kb = {
      passages: [promotion('雪糕第二支半价', '雪糕第二支半价'), HOT_OFFER, rainOffer],
      products: [],
    };
    expect(weatherOfferPlan({ day: rainy }, kb, 33)).toMatchObject({ signal: 'rain', offer: rainOffer });
    expect(weatherOfferPlan({ day: hot() }, kb, 33)).toMatchObject({ signal: 'heat', offer: HOT_OFFER });
    // 雪糕 is not snow
    const snowy = day({ iconDay: 400, textDay: '小雪', textNight: '小雪', tempMax: 1, tempMin: -3 });
    expect(weatherOfferPlan({ day: snowy }, kb, 33)).toMatchObject({ signal: 'snow', missing: 'no_offer' });
    // a delivery rule that mentions rain is not a promotion
    const rule: Passage = { ...rainOffer, id: 'policy:d', policyKind: 'delivery' };
    expect(weatherOfferPlan({ day: rainy }, { passages: [rule], products: [] }, 33)).toMatchObject({
      missing: 'no_offer',
    });
  });

  it('names only catalogue products that weather sells and that are on sale, three at most', () => {
    const products = [
      product('冰柠檬茶', { stock: 12 }),
      product('西瓜冰沙', { stock: 0 }),
      product('冰美式', { available: false }),
      product('杨枝甘露'),
      product('冰拿铁'),
      product('冰摩卡'),
      product('冰可可'),
      product('热可可', { category: '热饮' }),
    ];
    const plan = weatherOfferPlan({ day: hot() }, { passages: [HOT_OFFER], products }, 33);
    expect(plan && 'picks' in plan && plan.picks.map((p) => p.name)).toEqual(['冰柠檬茶', '冰拿铁', '冰摩卡']);
    expect(plan && 'picks' in plan && weatherOfferText(plan, '王姐')).toBe(
      '王姐您好，明天高温（晴，26~34℃），店里有「高温天冰饮第二杯半价」：高温天全部冰饮第二杯半价。推荐：冰柠檬茶、冰拿铁、冰摩卡。需要的话直接回复我～',
    );
  });

  it('does not offer a promotion on a product that is sold out, and tells the owner so', () => {
    const offer = promotion('高温特饮', '高温天西瓜冰沙买一送一');
    const plan = weatherOfferPlan(
      { day: hot() },
      { passages: [offer], products: [product('西瓜冰沙', { stock: 0 })] },
      33,
    );
    expect(plan).toMatchObject({ missing: 'sold_out', product: '西瓜冰沙' });
    expect(plan && 'missing' in plan && missingOfferNote(plan)).toEqual({
      title: '明天高温（晴，26~34℃），没有给顾客拟天气优惠',
      body: '「高温特饮」里的西瓜冰沙现在没货，所以没有给顾客发这条优惠。补货后，同样的天气再来时会再拟好草稿给你确认。',
    });
  });
});
