// A measure the customer gives (the dog's weight in 斤 or 公斤, a height in 米) chooses the one option whose range
// holds it, whether the range is written in the option itself ("中型犬（10-25kg）") or in a size chart; a spec sold by
// weight ("6kg" of dog food) is no range, and a measure two options hold chooses neither.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';
import { namedOptions } from './shop-index.js';

const sizes = (prices: number[]) =>
  ['小型犬（10kg以下）', '中型犬（10-25kg）', '大型犬（25-40kg）'].map((体型, i) => ({
    options: { 体型 },
    price: prices[i],
  }));

const kb = knowledgeFor(
  testShop({
    name: '暖窝宠物',
    industry: '本地服务',
    products: [
      { name: '狗狗洗澡', category: '洗护', price: 60, variants: sizes([60, 90, 150]) },
      { name: '狗狗寄养', category: '寄养', price: 68, variants: sizes([68, 98, 138]) },
      {
        name: '无谷狗粮',
        category: '狗粮',
        price: 99,
        variants: [
          { options: { 规格: '2kg' }, price: 99 },
          { options: { 规格: '6kg' }, price: 259 },
        ],
      },
    ],
  }),
);
const product = (name: string) => kb.products.find((p) => p.name === name)!;

describe('an option chosen by a measure the customer gives', () => {
  it('reads the range in the option itself, in 斤 or 公斤', () => {
    const bath = offlineAnswer(kb, '泰迪洗个澡多少钱 4公斤');
    expect(bath.reply).toContain('60');
    expect(bath.reply).not.toContain('90');
    const board = offlineAnswer(kb, '金毛30斤 寄养一天多少');
    expect(board.reply).toContain('98');
    expect(board.reply).not.toContain('138');
    expect(namedOptions('我家狗60斤', product('狗狗寄养')).get('体型')).toBe('大型犬（25-40kg）');
  });

  it('chooses nothing for a spec sold by weight, nor where two ranges hold the measure', () => {
    expect(namedOptions('我家狗5公斤 吃哪个', product('无谷狗粮')).size).toBe(0);
    expect(namedOptions('狗狗10kg洗澡', product('狗狗洗澡')).size).toBe(0);
  });
});
