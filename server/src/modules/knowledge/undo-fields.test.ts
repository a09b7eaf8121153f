import { describe, expect, it } from 'vitest';
import { undoFields } from './undo-fields.js';

const v = (sku: string, price: number, stock: number) => ({
  sku,
  options: [{ name: '杯型', value: sku }],
  price,
  stock,
});

describe('undoFields', () => {
  it('puts back only what the change touched, keeping what was written since', () => {
    const before = { name: '奶茶', price: 1500, stock: 9, tags: ['热卖'] };
    const after = { name: '奶茶', price: 1700, stock: 9, tags: ['热卖', '新品'] };
    const now = { name: '奶茶', price: 1700, stock: 2, tags: ['热卖', '新品'] };
    expect(undoFields(now, before, after)).toEqual({ name: '奶茶', price: 1500, stock: 2, tags: ['热卖'] });
  });

  it('removes a variant the change added and brings back one it removed, the others as they are now', () => {
    const before = { variants: [v('M', 1600, 20), v('L', 1900, 20)] };
    const after = { variants: [v('M', 1600, 20), v('XL', 2300, 10)] };
    const now = { variants: [v('M', 1600, 4), v('XL', 2300, 10)] };
    expect(undoFields(now, before, after)).toEqual({ variants: [v('M', 1600, 4), v('L', 1900, 20)] });
  });

  it('leaves a field the change touched and something rewrote since as it is now', () => {
    expect(undoFields({ stock: 3 }, { stock: 20 }, { stock: 8 })).toEqual({ stock: 3 });
    expect(undoFields({ a: 1 }, { a: 1, b: 2 }, { a: 1 })).toEqual({ a: 1, b: 2 });
  });
});
