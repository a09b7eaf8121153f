// REVIEW (b265a0a, answers.ts ATTRIBUTE_CUES/MEASURES): to keep "孩子多大" from reading as a weight, the lookbehind of
// 多大 gained 子 (and 宝, 友). But 子 ends countless product words — 粽子, 饺子, 包子, 桌子, 箱子, 被子 — so "粽子多大一个",
// "饺子多大个", "桌子多大" lose the size/weight cue and are handed to a person, where before they got the owner's 规格/份量
// (蛋黄肉粽子规格：每个约150克; 实木桌子规格：120x60cm).
// Right: only the person words (孩子, 儿子, 宝宝, 小朋友) before 多大 make it an age; any other noun + 多大 asks its size.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '老王杂货',
    industry: '零售',
    products: [
      { name: '蛋黄肉粽子', category: '粽子', price: 8, attributes: { 规格: '每个约150克' } },
      { name: '实木桌子', category: '家具', price: 599, attributes: { 规格: '120x60cm' } },
    ],
  }),
);

describe('多大 after a product word ending in 子', () => {
  it('asks the size, not an age', () => {
    const zongzi = offlineAnswer(kb, '粽子多大一个');
    expect(zongzi.needsHuman).toBe(false);
    expect(zongzi.reply).toContain('150克');
    const table = offlineAnswer(kb, '桌子多大');
    expect(table.needsHuman).toBe(false);
    expect(table.reply).toContain('120x60cm');
  });
});
