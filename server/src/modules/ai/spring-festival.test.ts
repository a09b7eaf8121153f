// "过年放几天", "初几开门": the Spring Festival asked the way customers ask it gets the owner's holiday note (written
// as 春节 or 除夕), not the week's hours; "能放几天" of a product is still how long it keeps.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { lexiconAsks } from './asks.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '小码王编程',
    industry: '教育培训',
    holidays: [
      { date: '2026-10-01', closed: true, note: '国庆10月1日到3日停课' },
      {
        date: '2027-02-05',
        closed: true,
        note: '春节放假：2月5日（除夕）到2月12日（初七）停课，2月13日（初八）恢复上课',
      },
    ],
    products: [{ name: '曲奇礼盒', category: '零食', price: 88, attributes: { 保质期: '常温30天' } }],
  }),
);

describe('the Spring Festival asked as customers ask it', () => {
  it("gets the owner's note on it", () => {
    for (const q of ['过年放几天假', '过年你们放几天 初几开门']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toContain('2月13日（初八）恢复上课');
      expect(a.reply, q).not.toContain('国庆');
    }
  });

  it('leaves how long a product keeps alone', () => {
    expect(lexiconAsks('曲奇能放几天')).not.toContain('closed_day');
    expect(offlineAnswer(kb, '曲奇能放几天').reply).toContain('30天');
  });
});
