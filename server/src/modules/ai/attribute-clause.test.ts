// Review: attribute claims are now held only to the product named first in a clause, and clauses are cut only at
// 。；; — so in "伦晚脐橙口感：甜度14-16度，赣南脐橙口感：甜度14-16度" (a comma-joined list, the usual way a reply
// compares two products) 赣南脐橙's wrong sweetness is checked against 伦晚脐橙 and passes. Before the change it was
// refused.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { checkReply } from './guardrails.js';

const SHOP = testShop({
  id: 'review-clauses',
  name: '老邱果园',
  industry: '电商',
  kind: '水果网店',
  address: '赣州市信丰县1号',
  products: [
    { name: '赣南脐橙', category: '脐橙', price: 69, aliases: ['脐橙'], attributes: { 口感: '甜度13-15度' } },
    { name: '伦晚脐橙', category: '脐橙', price: 89, attributes: { 口感: '甜度14-16度' } },
  ],
});

describe('an attribute claim about the second product of a comma-joined clause', () => {
  const kb = knowledgeFor(SHOP);
  const id = (name: string) => kb.passages.find((p) => p.kind === 'product' && p.product.name === name)!.id;
  const both = () => [id('赣南脐橙'), id('伦晚脐橙')];

  it('passes the true values', () => {
    expect(checkReply('伦晚脐橙口感：甜度14-16度，赣南脐橙口感：甜度13-15度', both(), kb, '电商').ok).toBe(true);
  });

  it("refuses 伦晚脐橙's sweetness said of 赣南脐橙 after a comma", () => {
    expect(checkReply('伦晚脐橙口感：甜度14-16度，赣南脐橙口感：甜度14-16度', both(), kb, '电商').ok).toBe(false);
  });

  it('refuses it when the other product is only mentioned first for comparison', () => {
    expect(checkReply('相比伦晚脐橙，赣南脐橙口感是甜度14-16度', both(), kb, '电商').ok).toBe(false);
  });
});
