// Review: concepts.tsv now reads 老公/男朋友/男友 as 男士, so every message that merely mentions the husband or boyfriend
// holds the owner's FAQ question 男的能做吗 and is answered with it: "我老公来接我 能在大厅等吗" (can he wait in the
// lobby) gets "男士可以做足疗和头疗，面部护理只接待女士。" and no person. Before the change it went to a person.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { offlineAnswer } from './offline-engine.js';

const week = [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '10:00', close: '22:00' }];

const SHOP: EvalShopFile = {
  id: 'test-husband-review',
  name: '玉容SPA',
  industry: '本地服务',
  kind: '美容SPA',
  shops: [{ name: '玉容SPA', address: '杭州市西湖区文三路1号', hours: week, parking: '楼下停车场2小时免费' }],
  products: [
    { name: '全身精油SPA', category: '身体', price: 398, aliases: ['精油spa'] },
    { name: '面部补水护理', category: '面部', price: 198 },
  ],
  faqs: [
    { questions: ['来例假能做吗', '经期可以做吗'], answer: '经期可以做面部护理和头疗，全身精油SPA不做。' },
    { questions: ['男的能做吗'], answer: '男士可以做足疗和头疗，面部护理只接待女士。' },
    { questions: ['周末要提前预约吗'], answer: '周末人多，建议提前一天预约。' },
    { questions: ['今天能做吗', '当天能约吗'], answer: '当天有空位就能做，来之前打个电话问一下。' },
    { questions: ['团购券还能用吗'], answer: '美团团购券有效期内都能用。' },
    { questions: ['第一次来要注意什么'], answer: '做之前一小时别吃太饱。' },
  ],
};

describe('a husband mentioned in a question about something else', () => {
  const kb = knowledgeFor(SHOP);

  it("is not answered with the owner's FAQ on whether men can be served", () => {
    for (const q of ['我老公来接我 能在大厅等吗', '老公陪我来 有地方等吗']) {
      const a = offlineAnswer(kb, q);
      expect(a.reply, q).not.toContain('男士可以做足疗');
      expect(a.needsHuman, q).toBe(true);
    }
  });
});
