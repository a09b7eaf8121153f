// A day asked by its festival's name or its date gets that day's note only, and the times in the owner's note pass
// the guardrails; a time no note or hours hold is still refused.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { checkReply } from './guardrails.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP: EvalShopFile = {
  id: 'test-holidays',
  name: '花间集鲜花',
  industry: '零售',
  kind: '鲜花店',
  shops: [
    {
      name: '花间集鲜花',
      address: '苏州市平江路156号',
      hours: [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '09:00', close: '21:00' }],
    },
  ],
  holidays: [
    { date: '2027-02-05', closed: false, note: '除夕营业到下午5点' },
    { date: '2027-02-14', closed: false, note: '情人节营业到23:00，当天不再接急送单' },
  ],
  products: [{ name: '红玫瑰花束', category: '花束', price: 199 }],
};

describe('a holiday asked by name or date', () => {
  const kb = knowledgeFor(SHOP);

  it("answers that day's note, not every holiday's", () => {
    for (const q of ['情人节那天晚上开到几点', '2月14号营业吗']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman).toBe(false);
      expect(a.reply).toContain('23:00');
      expect(a.reply).not.toContain('除夕');
    }
    expect(offlineAnswer(kb, '12月14号开吗').reply).not.toContain('情人节');
  });

  it('passes a time the holiday note holds and refuses one it does not', () => {
    expect(checkReply('情人节营业到23:00', [], kb, '零售').ok).toBe(true);
    expect(checkReply('情人节营业到23:30', [], kb, '零售').violations[0]?.kind).toBe('hours_not_in_data');
  });
});
