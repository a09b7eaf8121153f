// A remark among questions is their context: "公司报销要专票" beside "能开发票吗" needs no person of its own when the
// answer covers the question; a remark alone is still handed over.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP: EvalShopFile = {
  id: 'test-remarks',
  name: '步履鞋铺',
  industry: '零售',
  kind: '鞋店',
  shops: [
    {
      name: '步履鞋铺',
      address: '杭州市武林路226号',
      hours: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '10:00', close: '21:00' }],
    },
  ],
  facts: { other: '可以开电子普通发票，下单时备注抬头和税号，不开专票。' },
  products: [{ name: '李宁超轻21跑鞋', category: '跑鞋', price: 399 }],
};

describe('a remark among questions', () => {
  const kb = knowledgeFor(SHOP);

  it('is context for the question beside it', () => {
    const a = offlineAnswer(kb, '能开发票吗 公司报销要专票');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('不开专票');
  });

  it('is still handed over when nothing else is asked', () => {
    expect(offlineAnswer(kb, '公司团建要统一订一批鞋子').needsHuman).toBe(true);
  });
});
