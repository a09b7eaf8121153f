// A shift's end is checked against its start as instants, not strings: timestamps may carry any offset, so a real
// 09:00–13:00 (Beijing) shift sent with its end in UTC is taken in, and one that ends before it starts is refused.
import { describe, expect, it } from 'vitest';
import { rotaShiftSchema } from './shop-data.js';

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
