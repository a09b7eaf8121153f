// Review: answeredBy's value rule (sentence-match.ts VALUES) counts a short question for a value as answered whenever
// the answer before holds *any* value of that kind — a number with 元 for "押金要多少", a span with 天/个月 for "多久到账"
// or "要提前几天申请" — even when that number is about something else (the monthly rent, the refund window, the longest
// freeze). The customer's question is then dropped silently instead of going to a person. Before the change all three
// were handed over ("…「押金要多少」我请店员确认一下").
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-answered-value-review',
  name: '悦音琴行',
  industry: '教育培训',
  kind: '琴行',
  address: '杭州市西湖区文三路1号',
  hours: everyDay('10:00', '22:00'),
  products: [{ name: '钢琴课48节', category: '课时包', price: 8640 }],
  faqs: [{ questions: ['钢琴能租吗', '可以租琴吗'], answer: '可以租，最短租3个月，月租300元。' }],
  policies: [
    { kind: 'refund', title: '退费', content: '报名7天内没上课可以全额退。' },
    { kind: 'membership', title: '冻结', content: '出国、生病可以申请冻结一次，最长2个月。' },
  ],
});

describe('a short question for a value the answer before does not give', () => {
  const kb = knowledgeFor(SHOP);

  it('is still handed over when the number there is about something else', () => {
    const cases = [
      // 300元 is the monthly rent, not the deposit: the shop never says a deposit
      '可以租琴吗 押金要多少',
      // 7天 is the window to ask for a refund, not how long the money takes to come back
      '能退费吗 多久到账',
      // 2个月 is the longest freeze, not how many days ahead to apply
      '课能冻结吗 要提前几天申请',
    ];
    const handedOver = cases.map((q) => [q, offlineAnswer(kb, q).needsHuman]);
    expect(handedOver).toEqual(cases.map((q) => [q, true]));
  });
});

describe('a wait asked after the answer that says how long', () => {
  it('is answered by the span the answer beside it gives for the thing done ("要等几天": 绣好大概要3天)', () => {
    const kb = knowledgeFor(
      testShop({
        name: '小象童装',
        industry: '零售',
        products: [{ name: '小象印花短袖T恤', category: '上衣', price: 69 }],
        faqs: [{ questions: ['能绣名字吗', '可以绣字吗'], answer: 'T恤可以在胸口绣名字，加15元，绣好大概要3天。' }],
      }),
    );
    const a = offlineAnswer(kb, 'T恤能绣娃的名字吗 要等几天');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('3天');
    // a span of something else (a warranty) is no wait: a person answers
    const tailor = knowledgeFor(
      testShop({
        name: '裁缝铺',
        industry: '本地服务',
        products: [{ name: '改裤脚', category: '修改', price: 15 }],
        faqs: [{ questions: ['能改裤脚吗'], answer: '可以改裤脚，改好的衣服保修30天。' }],
      }),
    );
    expect(offlineAnswer(tailor, '能改裤脚吗 要等几天').needsHuman).toBe(true);
  });
});
