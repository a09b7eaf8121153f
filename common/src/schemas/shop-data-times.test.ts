// A shift's end is checked against its start as instants, not strings: timestamps may carry any offset, so a real
// 09:00–13:00 (Beijing) shift sent with its end in UTC is taken in, and one that ends before it starts is refused.
import { describe, expect, it } from 'vitest';
import { rotaShiftSchema, temperatureSchema } from './shop-data.js';

const shift = (startAt: string, endAt: string) =>
  rotaShiftSchema.safeParse({ externalId: 'S1', staffName: '小王', startAt, endAt });

describe('a shift whose times carry different offsets', () => {
  it('takes a shift that ends four hours after it starts', () => {
    // 09:00 Beijing = 01:00Z; 13:00 Beijing = 05:00Z
    expect(shift('2026-12-01T09:00:00+08:00', '2026-12-01T05:00:00Z').success).toBe(true);
  });
  it('refuses a shift that ends before it starts', () => {
    // 18:00Z = 02:00 Beijing the next day; 20:00 Beijing = 12:00Z, six hours earlier
    expect(shift('2026-12-01T18:00:00Z', '2026-12-01T20:00:00+08:00').success).toBe(false);
  });
});

describe('a fridge reading with its own range', () => {
  const reading = { externalId: 'T1', device: '1号冷藏柜', reading: 5, at: '2026-12-01T08:00:00+08:00' };
  it('refuses a range with nothing in it, one end its own and the other its type’s', () => {
    const min = temperatureSchema.safeParse({ ...reading, min: 10 });
    expect(min.success).toBe(false);
    expect(min.error?.issues[0]?.message).toContain('最低温度要低于最高温度');
    expect(temperatureSchema.safeParse({ ...reading, min: 2 }).success).toBe(true);
    expect(temperatureSchema.safeParse({ ...reading, min: 10, max: 12 }).success).toBe(true);
  });
});
