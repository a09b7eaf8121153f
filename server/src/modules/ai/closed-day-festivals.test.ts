// REVIEW (b265a0a, asks.ts closed_day): to stop "放暑假" reading as a closed day, the festival reading went from
// /(过年|春节|国庆|…|假期).{0,4}放(几|多)/ to a closed list of words allowed between the festival and 放
// (你们|你家|店里|要|会|一共|总共). 节 and 期间 are not among them, so the everyday "国庆节放几天", "中秋节放几天",
// "端午节放几天", "国庆期间放几天", "国庆节放多久" no longer ask closed_day and are handed to a person — before the
// change each got the owner's own holiday note (10月1日休息（国庆放假：…）).
// Right: a festival, with 节/期间/假期 or a few words after it, then 放几天/放多久, asks the shop's closed days
// (only the school-holiday 放暑假/放寒假 is to be left out).
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { lexiconAsks } from './asks.js';
import { offlineAnswer } from './offline-engine.js';

const kb = knowledgeFor(
  testShop({
    name: '张记包子',
    industry: '餐饮',
    holidays: [
      { date: '2026-10-01', closed: true, note: '国庆放假：10月1日到10月3日休息' },
      { date: '2026-09-25', closed: true, note: '中秋节休息一天' },
    ],
    products: [{ name: '鲜肉包', category: '包子', price: 2 }],
  }),
);

describe("a festival's days off asked with 节 or 期间", () => {
  it('reads 国庆节放几天 / 中秋节放几天 / 国庆期间放几天 as closed_day', () => {
    for (const q of ['国庆节放几天', '中秋节放几天', '端午节放几天', '国庆期间放几天', '国庆节放多久']) {
      expect(lexiconAsks(q), q).toContain('closed_day');
    }
  });

  it("answers them with the owner's holiday note", () => {
    const national = offlineAnswer(kb, '国庆节放几天');
    expect(national.needsHuman).toBe(false);
    expect(national.reply).toContain('国庆放假');
    const midAutumn = offlineAnswer(kb, '中秋节放几天');
    expect(midAutumn.needsHuman).toBe(false);
    expect(midAutumn.reply).toContain('中秋节休息');
  });
});
