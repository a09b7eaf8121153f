// Customers who cannot find a branch ask where it is without 地址 or 在哪: which gate, which stretch of a street, the
// door number. Each gets the branch's address as the owner wrote it; a question that is no location stays its own.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { lexiconAsks } from './asks.js';
import { offlineAnswer } from './offline-engine.js';

const week = [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '09:00', close: '21:00' }];

const SHOP: EvalShopFile = {
  id: 'test-where',
  name: '果然鲜水果',
  industry: '零售',
  kind: '水果店',
  shops: [
    { name: '果然鲜(万达店)', address: '郑州市二七区大学路万达广场北门旁（星巴克隔壁）', hours: week },
    { name: '果然鲜(花园路店)', address: '郑州市金水区花园路61号（农业路口往南100米）', hours: week },
  ],
  products: [{ name: '砂糖橘', category: '柑橘', price: 6.8 }],
};

describe('where a branch is, asked without 地址', () => {
  const kb = knowledgeFor(SHOP);

  it('reads which gate, which stretch and the door number as asking where', () => {
    for (const q of ['万达那家靠哪个门', '花园路那家在哪一段 找不着', '门牌号是多少', '是哪条路上的'])
      expect(lexiconAsks(q)).toContain('location');
  });

  it("answers with the named branch's address", () => {
    const a = offlineAnswer(kb, '万达那个店靠哪个门');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('北门');
    expect(offlineAnswer(kb, '花园路那家门牌多少').reply).toContain('61号');
  });

  it('does not read a lost order as a location', () => {
    expect(lexiconAsks('订单找不到了')).not.toContain('location');
  });
});
