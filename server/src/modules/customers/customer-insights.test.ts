import { describe, expect, it } from 'vitest';
import { customerInsights, lifecycleStage } from './customer-insights.js';

const day = (n: number) => new Date(Date.UTC(2026, 10, 1) + n * 86_400_000);
const order = (n: number, amount: number, items: [string, number][], status = 'completed') => ({
  placedAt: day(n),
  amount,
  status,
  items: items.map(([name, quantity]) => ({ name, quantity })),
});

describe('customerInsights', () => {
  it('sums spend and visits, finds the rhythm and favourites, and ignores refunds', () => {
    const orders = [
      order(0, 1800, [['杨枝甘露', 1]]),
      order(7, 3000, [
        ['杨枝甘露', 1],
        ['芋泥波波', 1],
      ]),
      order(14, 1500, [['芋泥波波', 2]]),
      order(15, 9900, [['蛋糕', 1]], 'refunded'),
    ];
    const i = customerInsights(orders, '餐饮', day(0), day(20));
    expect(i).toMatchObject({
      totalSpend: 6300,
      visits: 3,
      averageIntervalDays: 7,
      lifecycle: '活跃',
      lastVisitAt: day(14).toISOString(),
    });
    expect(i.favouriteItems).toEqual([
      { name: '芋泥波波', quantity: 3 },
      { name: '杨枝甘露', quantity: 2 },
    ]);
  });

  it('has no rhythm with one visit and no spend with none', () => {
    expect(customerInsights([order(0, 1800, [['杨枝甘露', 1]])], '餐饮', day(0), day(3))).toMatchObject({
      visits: 1,
      averageIntervalDays: undefined,
      lifecycle: '新客',
    });
    expect(customerInsights([], '餐饮', day(0), day(1))).toMatchObject({
      totalSpend: 0,
      visits: 0,
      lifecycle: '新客',
      favouriteItems: [],
    });
  });
});

describe('lifecycleStage', () => {
  it('moves from active to dormant to lost by the industry’s rhythm', () => {
    expect(lifecycleStage(5, day(0), '餐饮', day(30))).toBe('活跃');
    expect(lifecycleStage(5, day(0), '餐饮', day(31))).toBe('沉睡');
    expect(lifecycleStage(5, day(0), '餐饮', day(91))).toBe('流失');
    expect(lifecycleStage(5, day(0), '教育培训', day(60))).toBe('活跃'); // a term is longer than a milk-tea week
    expect(lifecycleStage(1, day(0), '餐饮', day(20))).toBe('沉睡'); // came once and not again
  });
});
