// A place asked of a shop that ships nowhere gets the owner's word that nothing is sent ("不发快递"), not a handover;
// a shop that ships, with no word on that place, still hands it over.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const shop = (couriers: string) =>
  knowledgeFor(
    testShop({
      name: '张记包子',
      industry: '餐饮',
      facts: { delivery: '美团外卖每天8:00以后接单，8点前只能到店买', couriers },
      products: [{ name: '速冻菜包', category: '冻品', price: 20 }],
    }),
  );

describe('a place asked to ship to', () => {
  it('gets the word that nothing is shipped, from a shop that ships nowhere', () => {
    const a = offlineAnswer(shop('不发快递，冻包子快递路上会化'), '能寄到上海吗');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('不发快递');
    expect(a.reply).not.toContain('8:00');
  });

  it('is handed over by a shop that ships but says nothing of that place', () => {
    expect(offlineAnswer(shop('江浙沪顺丰次日达'), '能寄到新疆吗').needsHuman).toBe(true);
  });
});
