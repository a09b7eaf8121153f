import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { offlineAnswer } from './offline-engine.js';
import { asksForRoom, defersAsked, personNeeded, slotSettled } from './person-needed.js';

const STUDIO: EvalShopFile = {
  id: 'test-studio',
  name: '小满瑜伽',
  industry: '本地服务',
  kind: '瑜伽馆',
  shops: [
    {
      name: '小满瑜伽(西湖店)',
      address: '杭州市文三路18号',
      hours: [{ weekdays: [2, 3, 4, 5, 6, 0], open: '09:00', close: '21:00' }],
      closedWeekdays: [1],
    },
  ],
  products: [{ name: '私教课', category: '课程', price: 300 }],
  faqs: [
    { questions: ['哺乳期能练吗'], answer: '产后42天以后、医生同意就可以练，先上恢复课。' },
    { questions: ['年卡送什么'], answer: '年卡送2节私教课，年终汇报课的服装费用另外通知。' },
  ],
  policies: [{ kind: 'membership', title: '年卡', content: '年卡3680元，送2节私教课。' }],
};
const kb = knowledgeFor(STUDIO);

describe('what only a person can settle', () => {
  it('hands over a slot at a given time, with the hours, unless the shop is closed that day', () => {
    expect(personNeeded(kb, '周四晚上7点还有空位吗')).toBe('slot');
    expect(personNeeded(kb, '周四营业吗')).toBeUndefined();
    expect(asksForRoom('有空吗')).toBe(true);
    expect(slotSettled([{ text: '周一店休，不营业', cited: [] }])).toBe(true);
    expect(slotSettled([{ text: '周一 09:00-21:00', cited: [] }])).toBe(false);
    // …or when the hours said open after, or close before, the one time each slot names with its half of the day
    const hours = [{ text: '周一正常营业，10:30-20:30', cited: [] }];
    const settles = (...slots: string[]) => slotSettled(hours, slots);
    expect(settles('周一早上10点能约吗')).toBe(true);
    expect(settles('周一晚上9点能约吗')).toBe(true);
    expect(settles('今晚9点半能约吗')).toBe(true);
    expect(settles('周一下午2点能约吗')).toBe(false);
    expect(settles('周一上午10点半能约吗')).toBe(false);
    expect(settles('中午1点能约吗')).toBe(false);
    // a bare hour may be either half of the day; two times, or a time that is not the slot's, settle nothing
    expect(settles('周一3点能约吗')).toBe(false);
    expect(settles('周一早上10点或者下午3点能约吗')).toBe(false);
    expect(settles('周一早上10点能约吗', '周二下午3点能约吗')).toBe(false);
    expect(settles('周一有空吗')).toBe(false);
    // hours past midnight hold the late evening
    const late = [{ text: '周五正常营业，18:00-02:00', cited: [] }];
    expect(slotSettled(late, ['周五晚上11点有位吗'])).toBe(false);
    expect(slotSettled(late, ['周五晚上12点有位吗'])).toBe(false);
    expect(slotSettled(late, ['周五下午3点有位吗'])).toBe(true);
  });

  it('answers the rule and hands over an exception to it', () => {
    expect(personNeeded(kb, '年卡送的私教课能换成团课吗')).toBe('exception');
    expect(personNeeded(kb, '办年卡能多送两节吗')).toBe('exception');
    expect(personNeeded(kb, '办年卡送几节')).toBeUndefined();
  });

  it('hands over what the shop is asked to do', () => {
    expect(personNeeded(kb, '帮我留一节明晚的私教 下班过去')).toBe('act');
    expect(personNeeded(kb, '私教课多少钱一节')).toBeUndefined();
  });

  it('answers a health question only from an FAQ that names the condition', () => {
    expect(personNeeded(kb, '怀孕三个月能上私教吗')).toBe('health');
    expect(personNeeded(kb, '有糖尿病能练吗')).toBe('health');
    expect(personNeeded(kb, '还在哺乳期可以来练吗')).toBeUndefined();
  });

  it('hands over what the shop’s own words leave to later', () => {
    const said = [{ text: '年卡送2节私教课，年终汇报课的服装费用另外通知', cited: [] }];
    expect(defersAsked(said, '汇报课的服装要多少钱')).toBe(true);
    expect(defersAsked(said, '年卡送什么')).toBe(false);
  });
});

describe('the offline engine with what only a person can settle', () => {
  it('hands a slot over with what the data says, and answers it when the shop is closed that day', () => {
    expect(offlineAnswer(kb, '周四晚上7点还有空位吗').needsHuman).toBe(true);
    const closed = offlineAnswer(kb, '周一下午想约个私教 有空吗');
    expect(closed.reply).toContain('周一');
    expect(closed.needsHuman).toBe(false);
  });

  it('answers the rule and hands over the exception, a health question and a deferred point', () => {
    const more = offlineAnswer(kb, '办年卡能多送两节吗');
    expect(more.needsHuman).toBe(true);
    expect(more.reply).toContain('2节私教课');
    expect(offlineAnswer(kb, '有糖尿病能练吗').needsHuman).toBe(true);
    const later = offlineAnswer(kb, '汇报课的服装要多少钱');
    expect(later.needsHuman).toBe(true);
    expect(later.reply).toContain('另外通知');
  });
});
