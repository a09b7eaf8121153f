import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
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
