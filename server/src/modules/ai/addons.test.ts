import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testKnowledge } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

// a noodle shop whose bowls take toppings, written for this test
const kb = knowledgeFor({
  id: 'noodles',
  name: '面馆',
  industry: '餐饮',
  kind: 'noodles',
  shops: [{ name: '面馆', address: '某路 1 号', hours: [] }],
  products: [
    {
      name: '牛肉面',
      category: '面',
      price: 18,
      addons: [
        {
          name: '加料',
          options: [
            { label: '煎蛋', price: 2 },
            { label: '卤蛋', price: 2 },
            { label: '加牛肉', price: 8 },
          ],
        },
      ],
    },
  ],
});

describe('add-ons asked for by a word of their name', () => {
  it('answers "可以加蛋吗" with the add-ons that hold the word and their prices', () => {
    const a = offlineAnswer(kb, '牛肉面可以加蛋吗');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toBe('牛肉面可以加煎蛋2元、卤蛋2元。');
    expect(offlineAnswer(kb, '牛肉面多少钱 能加牛肉不').reply).toContain('牛肉8元');
  });

  it('hands over an add-on the product does not have', () => {
    expect(offlineAnswer(kb, '牛肉面可以加香菜吗').needsHuman).toBe(true);
  });
});

describe('an add-on several products offer, asked of none of them', () => {
  const milk = (price: number) => [{ name: '换奶', options: [{ label: '燕麦奶', price }] }];
  const cafe = (oatOnFlatWhite: number) =>
    testKnowledge({
      name: '一豆咖啡',
      industry: '餐饮',
      products: [
        {
          name: '拿铁',
          category: '咖啡',
          price: 22,
          addons: [...milk(4), { name: '小料', options: [{ label: '椰果', price: 2 }] }],
        },
        { name: '澳白', category: '咖啡', price: 24, addons: milk(oatOnFlatWhite) },
        { name: '卡布奇诺', category: '咖啡', price: 22, addons: milk(4) },
        { name: '美式', category: '咖啡', price: 18 },
        { name: '季节限定拿铁', category: '咖啡', price: 28, available: false, addons: milk(6) },
      ],
    });

  it('gives its one charge and the products that take it, in Chinese or English', () => {
    const kb = cafe(4);
    for (const q of ['燕麦奶要加几块钱', '有燕麦奶吗', 'hi do u have oat milk? how much extra']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toBe('燕麦奶加4元（拿铁、澳白、卡布奇诺）。');
    }
  });

  it('gives each add-on named, and leaves out a product not on sale', () => {
    expect(offlineAnswer(cafe(4), '燕麦奶和椰果加多少').reply).toBe(
      '燕麦奶加4元（拿铁、澳白、卡布奇诺）；椰果加2元（拿铁）。',
    );
  });

  it("gives each product's charge when they differ, and leaves what it is made of to a person", () => {
    expect(offlineAnswer(cafe(5), '燕麦奶加多少钱').reply).toBe(
      '拿铁加燕麦奶4元，澳白加燕麦奶5元，卡布奇诺加燕麦奶4元。',
    );
    const brand = offlineAnswer(cafe(4), '燕麦奶要加几块钱 你们用的是什么牌子的燕麦奶');
    expect(brand.needsHuman).toBe(true);
    expect(brand.reply).toContain('燕麦奶加4元');
    expect(brand.reply).toContain('牌子');
  });
});
