// What a second question asks of what the first answer already said: the charge for an add-on said beside its name
// ("加山楂另外收钱吗" after 加山楂碎加2元) but not for another thing ("加急"); what a set holds ("里面有啥") from the
// attribute that lists it; and praise that asks nothing is thanked, not handed to a person.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '炭火烧烤',
    industry: '餐饮',
    products: [
      {
        name: '红糖冰粉',
        category: '甜品',
        price: 8,
        addons: [
          {
            name: '小料',
            options: [
              { label: '山楂碎', price: 2 },
              { label: '西瓜', price: 3 },
            ],
          },
        ],
      },
      {
        name: '油柑柠檬茶',
        category: '季节限定',
        price: 18,
        stock: 5,
        attributes: { 杯型: '只有大杯(700ml)', 甜度: '五分糖(默认)' },
      },
      { name: '空中瑜伽', category: '团课', price: 128, attributes: { 班级人数: '每节最多6人' } },
      { name: '狗狗洗澡', category: '洗护', price: 60, attributes: { 包含: '洗澡+吹干+剪指甲+清耳朵' } },
      {
        name: '招牌双人拼盘',
        category: '套餐',
        price: 58,
        aliases: ['双人拼盘'],
        attributes: { 内容: '鸭脖、鸭锁骨、藕片、海带结，不能换', 辣度: '微辣起' },
      },
    ],
  }),
);

describe('a second question the first answer settles', () => {
  it("is answered by an add-on's price said beside its name, and handed over for another thing", () => {
    const asked = offlineAnswer(kb, '冰粉多少钱 加山楂另外收钱吗');
    expect(asked.needsHuman).toBe(false);
    expect(asked.reply).toMatch(/山楂碎加2元/);
    expect(offlineAnswer(kb, '冰粉多少钱 加急另外收钱吗').needsHuman).toBe(true);
  });

  it('settles a bare "还要另外加钱吗" with what the price includes', () => {
    const a = offlineAnswer(kb, '洗澡包不包剪指甲 还要另外加钱吗');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('剪指甲');
  });

  it('settles "人多不多" with the head count just said', () => {
    const a = offlineAnswer(kb, '空中瑜伽一个班几个人啊 人多不多');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('最多6人');
  });

  it('answers a size of a one-size product from the attribute that says so, not its stock', () => {
    const a = offlineAnswer(kb, '油柑有中杯吗');
    expect(a.reply).toContain('只有大杯');
    expect(a.reply).not.toContain('只剩5');
  });

  it('reads "里面有啥" as what the set holds', () => {
    const a = offlineAnswer(kb, '双人拼盘多少钱 里面有啥');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('58元');
    expect(a.reply).toContain('鸭脖、鸭锁骨');
  });
});

describe('praise', () => {
  it('is thanked when it asks nothing', () => {
    for (const q of ['哈哈哈你们家冰粉真的绝了😋', '老板早上好☀️ 你家冰粉是我吃过最好吃的']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toContain('谢谢');
    }
  });

  it('is no praise when negated, and a question beside it is still answered', () => {
    expect(offlineAnswer(kb, '上次的冰粉不太好吃').reply).not.toContain('谢谢您的喜欢');
    expect(offlineAnswer(kb, '冰粉太好吃了 多少钱一碗').reply).toContain('8元');
  });
});
