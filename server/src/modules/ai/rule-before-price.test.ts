// "学费能刷信用卡分期不 一次拿不出那么多": the payment rule answers it, whichever ask comes first; 学费 names no product
// to price, and "那么多" is no question of its own.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-rule-before-price',
  name: '悦音琴行',
  industry: '教育培训',
  kind: '钢琴培训',
  address: '成都市武侯区玉林路1号',
  hours: everyDay('09:00', '21:00'),
  facts: { payment: '微信、支付宝、刷卡都收。课时包满5000元可以用花呗或信用卡分3期免息。' },
  products: [{ name: '钢琴一对一48节', category: '课时包', price: 8640 }],
});

describe('a rule asked beside a price word that names no product', () => {
  const kb = knowledgeFor(SHOP);

  it('answers with the rule and hands nothing over', () => {
    for (const q of ['学费能刷信用卡分期不 一次拿不出那么多', '学费能分期吗']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toContain('3期');
    }
  });

  it('still hands over a price asked of nothing the shop sells', () => {
    expect(offlineAnswer(kb, '古筝课学费多少').needsHuman).toBe(true);
  });
});
