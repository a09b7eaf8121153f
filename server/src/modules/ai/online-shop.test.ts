// A shop that sells online only has no address to give: "店在哪" is answered with what the owner wrote about it,
// and a remark beside the question ("想直接过去买") is not matched to an answer of its own.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP: EvalShopFile = {
  id: 'test-online',
  name: '山野蜂坊',
  industry: '电商',
  kind: '蜂蜜网店',
  shops: [{ name: '山野蜂坊(小程序商城)', address: '', hours: [] }],
  facts: { other: '没有实体店，也没有门店地址，只在微信和小程序上卖，全部快递发货。' },
  products: [{ name: '洋槐蜜', category: '蜂蜜', price: 58 }],
  faqs: [
    {
      questions: ['蜂蜜结晶了是坏了吗'],
      answer: '结晶是正常现象，不影响吃，可以直接挖着吃。',
    },
  ],
};

describe('an online-only shop asked where it is', () => {
  const kb = knowledgeFor(SHOP);

  it('answers with what the owner wrote, and nothing for the remark beside it', () => {
    for (const q of ['你们店开在哪', '你们店开在哪 想直接过去买']) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman).toBe(false);
      expect(a.reply).toContain('没有实体店');
      expect(a.reply).not.toContain('结晶');
    }
  });

  it('still hands over what the data does not say', () => {
    expect(offlineAnswer(kb, '你们仓库能自提吗').needsHuman).toBe(true);
  });
});
