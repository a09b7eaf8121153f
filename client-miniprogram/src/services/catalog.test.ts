import type { ProductDto } from '@xiaoer/common/schemas/knowledge-item';
import { describe, expect, it } from 'vitest';
import {
  byCategory,
  checkProduct,
  inputOf,
  matches,
  priceText,
  productForm,
  typedStock,
  variantSoldOut,
  withSoldOut,
  withStock,
} from './catalog';

const base = { specs: [], attributes: [], aliases: [], tags: [], allergens: [], available: true };
const TEA: ProductDto = {
  ...base,
  id: 'a',
  name: '多肉葡萄',
  category: '鲜果茶',
  price: 1800,
  stock: 40,
  aliases: ['葡萄冻'],
  variants: [
    { options: [{ name: '杯型', value: '中杯' }], price: 1800, stock: 20, available: true },
    { options: [{ name: '杯型', value: '大杯' }], price: 2200, stock: 20, available: true },
  ],
};
const CAKE: ProductDto = { ...base, id: 'b', name: '芒果千层', category: '甜品', price: 3200, stock: 3, variants: [] };

describe('the catalogue', () => {
  it('finds a product by its name, category, the owner’s aliases or the generated ones', () => {
    expect(matches(TEA, ['duorouputao', 'drpt'], 'DRPT')).toBe(true);
    expect(matches(TEA, [], '葡萄冻')).toBe(true);
    expect(matches(TEA, [], '果茶')).toBe(true);
    expect(matches(TEA, [], '芒果')).toBe(false);
    expect(matches(CAKE, [], ' ')).toBe(true);
    const groups = byCategory([{ ...TEA, name: '葡萄冻冻' }, CAKE, TEA]);
    expect(groups.map((g) => g.category)).toEqual(['甜品', '鲜果茶']);
    expect(groups[1]!.products.map((p) => p.name)).toEqual(['多肉葡萄', '葡萄冻冻']);
    expect(priceText(TEA)).toBe('¥18 起');
    expect(priceText(CAKE)).toBe('¥32');
  });

  it('marks a whole product and each variant sold out, and sends variants without the derived price', () => {
    const input = withSoldOut(TEA, true);
    expect(input.available).toBe(false);
    expect(input.variants.map((v) => v.available)).toEqual([false, false]);
    expect(input).not.toHaveProperty('price');
    expect(input).not.toHaveProperty('stock');
    expect(inputOf(CAKE)).toMatchObject({ price: 3200, stock: 3 });
    // back on sale with none counted: no longer counted, not "0 left"
    const restored = withSoldOut({ ...CAKE, stock: 0, available: false }, false);
    expect(restored.available).toBe(true);
    expect(restored).not.toHaveProperty('stock');
    expect(variantSoldOut({ ...TEA.variants[0]!, stock: 0 }, false)).toEqual({
      options: TEA.variants[0]!.options,
      available: true,
      stock: null,
    });
    expect(variantSoldOut(TEA.variants[0]!, true)).not.toHaveProperty('stock');
    expect(withStock(CAKE, 0)).toMatchObject({ stock: 0 });
    expect(withStock(CAKE, undefined)).not.toHaveProperty('stock');
    expect(typedStock('12')).toEqual({ ok: true, stock: 12 });
    expect(typedStock('')).toEqual({ ok: true });
    expect(typedStock('1.5')).toMatchObject({ ok: false });
  });

  it('turns the typed form into the server’s product, prices in fen', () => {
    const form = {
      ...productForm(TEA),
      attributes: '产地=云南\n保质期：2 小时',
      aliases: '葡萄冻, 葡萄',
      tags: ['爆款'],
    };
    const checked = checkProduct(form);
    expect(checked.ok && checked.value).toMatchObject({
      name: '多肉葡萄',
      variants: [
        { options: [{ name: '杯型', value: '中杯' }], price: 1800, stock: 20 },
        { options: [{ name: '杯型', value: '大杯' }], price: 2200, stock: 20 },
      ],
      attributes: [
        { name: '产地', value: '云南' },
        { name: '保质期', value: '2 小时' },
      ],
      aliases: ['葡萄冻', '葡萄'],
      tags: ['爆款'],
    });
    const bare = checkProduct({ ...productForm(), name: '热可可', category: '热饮', variants: [] });
    expect(bare).toMatchObject({ ok: false, errors: { price: '请填写价格' } });
    const sized = checkProduct({
      ...productForm(),
      name: '美式',
      category: '咖啡',
      variants: [{ options: '大杯', price: '18.5', stock: '', available: true }],
    });
    expect(sized.ok && sized.value.variants[0]).toMatchObject({
      options: [{ name: '规格', value: '大杯' }],
      price: 1850,
    });
  });

  it('names each wrong field in Chinese, as the server would', () => {
    const checked = checkProduct({
      ...productForm(),
      name: ' ',
      category: '咖啡',
      price: 'abc',
      stock: '2.5',
      variants: [],
    });
    expect(checked).toMatchObject({
      ok: false,
      errors: { name: '请填写商品名称', price: '价格请填数字，如 18 或 18.5', stock: '库存应为整数' },
    });
    const variants = checkProduct({
      ...productForm(),
      name: '卫衣',
      category: '上衣',
      variants: [
        { options: '颜色=灰色', price: '十块', stock: '', available: true },
        { options: '颜色=灰色', price: '12', stock: '-1', available: true },
      ],
    });
    expect(variants).toMatchObject({
      ok: false,
      errors: {
        'variants.0.price': '价格请填数字，如 18 或 18.5',
        'variants.1.stock': '库存不能为负',
      },
    });
  });
});
