// REVIEW (de87d02, answers.ts askedAttributes): the one-size rule takes "[一-龥]色" of the question as a colour asked and
// returns the product's only attribute whose *name contains* 色 — which matches 特色, 出色, 肤色… So "T恤有白色吗" of a
// T恤 whose attribute is 特色：纯棉透气 is answered "纯棉T恤特色：纯棉透气，不起球。" — a reply that does not answer the
// colour question (before the change: handed to a person). Right: only an attribute that names the kind asked
// (颜色/色号, 杯型, 尺码) answers it; otherwise a person does.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '小芽服饰',
    industry: '零售',
    products: [{ name: '纯棉T恤', category: '上衣', price: 59, attributes: { 特色: '纯棉透气，不起球' } }],
  }),
);

describe('a colour asked of a product with no colour attribute', () => {
  it('is not answered with the 特色 attribute', () => {
    expect(offlineAnswer(kb, 'T恤有白色吗').reply).not.toContain('特色');
  });
});
