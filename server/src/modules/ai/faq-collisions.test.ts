// The FAQ matcher reads a range or a decimal with its mark ("3-6岁" is not 36岁) and keeps 不 with the word it negates
// ("不能加辣" is not "可以不加辣"): a question that only shares the digits or the words of another gets no answer of it.
// The sentence matcher reads numbers as the customer's own quantities, so a number outside an FAQ's range may still
// get that FAQ's answer: it states the range, which is the shop's answer to it.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { faqOf } from './answers.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-faq-collisions',
  name: '小辣椒面馆',
  industry: '餐饮',
  kind: '面馆兼兴趣班',
  address: '成都市玉林路8号',
  products: [{ name: '担担面', category: '面', price: 16 }],
  faqs: [
    { questions: ['3-6岁能学吗'], answer: '面塑体验课只收3-6岁的小朋友，家长陪同。' },
    { questions: ['可以不加辣吗'], answer: '可以的，下单备注免辣就行。' },
  ],
});

describe('the FAQ matcher', () => {
  const kb = knowledgeFor(SHOP);

  it('answers the question the owner wrote, however it is asked', () => {
    expect(faqOf(kb, '孩子3-6岁能学吗')?.text).toContain('3-6岁');
    expect(faqOf(kb, '能不能不加辣呀')?.text).toContain('免辣');
  });

  it('does not read a range as a number, nor 不能 as 可以不', () => {
    expect(faqOf(kb, '36岁能学吗')?.text ?? '').not.toContain('3-6岁');
    expect(faqOf(kb, '不能加辣吗')?.text ?? '').not.toContain('免辣');
  });

  it('answers a number outside an FAQ range with the range itself, never a bare yes', () => {
    expect(offlineAnswer(kb, '36岁能学吗').reply).toContain('3-6岁');
  });
});
