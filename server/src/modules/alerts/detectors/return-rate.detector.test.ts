import { describe, expect, it } from 'vitest';
import { returnRateRule } from './return-rate.detector.js';

const base = { days: 30, maxRate: 0.2, minSold: 10, today: '2026-11-30' };

describe('return rate rule', () => {
  it('names items over the line and twice the shop’s rate, worst first, with the shop’s average', () => {
    const [alert, ...rest] = returnRateRule({
      ...base,
      rows: [
        { name: '连衣裙', sold: 10, returned: 3 },
        { name: '牛仔裤', sold: 10, returned: 5 },
        { name: '帽子', sold: 80, returned: 2 },
        { name: '袜子', sold: 3, returned: 3 },
      ],
    });
    expect(rest).toEqual([]);
    expect(alert!.title).toBe('退货率异常：2个商品');
    expect(alert!.body).toMatch(/^近30天牛仔裤退了5\/10件（50%）、连衣裙退了3\/10件（30%），全店平均13%。/);
  });

  it('says nothing when every product is refunded alike', () => {
    const rows = [
      { name: '连衣裙', sold: 10, returned: 3 },
      { name: '牛仔裤', sold: 10, returned: 3 },
    ];
    expect(returnRateRule({ ...base, rows })).toEqual([]);
    expect(returnRateRule({ ...base, rows: [] })).toEqual([]);
  });
});
