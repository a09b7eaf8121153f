import { describe, expect, it } from 'vitest';
import { alertContext } from './test-context.js';
import { dailySalesRate, lowStockDetectors, lowStockRule } from './low-stock.detector.js';

const item = { name: '杨枝甘露', unit: '杯', batches: [] };

describe('low stock rule', () => {
  it('tells each level of an item once a day, sold out and critical as urgent', () => {
    const alerts = lowStockRule(
      [
        { ...item, quantity: 0, low: 10, critical: 3 },
        { ...item, name: '芋圆', quantity: 8, low: 10, critical: 3 },
        { ...item, name: '椰果', quantity: 50, low: 10, critical: 3 },
      ],
      new Map(),
      3,
      '2026-11-30',
    );
    expect(alerts.map((a) => [a.key, a.level, a.title])).toEqual([
      ['杨枝甘露:2:2026-11-30', 'urgent', '已售罄：杨枝甘露'],
      ['芋圆:1:2026-11-30', 'warning', '库存偏低：芋圆'],
    ]);
    expect(alerts[0]!.body).toBe('杨枝甘露还剩0杯，请尽快补货。');
  });

  it('follows the sales of an item without lines and says how many days are left', () => {
    const [alert] = lowStockRule([{ ...item, quantity: 25 }], new Map([['杨枝甘露', 10]]), 3, '2026-11-30');
    expect(alert).toMatchObject({ level: 'warning', data: { severity: 1, daysLeft: 2 } });
    expect(alert!.body).toBe('杨枝甘露还剩25杯，按最近日均10杯大约还能卖2天，请尽快补货。');
    expect(lowStockRule([{ ...item, quantity: 25 }], new Map(), 3, '2026-11-30')).toEqual([]); // neither: no concern
  });

  it('takes whichever of orders and sale movements saw more, per day of the window', () => {
    const rate = dailySalesRate(
      new Map([
        ['a', 28],
        ['b', 14],
      ]),
      new Map([
        ['b', 42],
        ['c', 7],
      ]),
      14,
    );
    expect(Object.fromEntries(rate)).toEqual({ a: 2, b: 3, c: 0.5 });
  });
});

describe('low stock detector', () => {
  const reads: string[][] = [];
  const detectors = lowStockDetectors({
    stock: {
      list: async (_m, names) => {
        reads.push(names ?? ['*']);
        return [{ ...item, quantity: 1, low: 5, critical: 2 }];
      },
    },
    movements: { unitsSoldSince: async () => new Map() },
    orders: { itemSalesSince: async () => new Map() },
  });

  it('reads only the items a delivery changed, and nothing when none did', async () => {
    const ctx = alertContext();
    expect(
      await detectors.intake.detect(ctx, [{ type: 'review', reviewId: undefined as never, created: true }]),
    ).toEqual([]);
    expect(reads).toEqual([]);
    await detectors.intake.detect(ctx, [
      { type: 'stock', item: '杨枝甘露' },
      { type: 'stock', item: '杨枝甘露' },
    ]);
    await detectors.scan.detect(ctx);
    expect(reads).toEqual([['杨枝甘露'], ['*']]);
  });
});
