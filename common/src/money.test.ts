import { describe, expect, it } from 'vitest';
import { fenToYuan, formatFen, yuanText, yuanToFen } from './money.js';

describe('formatFen', () => {
  it('prints fen as yuan with the sign, two decimals only when there are cents', () => {
    expect(formatFen(1850)).toBe('¥18.50');
    expect(formatFen(1855)).toBe('¥18.55');
    expect(formatFen(1805)).toBe('¥18.05');
    expect(formatFen(1800)).toBe('¥18');
    expect(formatFen(5)).toBe('¥0.05');
    expect(formatFen(0)).toBe('¥0');
  });

  it('groups thousands and keeps the minus in front', () => {
    expect(formatFen(123_456_789)).toBe('¥1,234,567.89');
    expect(formatFen(100_000)).toBe('¥1,000');
    expect(formatFen(-350)).toBe('-¥3.50');
  });

  it('rounds a fractional fen (an average) to the fen', () => {
    expect(formatFen(2733.4)).toBe('¥27.33');
    expect(formatFen(2733.6)).toBe('¥27.34');
  });
});

describe('yuanText and fenToYuan', () => {
  it('say the amount as people say it aloud, for sentences that end in 元', () => {
    expect(yuanText(1650)).toBe('16.5');
    expect(yuanText(1800)).toBe('18');
    expect(yuanText(1855)).toBe('18.55');
    expect(fenToYuan(1850)).toBe(18.5);
    expect(fenToYuan(7)).toBe(0.07);
  });
});

describe('yuanToFen', () => {
  it('reads what an owner types in yuan', () => {
    expect(yuanToFen('18.5')).toBe(1850);
    expect(yuanToFen('18.50')).toBe(1850);
    expect(yuanToFen('¥18.05')).toBe(1805);
    expect(yuanToFen(' 1,234元 ')).toBe(123_400);
    expect(yuanToFen(16.5)).toBe(1650);
    expect(yuanToFen(0.07)).toBe(7);
    expect(yuanToFen('0')).toBe(0);
  });

  it('is exact where floating point is not (19.99 × 100 = 1998.9999…)', () => {
    expect(yuanToFen(19.99)).toBe(1999);
    expect(yuanToFen('4.35')).toBe(435);
  });

  it("reads a spreadsheet formula's price, whose floating-point tail is not a real fraction of a fen", () => {
    expect(yuanToFen('11.520000000000001')).toBe(1152); // =12.8*0.9 in Excel
    expect(yuanToFen('4.3499999999999996')).toBe(435);
    expect(yuanToFen(12.8 * 0.9)).toBe(1152);
  });

  it('refuses what is not an amount of money', () => {
    for (const bad of ['', '  ', 'abc', '-3', '18.555', '1.2.3', '1e3', Number.NaN, -1, Number.POSITIVE_INFINITY]) {
      expect(yuanToFen(bad)).toBeUndefined();
    }
  });
});
