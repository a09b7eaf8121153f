// A service asked under the customer's condition ("来大姨妈了还能做精油spa吗") is answered by the owner's own question
// about that condition (来例假能做吗), not by whether the service is in stock; a class asked to pause (课能先停吗) is
// the freeze rule, not parking.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { lexiconAsks } from './asks.js';
import { offlineAnswer } from './offline-engine.js';

const week = [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '10:00', close: '22:00' }];

const SHOP: EvalShopFile = {
  id: 'test-conditions',
  name: '玉容SPA',
  industry: '本地服务',
  kind: '美容SPA',
  shops: [{ name: '玉容SPA', address: '杭州市西湖区文三路1号', hours: week, parking: '楼下停车场2小时免费' }],
  products: [
    {
      name: '全身精油SPA',
      category: '身体',
      price: 398,
      aliases: ['精油spa'],
      variants: [
        { options: { 时长: '90分钟' }, price: 398, stock: 3 },
        { options: { 时长: '120分钟' }, price: 498, stock: 0 },
      ],
    },
    { name: '钢琴课48节', category: '课时包', price: 8640 },
  ],
  faqs: [
    { questions: ['来例假能做吗', '经期可以做吗'], answer: '经期可以做面部护理和头疗，全身精油SPA不做。' },
    { questions: ['男的能做吗'], answer: '男士可以做足疗和头疗，面部护理只接待女士。' },
  ],
  policies: [{ kind: 'membership', title: '冻结', content: '出国、生病可以申请冻结一次，最长2个月。' }],
};

describe('a service asked under a condition', () => {
  const kb = knowledgeFor(SHOP);

  it("answers with the owner's question about the condition, in the customer's words for it", () => {
    for (const q of ['来大姨妈了还能做精油spa吗', '生理期能做精油spa吗']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toContain('不做');
      expect(a.reply, q).not.toContain('有货');
    }
  });

  it("reads a husband or boyfriend as a man in the owner's question", () => {
    const a = offlineAnswer(kb, '我老公能一起来做吗');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('男士可以做足疗');
  });

  it('still answers a plain stock question with the stock', () => {
    expect(offlineAnswer(kb, '精油spa120分钟还能约吗').reply).not.toContain('经期');
  });

  it('reads a class asked to pause as no parking question', () => {
    expect(lexiconAsks('课能先停吗')).not.toContain('parking');
    expect(lexiconAsks('车能停吗')).toContain('parking');
    expect(offlineAnswer(kb, '下个月出国两个月 课能先停吗').reply).toContain('冻结');
  });
});
