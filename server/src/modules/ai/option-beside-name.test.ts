// A product named exactly with one of its own options beside it ("特级铁观音") is that product, not a one-character
// typo of another product's longer name that overlaps it ("老铁观音" of 陈年老铁观音).
import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = testKnowledge({
  name: '山间茶舍',
  industry: '电商',
  products: [
    {
      name: '清香型铁观音',
      category: '乌龙茶',
      price: 128,
      aliases: ['铁观音'],
      variants: [
        { options: { 等级: '一级', 规格: '250g' }, price: 128 },
        { options: { 等级: '特级', 规格: '250g' }, price: 198 },
      ],
    },
    { name: '陈年老铁观音', category: '乌龙茶', price: 298, aliases: ['老铁观音'] },
  ],
});

describe('a name with its own option beside it', () => {
  it('is the product holding the option, not another name one character away', () => {
    const reply = offlineAnswer(kb, '特级铁观音250克多少钱').reply;
    expect(reply).toContain('198元');
    expect(reply).not.toContain('298');
  });

  it('still finds the longer name when it is written exactly', () => {
    expect(offlineAnswer(kb, '老铁观音多少钱').reply).toContain('298元');
  });
});
