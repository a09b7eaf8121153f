// Review: the scattered two-character rule reads 周…花 as the alias 周花 (每周鲜花). "周末花篮多少钱" asks the price
// of a flower basket this weekend — the shop sells none, so a person should answer — and gets the weekly
// subscription's 199元 as if it were the basket's price. Before the change it went to a person.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'review-scattered',
  name: '花间小筑',
  industry: '零售',
  kind: '花店',
  address: '杭州市西湖区文一路8号',
  hours: everyDay('10:00', '20:00'),
  products: [
    { name: '红玫瑰花束', category: '花束', price: 168, aliases: ['玫瑰'] },
    { name: '每周鲜花', category: '订阅', price: 199, aliases: ['周花'] },
    { name: '多肉盆栽', category: '绿植', price: 29, aliases: ['多肉'] },
  ],
});

describe('two common characters near each other name no product', () => {
  const kb = knowledgeFor(SHOP);

  it('does not price a weekend flower basket as the weekly subscription', () => {
    const a = offlineAnswer(kb, '周末花篮多少钱');
    expect(a.reply).not.toContain('每周鲜花');
    expect(a.reply).not.toContain('199');
  });

  it('does not say the weekly subscription is in stock when asked about flowers on Monday', () => {
    expect(offlineAnswer(kb, '周一花有货吗').reply).not.toContain('每周鲜花');
  });
});
