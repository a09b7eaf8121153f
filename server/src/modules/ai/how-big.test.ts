// "多大" asks: a piece ending in it is a question of its own ("渔夫帽M码头围多大 能帮我绣名字吗" is two questions, the
// second handed over, not dropped), and "多大的" of a product is its weight or size as the owner wrote it.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { splitQuestions } from './message-parts.js';
import { asksSomething, offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '小芽童装',
    industry: '零售',
    products: [
      {
        name: '儿童渔夫帽',
        category: '配饰',
        price: 39,
        attributes: { 尺码对照: 'S：头围48-50cm；M：头围50-52cm；L：头围52-54cm' },
      },
      { name: '红柳大肉串', category: '烤串', price: 15, attributes: { 每串: '约50克', 产地: '内蒙古羔羊肉' } },
      { name: '狗狗寄养', category: '寄养', price: 98, attributes: { 体重上限: '40kg以上不接', 年龄: '满4个月才接' } },
    ],
  }),
);

describe('多大', () => {
  it('makes a piece a question of its own', () => {
    expect(splitQuestions('渔夫帽M码头围多大 能帮我把孩子名字绣上去吗', asksSomething)).toHaveLength(2);
    const a = offlineAnswer(kb, '渔夫帽M码头围多大 能帮我把孩子名字绣上去吗');
    expect(a.reply).toContain('50-52cm');
    expect(a.needsHuman).toBe(true);
  });

  it("reads 多大的 of a product as its weight, not a child's age", () => {
    const a = offlineAnswer(kb, '红柳大肉串一串多少钱 多大的');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('15元');
    expect(a.reply).toContain('50克');
  });

  it('leaves an age asked with 多大 alone ("多大可以寄养" is no weight)', () => {
    expect(offlineAnswer(kb, '狗狗多大可以寄养').reply).not.toContain('40kg');
  });
});
