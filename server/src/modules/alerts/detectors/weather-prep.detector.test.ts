import { describe, expect, it } from 'vitest';
import { OWNER_ADVICE } from '../../weather/weather-signals.js';
import { alertContext } from './test-context.js';
import { busiestHoursLine, weatherPrepDetector, weatherPrepRule } from './weather-prep.detector.js';

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
      orders: { itemSalesSince: async () => new Map(), inRange: async () => [], firstOrderAt: async () => undefined },
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
        inRange: async () => {
          throw new Error('only a restaurant reads its busiest hours');
        },
        firstOrderAt: async () => undefined,
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

  it('gives a restaurant its busiest hours on tomorrow’s weekday from the last four same weekdays', async () => {
    // today Monday 2026-11-30; tomorrow (the forecast's day) is Tuesday: 12:00 and 18:00 were busy on Tuesdays
    const tuesdays = ['2026-11-24', '2026-11-17', '2026-11-10', '2026-11-03'];
    const order = (date: string, time: string) => ({
      placedAt: new Date(`${date}T${time}:00+08:00`),
      amount: 3000,
      status: 'completed',
    });
    const sales = tuesdays.flatMap((date) => [
      ...Array.from({ length: 6 }, () => order(date, '12:20')),
      ...Array.from({ length: 4 }, () => order(date, '18:10')),
      order(date, '15:00'),
      order('2026-11-23', '12:00'), // a Monday: not tomorrow's weekday
    ]);
    const detector = weatherPrepDetector({
      weather: { tomorrow: async () => ({ day, signals: ['rain' as const] }) },
      orders: {
        itemSalesSince: async () => new Map(),
        inRange: async () => sales as never,
        firstOrderAt: async () => new Date('2026-10-01T00:00:00Z'),
      },
    });
    const [rain] = await detector.detect(alertContext({ industry: '餐饮', localMinutes: 15 * 60 }));
    expect(rain!.body).toBe(
      `${OWNER_ADVICE.餐饮.rain}按过去4个周二，明天最忙的是12:00–13:00（平均6单）和18:00–19:00（平均4单），请按这些时段提前排好人手和备料。`,
    );
  });

  it('says nothing of busy hours without a history of at least an order an hour', () => {
    expect(busiestHoursLine(undefined, 2)).toBe('');
    expect(busiestHoursLine({ days: 4, ordersByHour: Array<number>(24).fill(0.5), revenue: 0 }, 2)).toBe('');
  });
});
