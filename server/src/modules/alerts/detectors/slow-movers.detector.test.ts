import { describe, expect, it } from 'vitest';
import { slowMoversDetector, slowMoversRule } from './slow-movers.detector.js';
import { alertContext } from './test-context.js';

describe('slow movers rule', () => {
  it('lists the items on sale that sold fewer than the line, slowest first, in one alert for the day', () => {
    const [alert, ...rest] = slowMoversRule({
      menu: [
        { name: '热可可', available: true },
        { name: '杨枝甘露', available: true },
        { name: '冬季限定', available: false },
        { name: '柠檬茶', available: true },
      ],
      sold: new Map([
        ['杨枝甘露', 40],
        ['柠檬茶', 2],
      ]),
      days: 30,
      maxSold: 3,
      today: '2026-11-30',
    });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({ key: '2026-11-30', level: 'info', title: '滞销提醒：2个商品30天卖不到3件' });
    expect(alert!.body).toMatch(/^热可可（0件）、柠檬茶（2件）。/);
  });

  it('says nothing when everything sells', () => {
    const menu = [{ name: '杨枝甘露', available: true }];
    const sold = new Map([['杨枝甘露', 3]]);
    expect(slowMoversRule({ menu, sold, days: 30, maxSold: 3, today: '2026-11-30' })).toEqual([]);
  });
});

describe('slow movers detector', () => {
  const menu = [{ name: '热可可', available: true }];
  const detector = (first: Date | undefined) =>
    slowMoversDetector({ orders: { firstOrderAt: async () => first, itemSalesSince: async () => new Map() } });

  it('runs on Mondays after the report time', () => {
    const d = detector(undefined);
    expect(d.due!(alertContext({ weekday: 1, localMinutes: 9 * 60 }))).toBe(true);
    expect(d.due!(alertContext({ weekday: 2, localMinutes: 9 * 60 }))).toBe(false);
    expect(d.due!(alertContext({ weekday: 1, localMinutes: 7 * 60 }))).toBe(false);
  });

  it('needs a whole window of history first', async () => {
    const ctx = alertContext();
    ctx.kb.products = menu as never;
    expect(await detector(undefined).detect(ctx)).toEqual([]);
    expect(await detector(new Date(ctx.now.getTime() - 10 * 86_400_000)).detect(ctx)).toEqual([]);
    expect(await detector(new Date(ctx.now.getTime() - 31 * 86_400_000)).detect(ctx)).toHaveLength(1);
  });
});
