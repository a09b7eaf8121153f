// REVIEW (73c59c9, sentence-match.ts valueBeside + VALUES): a bare second question ("还要另外加钱吗") now counts as
// answered by ANY value of the extra-charge kind in the first answer — and that kind includes a bare price (\d+元). So
// "狗狗洗澡多少钱 还要另外加钱吗" gets only "狗狗洗澡60元。" and needsHuman=false: the question of extra charges is
// silently dropped, and the customer reads 60元 as all-in though the shop never said so (before: "「还要另外加钱吗」我请
// 店员确认一下"). The same empty-about change lets a bare "还要多少钱"/"还要多久" be settled by any price/duration.
// Right: a price says nothing about extras; only an answer that says what is included or that nothing more is charged
// (包含/包括/免费/不收/不加钱) settles it, otherwise a person answers the rest.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '萌宠之家',
    industry: '本地服务',
    products: [{ name: '狗狗洗澡', category: '洗护', price: 60 }],
  }),
);

describe('a bare "还要另外加钱吗" after a bare price', () => {
  it('is not settled by the price', () => {
    const a = offlineAnswer(kb, '狗狗洗澡多少钱 还要另外加钱吗');
    expect(a.reply).toContain('60元');
    expect(a.needsHuman).toBe(true);
  });
});
