// Review: holidays are now said by month and day only. The owner's holiday list keeps last year's entries (nothing
// prunes them), so a shop closed on 2026's 元旦 and open on 2027's answers "1月1日休息（元旦）；1月1日营业（元旦）" —
// a customer cannot tell which is true. Before the change the dates carried their year.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'review-holiday-years',
  name: '老邱果园',
  industry: '电商',
  kind: '水果网店',
  address: '赣州市信丰县1号',
  holidays: [
    { date: '2026-01-01', closed: true, note: '元旦' },
    { date: '2027-01-01', closed: false, note: '元旦' },
  ],
  products: [{ name: '赣南脐橙', category: '脐橙', price: 69 }],
});

describe('holidays of different years', () => {
  it('does not say the same day is both closed and open', () => {
    const a = offlineAnswer(knowledgeFor(SHOP), '元旦营业吗');
    // each day said with its year, so the two notes tell two days apart
    expect(a.reply).toMatch(/2026年1月1日(休息|营业)/);
    expect(a.reply).toMatch(/2027年1月1日(休息|营业)/);
  });
});
