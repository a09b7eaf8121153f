// Review: a variant's label that looks like money ("20块" pieces) now exempts every "20块" in the reply, wherever it
// stands — so a wrong price that happens to equal some label is passed: the 10-piece 鸡块 "20块" (it is 22元), or
// 薯条 "20块" (it is 12元). The guardrail must still refuse invented prices.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { checkReply } from './guardrails.js';

const SHOP = testShop({
  id: 'review-labels',
  name: '脆脆炸鸡',
  industry: '餐饮',
  kind: '炸鸡店',
  address: '长沙市岳麓区1号',
  products: [
    {
      name: '鸡块',
      category: '小吃',
      price: 22,
      variants: [
        { options: { 份量: '10块' }, price: 22 },
        { options: { 份量: '20块' }, price: 40 },
      ],
    },
    { name: '薯条', category: '小吃', price: 12 },
  ],
});

describe('a count that names a choice is no licence for that amount as a price', () => {
  const kb = knowledgeFor(SHOP);
  const id = (name: string) => kb.passages.find((p) => p.kind === 'product' && p.product.name === name)!.id;

  it('still passes the labels said as labels', () => {
    expect(checkReply('10块装的鸡块22元，20块装的40元。', [id('鸡块')], kb, '餐饮').ok).toBe(true);
  });

  it('refuses "20块" said as the price of the 10-piece box (it is 22元)', () => {
    const r = checkReply('10块装的鸡块20块，20块装的40元。', [id('鸡块')], kb, '餐饮');
    expect(r.violations.map((v) => v.kind)).toContain('price_not_in_data');
  });

  it('refuses "20块" said as 薯条\'s price (it is 12元) because 鸡块 has a 20块 option', () => {
    const r = checkReply('薯条一份20块。', [id('鸡块'), id('薯条')], kb, '餐饮');
    expect(r.violations.map((v) => v.kind)).toContain('price_not_in_data');
  });
});
