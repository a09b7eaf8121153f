// English the normalizer could not turn into the shop's words leaves the question unknown: the topic classifier does
// not guess from the few words it read ("班taught英语?孩子moved back from Canada" is no question about hours), while
// pinyin it left unread ("hj dian周一kai吗") is still read for what it does say.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { classifiedAsk, unreadEnglish } from './asks.js';
import { offlineAnswer } from './offline-engine.js';

describe('English left unread', () => {
  it('gets no guess from the topic classifier', () => {
    expect(classifiedAsk("你好,班taught英语?孩子moved back from Canada Chinese isn't great.")).toBeUndefined();
    expect(classifiedAsk('hj dian周一kai吗')).toBe('hours');
    // chat noises and short capitals are no English sentence
    expect(unreadEnglish('hhh 你们几点关门 emmm www thx')).toBe(false);
    expect(unreadEnglish('VIP KTV DIY 有包间吗')).toBe(false);
    expect(unreadEnglish('classic lashes and volume lashes', new Set(['lashes', 'classic']))).toBe(false);
  });

  it('is handed over, not answered with the opening hours nor greeted', () => {
    const kb = knowledgeFor(
      testShop({
        id: 'test-english-unread',
        name: '墨芽美术',
        industry: '教育培训',
        kind: '美术培训',
        address: '成都市玉林路1号',
        hours: everyDay('09:00', '18:00'),
        products: [{ name: '儿童创意美术', category: '美术', price: 2400 }],
      }),
    );
    const a = offlineAnswer(
      kb,
      'Hi, my daughter goes to an international school and takes IB Math AA HL. Do you have a tutor who knows the IB syllabus?',
    );
    expect(a.needsHuman).toBe(true);
    expect(a.reply).not.toContain('09:00');
    // nor greeted back as if it asked nothing
    expect(offlineAnswer(kb, "Do you have halal food? I don't eat pork").needsHuman).toBe(true);
    // thanks in English is thanked
    expect(offlineAnswer(kb, 'thank you so much').needsHuman).toBe(false);
  });
});
