// A product's own line answers what is asked of it in other words than the attribute's name: a lesson's length kept
// under 上课频次, crystallising kept in the description; a question its lines do not answer is still a person's.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-lines',
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
      attributes: { 适合年龄: '3.5-10岁', 上课频次: '每周1-2次，每次60分钟（3.5-5岁班每次45分钟）' },
    },
    {
      name: '向日葵花束',
      category: '花束',
      price: 168,
      aliases: ['向日葵'],
      attributes: { 花语: '阳光、积极', 瓶插期: '约4-6天，要勤换水' },
    },
    {
      name: '洋槐蜜',
      category: '蜂蜜',
      price: 68,
      aliases: ['槐花蜜'],
      description: '颜色浅，味道清淡。果糖含量高，不容易结晶。',
      attributes: { 保质期: '24个月' },
    },
  ],
});

describe('a product line answers in other words than its name', () => {
  const kb = knowledgeFor(SHOP);

  it('finds a lesson length kept under another attribute', () => {
    const a = offlineAnswer(kb, '芭蕾一节课多长时间');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('45分钟');
  });

  it('finds a sentence of the description', () => {
    const a = offlineAnswer(kb, '槐花蜜容易结晶不');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('不容易结晶');
  });

  it('answers a price question as a price, not as a measure', () => {
    const a = offlineAnswer(kb, '芭蕾多少钱一学期');
    expect(a.reply).toContain('2680');
  });

  it('finds how long it keeps or lasts under whatever name the owner gave it, not a lesson length', () => {
    for (const q of ['向日葵能放几天', '向日葵插水里大概能撑几天']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman).toBe(false);
      expect(a.reply).toContain('4-6天');
    }
    expect(offlineAnswer(kb, '芭蕾要上多久').reply).not.toContain('4-6天');
  });

  it('hands over what no line of the product says', () => {
    const a = offlineAnswer(kb, '芭蕾老师是哪个学校毕业的');
    expect(a.needsHuman).toBe(true);
  });
});
