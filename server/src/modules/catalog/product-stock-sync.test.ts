import { describe, expect, it } from 'vitest';
import { variantNamed } from './product-stock-sync.js';

const v = (...pairs: [string, string][]) => ({
  options: pairs.map(([name, value]) => ({ name, value })),
  price: 100,
  available: true,
});
const TEA = [v(['杯型', '中杯']), v(['杯型', '大杯'])];
const TEE = [
  v(['颜色', '黄色'], ['尺码', 'L']),
  v(['颜色', '黄色'], ['尺码', 'M']),
  v(['颜色', '白色'], ['尺码', 'L']),
];

describe('the variant a POS names by its words', () => {
  it('finds one variant by its values in any order, or by name=value', () => {
    expect(variantNamed(TEA, '大杯')).toBe(TEA[1]);
    expect(variantNamed(TEA, '杯型=中杯')).toBe(TEA[0]);
    expect(variantNamed(TEE, 'L 黄色')).toBe(TEE[0]);
    expect(variantNamed(TEE, '白色/L')).toBe(TEE[2]);
  });

  it('names none when the words fit no variant or more than one', () => {
    expect(variantNamed(TEA, '超大杯')).toBeUndefined();
    expect(variantNamed(TEE, 'L')).toBeUndefined();
    expect(variantNamed(TEE, '黄色 L 纯棉')).toBeUndefined();
    expect(variantNamed(TEA, '')).toBeUndefined();
  });
});
