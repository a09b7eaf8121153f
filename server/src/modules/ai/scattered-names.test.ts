// A two-character name said apart, the way customers put the thing before the verb ("布偶猫长毛 洗一次多少" for 洗猫):
// found when nothing else is named and its characters stand close; two characters far apart name nothing.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-scattered',
  name: '毛孩子宠物',
  industry: '本地服务',
  kind: '宠物洗护',
  address: '杭州市西湖区文一路8号',
  hours: everyDay('10:00', '20:00'),
  products: [
    {
      name: '猫咪洗护',
      category: '洗护',
      price: 90,
      aliases: ['洗猫'],
      variants: [
        { options: { 毛长: '短毛猫' }, price: 90 },
        { options: { 毛长: '长毛猫' }, price: 130 },
      ],
    },
    { name: '每周鲜花', category: '订阅', price: 199, aliases: ['周花'] },
  ],
});

describe('a short name said apart', () => {
  const kb = knowledgeFor(SHOP);

  it('finds the product when its two characters stand close in either order', () => {
    const a = offlineAnswer(kb, '布偶猫长毛 洗一次多少');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('130');
  });

  it('finds nothing when the two characters are far apart', () => {
    const a = offlineAnswer(kb, '平江路花艺课下周六有没有 多少钱一位');
    expect(a.reply).not.toContain('199');
  });
});
