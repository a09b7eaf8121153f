// The attribute a question names in full is the one asked, and a rule of the shop's that holds the measure asked is
// found before some product's attribute that holds another: "课时有效期多久" is months, not a lesson's 60 minutes.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-named-attributes',
  name: '小禾舞蹈',
  industry: '教育培训',
  kind: '少儿舞蹈',
  address: '苏州市湖东1号',
  hours: everyDay('09:00', '20:00'),
  products: [
    {
      name: '少儿芭蕾',
      category: '舞蹈课',
      price: 2680,
      aliases: ['芭蕾'],
      attributes: { 上课频次: '每周1-2次，每次60分钟', 课时有效期: '24课时4个月，48课时8个月' },
    },
    { name: '中国舞', category: '舞蹈课', price: 2480, attributes: { 上课频次: '每周1次，每次90分钟' } },
  ],
  policies: [
    {
      kind: 'other',
      title: '课时包',
      content: '课时包要在报名后6个月内上完，过期未上完的不退费。请假要提前一天说。',
    },
  ],
});

describe('the attribute or rule a question names', () => {
  const kb = knowledgeFor(SHOP);

  it('answers the attribute named in full, not the one a way of asking points to', () => {
    const a = offlineAnswer(kb, '芭蕾课时有效期多久');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('4个月');
    expect(a.reply).not.toContain('60分钟');
  });

  it('answers a measure no product is named for from the rule that holds it', () => {
    const a = offlineAnswer(kb, '课时包多久要上完');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('6个月');
    expect(a.reply).not.toContain('分钟');
  });
});
