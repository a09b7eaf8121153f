// The owner's own question, asked as the owner wrote it (give or take particles, pronouns and 可以/能), gets the
// owner's answer, whatever else it seems to ask ("41.5有吗" is no stock question when the owner answered it); a
// question one word of substance apart, or about a product named, is read as usual; products found by a word they
// share or by an attribute's word (保存 of one bean's 保质期) are not named.
import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { knowledgeFor, loadEvalShops } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-own-questions',
  name: '步履球鞋',
  industry: '零售',
  kind: '球鞋店',
  address: '杭州市武林路1号',
  products: [
    {
      name: 'NB530',
      category: '跑鞋',
      price: 599,
      variants: [
        { options: { 尺码: '41码' }, price: 599, stock: 2 },
        { options: { 尺码: '42码' }, price: 599, stock: 0 },
      ],
    },
  ],
  faqs: [
    { questions: ['有没有42.5', '41.5有吗'], answer: '店里只进整码，没有半码，脚宽的建议选大一码。' },
    { questions: ['能去店里试吗'], answer: '门店所有鞋都可以试穿，试穿不买没关系。' },
  ],
});

describe("the owner's own questions", () => {
  const kb = knowledgeFor(SHOP);

  it("get the owner's answer, give or take particles and 可以/能", () => {
    for (const q of ['41.5有吗？', '有没有42.5呀', '可以去店里试一下吗']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toMatch(/没有半码|都可以试穿/);
    }
  });

  it('are not matched a word of substance apart, nor over a product named', () => {
    expect(offlineAnswer(kb, '能去店里退吗').reply).not.toContain('试穿');
    expect(offlineAnswer(kb, 'NB530 41码有吗').reply).not.toContain('半码');
  });
});

describe("the owner's own question naming products only by a word", () => {
  it("gets the owner's answer, not one product's attribute (an evaluation shop's own FAQ)", () => {
    const shop = loadEvalShops(join(import.meta.dirname, '../../../eval/data')).find(
      (s) => s.file.id === 'bean-coffee',
    )!;
    const a = offlineAnswer(knowledgeFor(shop.file), '咖啡豆怎么保存');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('不要放冰箱');
  });
});
