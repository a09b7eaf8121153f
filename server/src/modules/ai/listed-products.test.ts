// Products listed one after another in a reply: a variant option ending in a number keeps apart from the next
// starting with one ("黑框G15 58mm", never the 1558 no one sells), and each product's bracketed attribute is checked
// against that product.
import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../../test/support/test-shop.js';
import { checkReply } from './guardrails.js';
import { offlineAnswer } from './offline-engine.js';

describe('products listed one after another', () => {
  it('keeps two numeric options of a variant apart', () => {
    const optical = testKnowledge({
      name: '明亮眼镜',
      industry: '零售',
      products: [
        {
          name: '雷朋飞行员太阳镜',
          category: '太阳镜',
          price: 1290,
          variants: [
            { options: { 款式: '金框绿片', 尺寸: '58mm' }, stock: 2 },
            { options: { 款式: '黑框G15', 尺寸: '58mm' }, stock: 0 },
          ],
        },
      ],
    });
    const a = offlineAnswer(optical, '雷朋飞行员太阳镜还有货吗');
    expect(a.reply).toContain('黑框G15 58mm');
    expect(a.reply).not.toContain('1558');
    // the sold-out variant said in stock is still caught under its spaced label
    const id = optical.passages.find((p) => p.kind === 'product')!.id;
    expect(checkReply('黑框G15 58mm有货', [id], optical, '零售').violations[0]?.kind).toBe('stock_mismatch');
    expect(checkReply('黑框G1558mm有货', [id], optical, '零售').violations[0]?.kind).toBe('stock_mismatch');
  });

  it("checks each bracketed attribute against its own product's, not the name inside another's", () => {
    const shop = testKnowledge({
      name: '川味麻辣烫',
      industry: '餐饮',
      products: [
        {
          name: '麻辣烫',
          category: '自选',
          price: 29.8,
          attributes: { 辣度: '不辣、微辣、中辣、特辣，第一次来建议微辣' },
        },
        { name: '冒菜', category: '自选', price: 32.8, attributes: { 辣度: '微辣、中辣、特辣' } },
        { name: '干拌麻辣烫', category: '自选', price: 32.8, attributes: { 辣度: '不辣、微辣、中辣、特辣都可以' } },
      ],
    });
    const ids = shop.passages.filter((p) => p.kind === 'product').map((p) => p.id);
    const listed =
      '冒菜（辣度：微辣、中辣、特辣；不吃辣的点麻辣烫骨汤）、干拌麻辣烫（辣度：不辣、微辣、中辣、特辣都可以）';
    expect(checkReply(listed, ids, shop, '餐饮').ok).toBe(true);
    expect(checkReply('冒菜（辣度：微辣）、干拌麻辣烫（辣度：只有特辣）', ids, shop, '餐饮').violations).toEqual([
      { kind: 'attribute_mismatch', detail: '辣度：只有特辣' },
    ]);
  });
});
