// After-sales questions in a customer's own words: an exchange asked as "能换大一码吗" or "小了想换", a return as
// "能寄回去吗", compensation as "怎么赔" are the shop's exchange and return rule, not a size's stock or the courier.
// And a rule asked in a word every class shares ("请假扣课时吗" names 课时) is the rule, not each class's 课时长.
import { describe, expect, it } from 'vitest';
import { testKnowledge } from '../../../test/support/test-shop.js';
import { lexiconAsks } from './asks.js';
import { offlineAnswer } from './offline-engine.js';

describe('after-sales words', () => {
  it('reads an exchange, a return by post and compensation as the refund rule', () => {
    for (const q of [
      'T恤小了 能换大一码吗',
      '能换小一号不',
      '裤子大了 能换小一号吗',
      '内裤拆开了才发现买小了 能换个大的吗',
      '裤子买错了想换',
      '还没拆的能寄回去吗',
      '坏了两个 怎么赔',
    ])
      expect(lexiconAsks(q), q).toContain('refund');
    // sending back is no question of the courier's; a parcel sent out still is
    expect(lexiconAsks('还没拆的能寄回去吗')).not.toContain('shipping');
    expect(lexiconAsks('能寄到新疆吗')).toEqual(['shipping']);
    expect(lexiconAsks('买了能直接寄回老家吗')).toEqual(['shipping']);
    // a change of something else is no exchange: a haircut, a cup size, a class
    for (const q of ['头发长了 想换个发型', '杨枝甘露可以换个大杯吗', '这个点错了 能换小点的吗', '孩子大了想换个班'])
      expect(lexiconAsks(q), q).not.toContain('refund');
  });

  const shop = testKnowledge({
    name: '小象童装',
    industry: '零售',
    products: [
      {
        name: '小象印花短袖T恤',
        category: '上衣',
        price: 69,
        variants: [
          { options: { 尺码: '110' }, stock: 6 },
          { options: { 尺码: '120' }, stock: 3 },
        ],
      },
    ],
    policies: [
      {
        kind: 'refund',
        title: '退换货',
        content: '收到货7天内，吊牌没剪、没洗没穿过的可以换码，寄回来的运费你出，换的新码我们包邮寄给你。',
      },
    ],
  });

  it('answers an exchange of a named product with the exchange rule, not the sizes in stock', () => {
    const a = offlineAnswer(shop, '在你们这买的T恤小了 吊牌也没剪 能换大一码吗');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('7天内');
    expect(a.reply).not.toContain('有货');
  });

  it('answers a rule asked in a word every class shares with the rule', () => {
    const school = testKnowledge({
      name: '小码编程',
      industry: '教育培训',
      products: [
        {
          name: 'Python进阶班',
          category: '课程',
          price: 4800,
          attributes: { 课时长: '120分钟' },
          variants: [{ options: { 课时包: '48课时' } }, { options: { 课时包: '96课时' }, price: 9200 }],
        },
        { name: '一对一私教课', category: '课程', price: 300, attributes: { 课时长: '90分钟' } },
      ],
      policies: [
        {
          kind: 'other',
          title: '请假和补课',
          content: '上课前24小时找班主任请假的不扣课时，可以安排补课。不到24小时请假或者没来的，扣1课时。',
        },
      ],
    });
    const leave = offlineAnswer(school, '请假扣课时吗');
    expect(leave.needsHuman).toBe(false);
    expect(leave.reply).toContain('请假');
    expect(leave.reply).not.toContain('分钟');
    // what happens, asked of the rule: both its sides, the notice that costs nothing and the late one that costs a class
    const missed = offlineAnswer(school, '课上不了怎么办');
    expect(missed.needsHuman).toBe(false);
    expect(missed.reply).toContain('不扣课时');
    expect(missed.reply).toContain('扣1课时');
    // the length of a class is still its own
    expect(offlineAnswer(school, 'Python进阶班一节课多长时间').reply).toContain('120分钟');
  });
});
