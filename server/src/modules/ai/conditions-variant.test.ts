// Review: the condition-FAQ rule (offline-engine.ts `conditioned`) answers "来大姨妈了还能做精油spa吗" with the owner's
// 来例假能做吗 (全身精油SPA不做), but the same question with the duration named ("来大姨妈了精油spa90分钟还能做吗") still
// gets the stock line "全身精油SPA90分钟有货，只剩3件" — telling a customer on her period it can be done when the owner
// says it is not.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-conditions-review',
  name: '玉容SPA',
  industry: '本地服务',
  kind: '美容SPA',
  address: '杭州市西湖区文三路1号',
  hours: everyDay('10:00', '22:00'),
  products: [
    {
      name: '全身精油SPA',
      category: '身体',
      price: 398,
      aliases: ['精油spa'],
      variants: [
        { options: { 时长: '90分钟' }, price: 398, stock: 3 },
        { options: { 时长: '120分钟' }, price: 498, stock: 0 },
      ],
    },
  ],
  faqs: [{ questions: ['来例假能做吗', '经期可以做吗'], answer: '经期可以做面部护理和头疗，全身精油SPA不做。' }],
});

describe('a service asked under a condition, with its variant named', () => {
  const kb = knowledgeFor(SHOP);

  it("is answered by the owner's question about the condition, not by the variant's stock", () => {
    for (const q of ['来大姨妈了精油spa90分钟还能做吗', '生理期90分钟的精油spa能做吗']) {
      const a = offlineAnswer(kb, q);
      expect(a.reply, q).toContain('不做');
      expect(a.reply, q).not.toContain('有货');
    }
  });
});
