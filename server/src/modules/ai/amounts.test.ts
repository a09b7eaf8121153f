// Amounts as customers write them: a variant named by the part of its label in brackets ("小份(二两)" by "二两"),
// Chinese numerals before a unit ("一公斤" is the 1kg jar), and a product with an amount and nothing else asked
// ("蜂巢蜜一盒") read as a price question.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';
import { namesOption } from './shop-index.js';

const SHOP = testShop({
  id: 'test-amounts',
  name: '山野小铺',
  industry: '电商',
  kind: '土特产网店',
  address: '汉中市佛坪县1号',
  hours: everyDay('09:00', '20:00'),
  products: [
    {
      name: '洋槐蜜',
      category: '蜂蜜',
      price: 58,
      aliases: ['槐花蜜'],
      variants: [
        { options: { 规格: '500g' }, price: 58, stock: 80 },
        { options: { 规格: '1kg' }, price: 108, stock: 0 },
      ],
    },
    { name: '蜂巢蜜', category: '蜂蜜', price: 88 },
    {
      name: '重庆小面',
      category: '面',
      price: 12,
      aliases: ['小面'],
      variants: [
        { options: { 份量: '小份(二两)' }, price: 12 },
        { options: { 份量: '大份(三两)' }, price: 15 },
      ],
    },
  ],
});

describe('amounts as customers write them', () => {
  const kb = knowledgeFor(SHOP);

  it('names a bracketed label by either part, and numerals before a unit as digits', () => {
    expect(namesOption('小面二两', '小份(二两)')).toBe(true);
    expect(namesOption('小面来个小份', '小份(二两)')).toBe(true);
    expect(namesOption('小面三两', '小份(二两)')).toBe(false);
    expect(namesOption('一公斤装的有吗', '1kg')).toBe(true);
    expect(namesOption('半斤装有吗', '1kg')).toBe(false);
  });

  it('answers the variant an amount names', () => {
    const big = offlineAnswer(kb, '小面三两');
    expect(big.reply).toContain('15');
    expect(big.reply).not.toContain('12元');
    const jar = offlineAnswer(kb, '槐花蜜一公斤装现在有吗');
    expect(jar.needsHuman).toBe(false);
    expect(jar.reply).toContain('售罄');
  });

  it('reads a product with an amount and nothing else as its price', () => {
    const a = offlineAnswer(kb, '蜂巢蜜一盒');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('88');
  });
});
