// "有芒果的吗", "do you have mango drink?": a customer asks for a thing by what it is made with; the products whose
// own description or attributes say so answer it, and only a question that asks just that. A product asked for by
// its name is there, with its price.
import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = testKnowledge({
  name: '柚见茶',
  industry: '餐饮',
  products: [
    { name: '杨枝甘露', category: '果茶', price: 16, description: '新鲜芒果+西柚+椰浆+西米，不含茶底' },
    { name: '芋泥波波奶茶', category: '奶茶', price: 14, description: '手捣芋泥，配黑糖波波' },
    { name: '中国舞体验课', category: '课程', price: 39, description: '零基础可以报，老师先看基础再分班' },
  ],
});

describe('a product asked for by what it is made with', () => {
  it('answers with the product that holds it and its price, in Chinese or English', () => {
    for (const q of ['有芒果的吗', '有没有芒果饮品', 'do you have mango drink? how much']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toContain('杨枝甘露');
      expect(a.reply, q).toContain('16元');
    }
  });

  it("gives the owner's own answer first when the owner wrote the question (有没有坚果 of a bakery)", () => {
    const bakery = testKnowledge({
      name: '麦香烘焙',
      industry: '餐饮',
      products: [
        { name: '草莓奶油蛋糕', category: '蛋糕', price: 238, attributes: { 过敏原: '小麦、鸡蛋、牛奶，不含坚果' } },
      ],
      faqs: [{ questions: ['有没有坚果'], answer: '蛋糕本身不加坚果，但后厨会处理坚果，可能有微量残留。' }],
    });
    expect(offlineAnswer(bakery, '有没有坚果').reply).toContain('微量残留');
  });

  it('offers nothing the data says it lacks or warns of, nor a product for the person asking', () => {
    const bakery = testKnowledge({
      name: '麦香烘焙',
      industry: '餐饮',
      products: [
        { name: '巧克力布朗尼', category: '甜点', price: 28, description: '含坚果（核桃碎）' },
        { name: '提拉米苏', category: '甜点', price: 32, description: '含酒精（朗姆酒），孕妇儿童慎食' },
        { name: '全麦吐司', category: '面包', price: 18, description: '不含花生，少糖' },
        { name: '草莓奶油蛋糕', category: '蛋糕', price: 238, attributes: { 过敏原: '小麦、鸡蛋、牛奶，不含坚果' } },
      ],
    });
    for (const q of ['有不含坚果的吗', '有没有无坚果的', '有儿童喝的吗', '有花生的吗']) {
      const a = offlineAnswer(bakery, q);
      expect(a.reply, q).not.toMatch(/布朗尼|提拉米苏|吐司/);
    }
    // what it does hold is still found
    expect(offlineAnswer(bakery, '有核桃的吗').reply).toContain('巧克力布朗尼');
  });

  it('reads nothing else as such a question, and hands over a thing no product holds', () => {
    expect(offlineAnswer(kb, '有榴莲的吗').needsHuman).toBe(true);
    expect(offlineAnswer(kb, '一点基础都没有能跟上吗').reply).not.toContain('39元');
  });
});

describe('a product asked for by name', () => {
  it('is there, with what it costs ("有没有体验课": 有的，39元)', () => {
    const yoga = testKnowledge({
      name: '莲心瑜伽',
      industry: '本地服务',
      products: [
        { name: '新人体验课', category: '课程', price: 39 },
        { name: '试听课', category: '课程', price: 0 },
      ],
    });
    expect(offlineAnswer(yoga, '有没有新人体验课').reply).toBe('新人体验课有的，39元。');
    // a price the reply gives already is not said twice
    const both = offlineAnswer(yoga, '新人体验课多少钱 现在还有吗').reply;
    expect(both.split('39元').length - 1, both).toBe(1);
    // nothing to pay is no price to say
    expect(offlineAnswer(yoga, '有试听课吗').reply).toBe('试听课有的。');
  });
});
