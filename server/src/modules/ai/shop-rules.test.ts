import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { CLOTHING_SHOP } from '../../../test/support/shop-fixture.js';
import { offlineAnswer } from './offline-engine.js';

const shop = knowledgeFor({
  ...CLOTHING_SHOP,
  shops: [{ ...CLOTHING_SHOP.shops[0]!, parking: '商场地下停车场，5元/小时；坐地铁2号线到中山站B口步行3分钟' }],
  policies: [
    ...CLOTHING_SHOP.policies!,
    {
      kind: 'other',
      title: '价格',
      content: '全店明码标价，不议价。学校、公司一次买30件以上可以找店主单独报价。会员买正装9折。清仓款不打折。',
    },
  ],
});

describe('the shop’s rules on price and the way there', () => {
  it('answers bargaining with the no-bargaining rule, not with a product that is never discounted', () => {
    const a = offlineAnswer(shop, '这件清仓外套150行不行');
    expect(a.reply).toContain('不议价');
    expect(a.reply).not.toContain('清仓款不打折');
    expect(a.needsHuman).toBe(false);
  });

  it('hands a company’s bulk order to a person, with the shop’s word on who quotes it', () => {
    const a = offlineAnswer(shop, '我们单位年底要给员工订一批外套 有团购价吗');
    expect(a.reply).toContain('找店主单独报价');
    expect(a.needsHuman).toBe(true);
  });

  it('tells the way there by metro when asked, from what the owner wrote beside the parking', () => {
    const a = offlineAnswer(shop, '坐地铁过去怎么走');
    expect(a.reply).toContain('中山站B口');
    expect(a.needsHuman).toBe(false);
  });
});
