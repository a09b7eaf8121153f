// REVIEW (fedc321, shop-index.ts optionByRange): 米 became a unit (1米 = 100cm), but GIVEN reads only the digits before
// 米, so the everyday "1米2" / "1米25" (1.2 m, 1.25 m) is read as 100cm and chooses the 110 size (身高100-110cm) — a
// wrong size, whose price would then be quoted. Right: "1米2" is 120cm (or, unread, no option is chosen).
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { namedOptions } from './shop-index.js';

const kb = knowledgeFor(
  testShop({
    name: '小芽童装',
    industry: '零售',
    products: [
      {
        name: '儿童羽绒服',
        category: '童装',
        price: 199,
        variants: [
          { options: { 尺码: '110（身高100-110cm）' }, price: 199 },
          { options: { 尺码: '120（身高110-120cm）' }, price: 219 },
          { options: { 尺码: '130（身高120-130cm）' }, price: 239 },
        ],
      },
    ],
  }),
);
const coat = kb.products[0]!;

describe('a height said as 1米2', () => {
  it('is not read as 1 metre', () => {
    expect(namedOptions('孩子1米2穿哪个码', coat).get('尺码')).not.toBe('110（身高100-110cm）');
    expect(namedOptions('孩子身高1米25 羽绒服多少钱', coat).get('尺码')).toBe('130（身高120-130cm）');
    expect(namedOptions('孩子1米15穿哪个码', coat).get('尺码')).toBe('120（身高110-120cm）');
  });
});
