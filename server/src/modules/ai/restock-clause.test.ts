// A sold-out choice is said with the owner's clause on when it comes back, when one names it ("蟹粉小笼秋冬才有"); a
// clause about another choice or none leaves the plain 已售罄. "提前多久约" asks how far ahead, not how long it takes.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '张记包子',
    industry: '餐饮',
    products: [
      {
        name: '小笼包',
        category: '小笼',
        price: 15,
        description: '现蒸小笼，蟹粉小笼秋冬才有（9月到12月）',
        attributes: { 每笼: '8个' },
        variants: [
          { options: { 口味: '鲜肉' }, price: 15 },
          { options: { 口味: '蟹粉' }, price: 28, available: false },
          { options: { 口味: '虾仁' }, price: 22, available: false },
        ],
      },
      { name: '男士烫发', category: '烫发', price: 268, attributes: { 时长: '约2-2.5小时', 预约: '提前1天微信预约' } },
    ],
  }),
);

describe('a sold-out choice', () => {
  it("is said with the owner's clause on when it comes back", () => {
    for (const q of ['蟹粉小笼多少钱', '蟹粉小笼还有吗']) {
      const a = offlineAnswer(kb, q);
      expect(a.reply, q).toContain('已售罄');
      expect(a.reply, q).toContain('秋冬才有（9月到12月）');
    }
  });

  it('is said plainly when no clause names it', () => {
    const a = offlineAnswer(kb, '虾仁小笼多少钱');
    expect(a.reply).toContain('已售罄');
    expect(a.reply).not.toContain('秋冬');
  });
});

describe('一笼几个', () => {
  it('reads the count the owner keeps for that unit, not the choices', () => {
    const a = offlineAnswer(kb, '小笼包一笼几个');
    expect(a.reply).toContain('8个');
    expect(a.reply).not.toContain('28元');
  });

  it('reads no count from an attribute of that unit that holds none', () => {
    const grapes = knowledgeFor(
      testShop({
        name: '果然鲜',
        industry: '零售',
        products: [{ name: '阳光玫瑰', category: '葡萄', price: 39, attributes: { 每盒: '约2斤' } }],
      }),
    );
    expect(offlineAnswer(grapes, '阳光玫瑰一盒几个').reply).not.toContain('约2斤');
  });
});

describe('提前多久', () => {
  it('asks how far ahead to book, not how long it takes', () => {
    const a = offlineAnswer(kb, '烫发要提前多久约');
    expect(a.reply).toContain('提前1天');
    expect(a.reply).not.toContain('2-2.5小时');
  });
});
