// A name found exactly is not another name mistyped around it: "山核桃多少钱" is 山核桃 (not 山核桃仁 with 多 for 仁),
// "你们家铁观音" is 铁观音 (not 老铁观音 with 家 for 老); a piece of a longer name is that name, not a typo
// ("冻鲜肉包" of 速冻鲜肉包 over 鲜肉包 inside it).
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { linkProducts, shopIndex } from './shop-index.js';

const SHOP = testShop({
  id: 'test-typo-beside',
  name: '临安山货',
  industry: '电商',
  kind: '坚果茶叶',
  address: '杭州市临安区1号',
  hours: everyDay('09:00', '18:00'),
  products: [
    { name: '临安手剥山核桃', category: '坚果', price: 45, aliases: ['山核桃'] },
    { name: '临安山核桃仁', category: '坚果', price: 68, aliases: ['山核桃仁'] },
    { name: '清香型铁观音', category: '茶叶', price: 128, aliases: ['铁观音'] },
    { name: '陈年老铁观音', category: '茶叶', price: 268, aliases: ['老铁观音'] },
    { name: '速冻鲜肉包', category: '速冻', price: 30 },
    { name: '鲜肉包', category: '包子', price: 3 },
  ],
});

describe('a name found exactly beside a typo of another', () => {
  const index = shopIndex(knowledgeFor(SHOP));
  const linked = (text: string) => linkProducts(index, text).map((l) => l.product.name);

  it('is the name found, not the other mistyped around it', () => {
    expect(linked('山核桃多少钱一斤')).toEqual(['临安手剥山核桃']);
    expect(linked('你们家铁观音有货吗')).toEqual(['清香型铁观音']);
    expect(linked('老铁观音多少钱')).toEqual(['陈年老铁观音']);
  });

  it('gives way to a longer name it is a piece of', () => {
    expect(linked('冻鲜肉包一袋几个')).toEqual(['速冻鲜肉包']);
  });
});
