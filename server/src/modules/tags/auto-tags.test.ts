import { describe, expect, it } from 'vitest';
import { autoTags, highValueThreshold, type CustomerFigures } from './auto-tags.js';

const now = new Date('2026-11-23T02:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const figures = (over: Partial<CustomerFigures> = {}): CustomerFigures => ({
  firstContactAt: daysAgo(200),
  spend: 0,
  visits: 0,
  items: new Set(),
  keywords: new Set(),
  ...over,
});
const ctx = { industry: '餐饮' as const, highValueSpend: 50_000, now };

describe('autoTags', () => {
  it('applies the built-ins by the industry’s rhythm', () => {
    expect(autoTags(figures({ firstContactAt: daysAgo(3) }), [], ctx)).toEqual(['新客户']);
    expect(autoTags(figures({ spend: 60_000, visits: 12, lastVisitAt: daysAgo(2) }), [], ctx)).toEqual(['高价值客户']);
    expect(autoTags(figures({ spend: 60_000, visits: 1, lastVisitAt: daysAgo(2) }), [], ctx)).toEqual([]); // one big order is not loyalty
    expect(autoTags(figures({ spend: 1800, visits: 3, lastVisitAt: daysAgo(10) }), [], ctx)).toEqual(['7天未消费']);
    expect(autoTags(figures({ spend: 1800, visits: 3, lastVisitAt: daysAgo(45) }), [], ctx)).toEqual(['沉睡客户']);
    expect(autoTags(figures({ spend: 1800, visits: 3, lastVisitAt: daysAgo(100) }), [], ctx)).toEqual(['流失客户']);
    expect(
      autoTags(figures({ spend: 1800, visits: 3, lastVisitAt: daysAgo(45) }), [], { ...ctx, industry: '教育培训' }),
    ).toEqual(['7天未消费']);
  });

  it('applies the merchant’s rules when every condition holds', () => {
    const rules = [
      { tag: '芒果控', enabled: true, boughtItem: '杨枝甘露', minVisits: 2 },
      { tag: '问过外卖', enabled: true, keyword: '外卖' },
      { tag: '停用的规则', enabled: false, minVisits: 1 },
    ];
    const fan = figures({
      visits: 3,
      spend: 5400,
      lastVisitAt: daysAgo(1),
      items: new Set(['杨枝甘露']),
      keywords: new Set(['外卖']),
    });
    expect(autoTags(fan, rules, ctx)).toEqual(['芒果控', '问过外卖']);
    expect(autoTags({ ...fan, visits: 1 }, rules, ctx)).toEqual(['问过外卖']);
  });

  it('compares spend in fen, like the rule says it', () => {
    const rules = [{ tag: '消费满50', enabled: true, minSpendFen: 5000 }];
    expect(autoTags(figures({ spend: 5000, visits: 1, lastVisitAt: daysAgo(1) }), rules, ctx)).toEqual(['消费满50']);
    expect(autoTags(figures({ spend: 4999, visits: 1, lastVisitAt: daysAgo(1) }), rules, ctx)).toEqual([]);
  });

  it('puts the top tenth of buyers above the high-value line', () => {
    expect(highValueThreshold([100, 900, 500, 300, 700, 200, 800, 400, 600, 1000, 0])).toBe(1000);
    expect(highValueThreshold(Array.from({ length: 20 }, (_, i) => (i + 1) * 100))).toBe(1900);
    expect(highValueThreshold([])).toBe(Number.POSITIVE_INFINITY);
  });
});
