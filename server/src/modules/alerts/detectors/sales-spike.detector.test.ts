import { describe, expect, it } from 'vitest';
import { salesSpikeRule } from './sales-spike.detector.js';

const base = { days: 7, multiple: 3, minUnits: 10, today: '2026-11-30' };

describe('sales spike rule', () => {
  it('tells each item over its multiple of the usual hour, once a day per item', () => {
    const alerts = salesSpikeRule({
      ...base,
      lastHour: new Map([
        ['保温杯', 30],
        ['雨伞', 20],
      ]),
      pastTotal: new Map([
        ['保温杯', 21],
        ['雨伞', 49],
      ]),
    });
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ key: '2026-11-30:保温杯', title: '爆单预警：保温杯一小时卖了30件' });
    expect(alerts[0]!.body).toContain('平均（3件）的10倍');
  });

  it('needs a normal to compare with and enough units to matter', () => {
    expect(
      salesSpikeRule({ ...base, lastHour: new Map([['新品', 50]]), pastTotal: new Map() }), // never sold at this hour
    ).toEqual([]);
    expect(
      salesSpikeRule({ ...base, lastHour: new Map([['保温杯', 9]]), pastTotal: new Map([['保温杯', 7]]) }), // 9× but 9 units
    ).toEqual([]);
  });
});
