// Review: the new location phrasings (哪个口, 哪段, 怎么找) also match everyday non-location questions at a tea shop:
// "哪个口味卖得最好" is asked of flavours, "哪段时间人少" of busy hours, yet each is answered with the address.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { lexiconAsks } from './asks.js';
import { offlineAnswer } from './offline-engine.js';

const week = [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '09:00', close: '21:00' }];

const SHOP: EvalShopFile = {
  id: 'review-where',
  name: '茶语',
  industry: '餐饮',
  kind: '奶茶店',
  shops: [{ name: '茶语(万达店)', address: '郑州市二七区万达广场北门旁', hours: week }],
  products: [
    {
      name: '杨枝甘露',
      category: '果茶',
      price: 18,
      tags: ['招牌'],
      variants: [
        { options: { 口味: '原味' }, price: 18 },
        { options: { 口味: '少糖' }, price: 18 },
      ],
    },
    {
      name: '芋泥波波',
      category: '奶茶',
      price: 16,
      variants: [
        { options: { 口味: '芋泥' }, price: 16 },
        { options: { 口味: '紫米' }, price: 17 },
      ],
    },
  ],
};

describe('questions that are no location', () => {
  const kb = knowledgeFor(SHOP);

  it('does not read "哪个口味" (which flavour) or "哪段时间" (which time of day) as asking where', () => {
    const asked = ['哪个口味卖得最好', '哪个口味不甜', '哪段时间人少', '怎么找客服'];
    expect(asked.filter((q) => lexiconAsks(q).includes('location'))).toEqual([]);
  });

  it('does not answer a flavour question with the address', () => {
    const a = offlineAnswer(kb, '哪个口味卖得最好');
    expect(a.reply).not.toContain('万达广场');
  });
});
