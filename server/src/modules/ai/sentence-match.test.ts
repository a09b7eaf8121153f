import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { CLOTHING_SHOP } from '../../../test/support/shop-fixture.js';
import { offlineAnswer } from './offline-engine.js';
import { sentenceOf } from './sentence-match.js';

const shop = knowledgeFor({
  ...CLOTHING_SHOP,
  facts: { ...CLOTHING_SHOP.facts, other: '店里有儿童座椅2把。试衣间在二楼。' },
  policies: [
    { kind: 'refund', title: '退换', content: '吊牌完好7天内可以退换；洗过的不退。' },
    { kind: 'booking', title: '预约', content: '改期请提前2小时说，不收费用。迟到30分钟取消预约。' },
  ],
});

describe('the shop’s own sentence for a question in other words', () => {
  it('finds the one sentence of a policy or fact that answers, in the customer’s words', () => {
    expect(sentenceOf(shop, '有宝宝椅吗')?.text).toBe('店里有儿童座椅2把');
    expect(sentenceOf(shop, '预约了想改期要收费吗')?.text).toBe('改期请提前2小时说，不收费用');
  });

  it("prefers the sentence that says the question's words itself to one that has them only in its policy's title", () => {
    const spa = knowledgeFor({
      ...CLOTHING_SHOP,
      policies: [
        {
          kind: 'membership',
          title: '次卡与储值卡',
          content:
            '次卡有效期1年，过期没用完的次数作废。没用过的次卡买后7天内可以全额退。储值卡原则上不退，特殊情况（搬离本市、身体原因不能再做）可以申请，扣除赠送金额和已消费部分后退还剩余，需要店长审核。',
        },
      ],
    });
    expect(sentenceOf(spa, '储值卡能退吗')?.text).toMatch(/^储值卡原则上不退/);
    expect(sentenceOf(spa, '次卡能退吗')?.text).toBe('没用过的次卡买后7天内可以全额退');
    // an FAQ's own questions are its words: its answer need not repeat them
    const tea = knowledgeFor({
      ...CLOTHING_SHOP,
      faqs: [{ questions: ['柠檬茶有点苦怎么办'], answer: '柠檬皮捶出来会带一点点苦，是正常的。怕苦可以备注轻打。' }],
      policies: [{ kind: 'other', title: '饮品', content: '柠檬茶只做冰的，热的柠檬皮会出苦味。' }],
    });
    expect(sentenceOf(tea, '柠檬茶有点苦怎么办')?.text).toMatch(/^柠檬皮捶出来/);
  });

  it('is not put off by single characters the shop never writes (前天剪的…再修修吗)', () => {
    const salon = knowledgeFor({
      ...CLOTHING_SHOP,
      policies: [
        {
          kind: 'refund',
          title: '售后',
          content: '剪发7天内不满意可免费修剪一次；染发7天内可免费补色一次。服务做完后不退款。',
        },
      ],
    });
    expect(sentenceOf(salon, '前天剪的 越看越不顺眼 还能找你们再修修吗', 0.55)?.text).toBe(
      '剪发7天内不满意可免费修剪一次',
    );
  });

  it('finds nothing when the question is about something the shop’s data never mentions', () => {
    expect(sentenceOf(shop, '能开发票吗')).toBeUndefined();
    expect(sentenceOf(shop, '怀孕了能试穿吗')).toBeUndefined();
  });

  it('reads everyday words for the same thing on both sides (来不了 ~ 改期, 扣钱 ~ 收费用)', () => {
    expect(sentenceOf(shop, '那天临时来不了 会扣钱吗')?.text).toBe('改期请提前2小时说，不收费用');
  });

  it('answers an FAQ whose own question the message holds, whatever else the message says around it', () => {
    const boxed = knowledgeFor({
      ...CLOTHING_SHOP,
      faqs: [
        ...CLOTHING_SHOP.faqs!,
        { questions: ['礼盒怎么拆', '盒子打不开'], answer: '礼盒侧面有拉条，顺着拉开就行。' },
      ],
    });
    const a = offlineAnswer(boxed, '收到的礼盒封得好紧 撬不开怎么办');
    expect(a.reply).toBe('礼盒侧面有拉条，顺着拉开就行。');
    expect(a.needsHuman).toBe(false);
    // one word of an FAQ's question in the message is not the FAQ asked
    expect(sentenceOf(boxed, '怀孕了能试穿吗')).toBeUndefined();
  });

  it('answers a rule with the sentence that applies, not the whole policy', () => {
    const a = offlineAnswer(shop, '牛仔裤洗过了还能退吗');
    expect(a.reply).toBe('洗过的不退。');
    expect(a.needsHuman).toBe(false);
  });

  it('does not hand over a question the answer already covers', () => {
    const parked = knowledgeFor({
      ...CLOTHING_SHOP,
      shops: [{ ...CLOTHING_SHOP.shops[0]!, parking: '商场地下停车场，5元/小时，店里不报销停车费' }],
    });
    const a = offlineAnswer(parked, '停车收费吗 能报销不');
    expect(a.reply).toBe('停车：商场地下停车场，5元/小时，店里不报销停车费。');
    expect(a.needsHuman).toBe(false);
  });
});
