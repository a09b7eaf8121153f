import { describe, expect, it } from 'vitest';
import { stockCoverDetector, stockCoverRule } from './stock-cover.detector.js';
import { alertContext } from './test-context.js';

const products = [
  { name: '保温杯', stock: 6 }, // 14 in 7 days: 2 a day, 3 days left
  { name: '雨伞', stock: 40 }, // 21 in 7 days: 3 a day, 13 days left
  { name: '帆布袋' }, // not counted
  { name: '暖宝宝', stock: 1 }, // 10 in 7 days, under a day left
  { name: '袜子', stock: 0 }, // 1 sold: not a best seller
];
const sold = new Map([
  ['保温杯', 14],
  ['雨伞', 21],
  ['帆布袋', 30],
  ['暖宝宝', 10],
  ['袜子', 1],
]);

describe('best sellers by days of cover', () => {
  it('names the top sellers whose stock lasts under the line at their recent pace, soonest out first', () => {
    const [alert, ...rest] = stockCoverRule({ products, sold, days: 7, top: 4, coverDays: 7, today: '2026-11-30' });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'stock_cover',
      key: '2026-11-30',
      level: 'urgent',
      title: '畅销品库存不够卖：暖宝宝、保温杯',
      body: '暖宝宝库存1件，按最近7天每天卖1.4件，今天就可能卖完；按最近7天卖的速度（每天2件），保温杯还够卖3天（库存6件）。建议尽快补货。',
    });
  });

  it('says a best seller at nought is sold out, not that it may sell out today', () => {
    const out = [{ name: '暖宝宝', stock: 0 }];
    const [alert] = stockCoverRule({ products: out, sold, days: 7, top: 5, coverDays: 7, today: 'd' });
    expect(alert!.body).toBe('暖宝宝已经卖完了（最近7天每天卖1.4件）。建议尽快补货。');
  });

  it('leaves out items outside the top sellers, and says nothing when the best sellers last', () => {
    // 袜子 is sold out but sold too little to be a best seller
    expect(stockCoverRule({ products, sold, days: 7, top: 2, coverDays: 7, today: 'd' })).toEqual([]);
    expect(stockCoverRule({ products, sold, days: 7, top: 5, coverDays: 1, today: 'd' })).toHaveLength(1);
    expect(stockCoverRule({ products, sold: new Map(), days: 7, top: 5, coverDays: 7, today: 'd' })).toEqual([]);
  });

  it('waits for the report time', () => {
    const detector = stockCoverDetector({ orders: { itemSalesSince: async () => new Map() } });
    expect(detector.due!(alertContext({ industry: '零售', localMinutes: 7 * 60 }))).toBe(false);
    expect(detector.due!(alertContext({ industry: '零售', localMinutes: 9 * 60 }))).toBe(true);
  });
});
