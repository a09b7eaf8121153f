// A district the customer asks to have an order sent to is answered with the owner's sentence that lists it, not the
// whole delivery rule; a list of other things (couriers, teas) is no district.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { everyDay, testShop } from '../../../test/support/test-shop.js';
import { offlineAnswer } from './offline-engine.js';

const SHOP = testShop({
  id: 'test-districts',
  name: '麦香烘焙',
  industry: '餐饮',
  kind: '烘焙',
  address: '南京市鼓楼区湖南路1号',
  hours: everyDay('10:00', '20:00'),
  facts: {
    delivery:
      '同城配送：鼓楼、玄武、建邺三个区店里自己送，满168元免配送费；江宁、栖霞、浦口等其他区可以帮叫闪送，闪送费顾客出。曲奇可以发顺丰、中通。',
  },
  products: [{ name: '草莓奶油蛋糕', category: '蛋糕', price: 228 }],
});

describe('delivery to a district the customer names', () => {
  const kb = knowledgeFor(SHOP);

  it('says the sentence that lists the district, and only it', () => {
    const far = offlineAnswer(kb, '能送江宁吗');
    expect(far.needsHuman).toBe(false);
    expect(far.reply).toContain('闪送');
    expect(far.reply).not.toContain('168');
    const near = offlineAnswer(kb, '送建邺区要配送费吗');
    expect(near.reply).toContain('168');
    expect(near.reply).not.toContain('闪送');
  });
});
