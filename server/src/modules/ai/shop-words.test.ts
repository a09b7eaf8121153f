import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { milkTeaKnowledge } from '../../../test/support/knowledge-fixture.js';
import { testShop } from '../../../test/support/test-shop.js';
import { lexiconAsks } from './asks.js';
import { offlineAnswer } from './offline-engine.js';
import { readShopWords, toShopWords } from './shop-words.js';

describe('the shop-talk lexicon', () => {
  it('rewrites customers’ words to the shop’s, the longer variant first, and leaves look-alikes alone', () => {
    expect(toShopWords('能带狗进店吗')).toBe('能带宠物进店吗');
    expect(toShopWords('羽绒服钻毛吗')).toBe('羽绒服钻绒吗');
    expect(toShopWords('几天寄出')).toBe('几天发货');
    expect(toShopWords('寄养一晚多少')).toBe('寄养一晚多少');
    expect(toShopWords('退货怎么弄')).toBe('退货怎么弄');
    expect(toShopWords('狗粮有卖吗')).toBe('狗粮有卖吗');
    // a card is not any payment: "能刷信用卡吗" meets "不能刷卡", not "微信、支付宝都收"
    expect(toShopWords('能刷信用卡吗')).toBe('能刷卡吗');
    expect(toShopWords('没有POS机')).toBe('没有刷卡');
    expect(toShopWords('能用支付宝吗')).toBe('能用付款吗');
  });

  it("answers a card question with the owner's sentence on cards", () => {
    const kb = knowledgeFor(
      testShop({
        name: '张记包子',
        industry: '餐饮',
        facts: { payment: '微信、支付宝、现金都收；没有POS机，不能刷卡。' },
        products: [{ name: '鲜肉包', category: '包子', price: 2 }],
      }),
    );
    expect(offlineAnswer(kb, '能刷信用卡吗').reply).toContain('不能刷卡');
  });

  it('reads the file format: comments skipped, variants in the order written', () => {
    expect(readShopWords('# note\n宠物\t狗狗 | 狗\n\n')).toEqual([{ canonical: '宠物', said: ['狗狗', '狗'] }]);
  });

  it('answers a paraphrased FAQ question from the shop’s own answer', () => {
    const kb = milkTeaKnowledge();
    const dog = offlineAnswer(kb, '能带狗进去吗');
    expect(dog.needsHuman).toBe(false);
    expect(dog.reply).toContain('小型宠物');
  });

  it('reads an ask named only by a customer’s word for it', () => {
    expect(lexiconAsks('几时寄出')).toContain('shipping');
  });
});
