// Names written with letters ("YY睫毛", "scratch进阶") and an owner's alias that describes ("一根一根的那种"): a word
// every lash service holds (睫毛) names none of them, the characters two lettered names share ("进阶") name both, and
// the end of a description ("那种") names nothing; an English alias of two words ("classic lashes") is kept whole.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { normalizeMessage } from './message-normalizer.js';
import { offlineAnswer } from './offline-engine.js';
import { linkProducts, shopIndex } from './shop-index.js';

const SHOP = testShop({
  id: 'test-lettered',
  name: '眸光美睫',
  industry: '本地服务',
  kind: '美睫',
  address: '成都市锦江区1号',
  hours: everyDay('10:00', '21:00'),
  products: [
    { name: '单根嫁接', category: '美睫', price: 168, aliases: ['一根一根的那种', 'classic lashes'] },
    { name: 'YY睫毛', category: '美睫', price: 238 },
    { name: '下睫毛', category: '美睫', price: 58 },
    { name: '睫毛增长液', category: '护理', price: 128 },
    { name: 'Scratch进阶班', category: '编程', price: 3600, aliases: ['scratch进阶'] },
    { name: 'Milk-Tea Latte', category: '饮品', price: 22 },
    { name: 'Hot Stone 热石SPA', category: '理疗', price: 398 },
    { name: 'Python算法进阶班', category: '编程', price: 4800, aliases: ['python进阶'] },
  ],
});

describe('names written with letters', () => {
  const kb = knowledgeFor(SHOP);
  const index = shopIndex(kb);
  const linked = (text: string) => linkProducts(index, text).map((l) => l.product.name);

  it('names no one product by a word every lash service holds', () => {
    expect(linked('睫毛多少钱')).toEqual([]);
    expect(linked('做了睫毛还能用卸妆油吗')).toEqual([]);
    expect(linked('YY睫毛多少钱')).toEqual(['YY睫毛']);
  });

  it('names both products by the characters their lettered names share', () => {
    expect(linked('那进阶的线上多少钱').sort()).toEqual(['Python算法进阶班', 'Scratch进阶班']);
  });

  it("names nothing by the end of an owner's description, and the product by the description whole", () => {
    expect(linked('想做那种浓一点的 多少钱')).toEqual([]);
    expect(linked('一根一根的那种多少钱')).toEqual(['单根嫁接']);
  });

  it('reads an English alias of two words as the one name it is, not its words translated ("lashes" is no 睫毛 here)', () => {
    expect(normalizeMessage('how much for classic lashes?', index)).toContain('classiclashes');
    expect(normalizeMessage('how much for Classic  Lashes?', index)).toContain('classiclashes');
    // joined by a hyphen, in another case, or inside a longer name
    expect(offlineAnswer(kb, 'milk-tea latte多少钱').reply).toContain('22元');
    expect(normalizeMessage('hot stone多少钱', index)).toBe('hotstone多少钱');
    // the name's words alone are still English to read ("lashes" is 睫毛 when no name holds them)
    expect(normalizeMessage('how much for lashes', index)).toContain('睫毛');
    expect(offlineAnswer(kb, 'how much for classic lashes?').reply).toContain('168元');
  });
});
