// A short question for a value that the answer to the question before it already gives needs no person: "要买到多少"
// after 满1000元, "搜啥名字" after 搜“咔滋鸡”. A question the answer does not give is still handed over.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-answered-before',
  name: '咔滋鸡',
  industry: '餐饮',
  kind: '炸鸡店',
  address: '武汉市洪山区光谷步行街1号',
  hours: everyDay('10:00', '22:00'),
  facts: { delivery: '美团外卖、饿了么都能点，搜“咔滋鸡”就行。' },
  products: [{ name: '韩式炸鸡', category: '炸鸡', price: 59 }],
  policies: [{ kind: 'membership', title: '会员', content: '累计消费满1000元自动成为VIP，之后买东西9折。' }],
});

describe('a value the answer before already gives', () => {
  const kb = knowledgeFor(SHOP);

  it('answers the short question with the answer before it', () => {
    for (const [q, fact] of [
      ['老顾客有折扣吗 要买到多少', '1000'],
      ['饿了么上能点你们家吗 搜啥名字', '咔滋鸡'],
    ] as const) {
      const a = offlineAnswer(kb, q);
      expect(a.needsHuman, q).toBe(false);
      expect(a.reply, q).toContain(fact);
    }
  });

  it('still hands over a question the answer before does not give', () => {
    const a = offlineAnswer(kb, '老顾客有折扣吗 能开发票吗');
    expect(a.needsHuman).toBe(true);
    expect(a.reply).toContain('1000');
  });
});
