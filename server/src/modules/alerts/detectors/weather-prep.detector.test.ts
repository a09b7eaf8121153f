import { describe, expect, it } from 'vitest';
import { OWNER_ADVICE } from '../../weather/weather-signals.js';
import { alertContext } from './test-context.js';
import { weatherPrepDetector, weatherPrepRule } from './weather-prep.detector.js';

const day = {
  date: '2026-12-01',
  textDay: '中雨',
  textNight: '小雨',
  iconDay: 306,
  iconNight: 305,
  tempMax: 12,
  tempMin: 3,
  precipMm: 8,
};

describe('weather prep', () => {
  it('tells each kind of weather tomorrow once, with the industry’s preparation', () => {
    const alerts = weatherPrepRule({ day, signals: ['rain', 'cold'] }, '餐饮');
    expect(alerts.map((a) => [a.key, a.title])).toEqual([
      ['2026-12-01:rain', '明天有雨：中雨转小雨，3~12℃'],
      ['2026-12-01:cold', '明天降温：中雨转小雨，3~12℃'],
    ]);
    expect(alerts[0]!.body).toBe(OWNER_ADVICE.餐饮.rain);
    expect(weatherPrepRule(null, '餐饮')).toEqual([]);
    expect(weatherPrepRule({ day, signals: [] }, '餐饮')).toEqual([]);
  });

  it('looks from the owner’s weather hour on', () => {
    const detector = weatherPrepDetector({
      weather: { tomorrow: async () => null },
      orders: { itemSalesSince: async () => new Map() },
    });
    expect(detector.due!(alertContext({ localMinutes: 14 * 60 + 59 }))).toBe(false);
    expect(detector.due!(alertContext({ localMinutes: 15 * 60 }))).toBe(true);
  });

  it('ties the advice to the stock on hand of the goods that weather moves, with what sold lately', () => {
    const [rain] = weatherPrepRule({ day, signals: ['rain'] }, '零售', {
      rain: [
        { name: '折叠雨伞', stock: 3, sold: 14 },
        { name: '雨衣', stock: 0, sold: 2 },
        { name: '鞋套', stock: 50, sold: 0 },
      ],
    });
    expect(rain!.body).toBe(
      `${OWNER_ADVICE.零售.rain}店里的相关商品：折叠雨伞还有3件（最近7天卖了14件）、雨衣已卖完、鞋套还有50件。缺货或快卖完的建议今天补上。`,
    );
    // plenty on hand: the stock is told, no restocking is urged
    const [plenty] = weatherPrepRule({ day, signals: ['rain'] }, '零售', {
      rain: [{ name: '雨伞', stock: 40, sold: 7 }],
    });
    expect(plenty!.body).toBe(`${OWNER_ADVICE.零售.rain}店里的相关商品：雨伞还有40件（最近7天卖了7件）。`);
  });

  it('reads the counted stock of the catalogue’s weather goods and their last 7 days’ sales', async () => {
    const asked: string[][] = [];
    const detector = weatherPrepDetector({
      weather: { tomorrow: async () => ({ day, signals: ['rain' as const, 'cold' as const] }) },
      orders: {
        itemSalesSince: async (_m, _since, only) => {
          asked.push(only ?? []);
          return new Map([['保温杯', 4]]);
        },
      },
    });
    const product = (name: string, category: string, stock?: number) => ({
      name,
      category,
      tags: [],
      stock,
      available: true,
    });
    const ctx = alertContext({ industry: '零售', localMinutes: 15 * 60 });
    ctx.kb = {
      ...ctx.kb,
      products: [product('保温杯', '杯子', 2), product('晴雨伞', '雨具'), product('牙刷', '日用', 9)],
    } as unknown as typeof ctx.kb;
    const [rain, cold] = await detector.detect(ctx);
    expect(asked).toEqual([['保温杯']]); // the umbrella's stock is not counted: nothing to say of it
    expect(rain!.body).toBe(OWNER_ADVICE.零售.rain);
    expect(cold!.body).toBe(`${OWNER_ADVICE.零售.cold}店里的相关商品：保温杯还有2件（最近7天卖了4件）。`);
  });
});
