// REVIEW (2b9a35b/b09ab16, offline-engine.ts PRAISE/NOT_PRAISE): the praise shortcut thanks any message holding a
// praise word and no question word. NOT_PRAISE only knows 不/没/难 *right before* the word (or with 太/怎么/咋 between), so
// ordinary disappointment — "不是很好吃", "没有以前好吃了", "不如上次好吃", "不是很满意" — is answered
// "谢谢您的喜欢，欢迎常来～". Before the change these went to a person. And praise with an order beside it
// ("孩子很喜欢，再给我来10个") is thanked and the order dropped.
// Right behaviour: disappointment is never thanked as praise (a person or the complaint path answers), and a message that
// asks for something beside the praise is not closed with a thank-you.
// A second review (b265a0a) found the fix over-matching: 不错, 好吃不贵, 没想到这么好吃 and 一直在你家买，很好吃 must stay
// praise; a negation unsays praise only where it negates or compares the praise word.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '张记包子',
    industry: '餐饮',
    products: [{ name: '鲜肉包', category: '包子', price: 2, attributes: { 馅料: '猪肉大葱' } }],
  }),
);

describe('praise detection', () => {
  it('thanks praise that holds 不错, 不贵, 没想到 or 买', () => {
    for (const q of ['鲜肉包味道不错', '好吃不贵', '没想到这么好吃', '一直在你家买，很好吃']) {
      expect(offlineAnswer(kb, q).reply, q).toBe('谢谢您的喜欢，欢迎常来～');
    }
  });

  it('does not thank a customer who says it was not good', () => {
    for (const q of ['不是很好吃', '鲜肉包没有以前好吃了', '不如上次好吃', '这次不是很满意']) {
      expect(offlineAnswer(kb, q).reply, q).not.toContain('谢谢您的喜欢');
    }
  });

  it('does not close an order with a thank-you', () => {
    const a = offlineAnswer(kb, '孩子很喜欢，再给我来10个鲜肉包');
    expect(a.reply).not.toBe('谢谢您的喜欢，欢迎常来～');
  });
});
