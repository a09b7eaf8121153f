import { describe, expect, it } from 'vitest';
import { milkTeaKnowledge } from '../../../test/support/knowledge-fixture.js';
import { clothingShop } from '../../../test/support/shop-fixture.js';
import { testKnowledge } from '../../../test/support/test-shop.js';
import { checkReply } from './guardrails.js';

const kb = milkTeaKnowledge();
const id = (title: string) => kb.passages.find((p) => p.title === title)!.id;

describe('guardrails', () => {
  it('passes prices that match the cited product, including option prices', () => {
    expect(checkReply('杨枝甘露中杯18元，大杯21元。', [id('杨枝甘露')], kb, '餐饮').ok).toBe(true);
    expect(checkReply('杨枝甘露¥18，大杯加3元', [id('杨枝甘露')], kb, '餐饮').ok).toBe(true);
  });

  it('blocks an invented or uncited price', () => {
    expect(checkReply('杨枝甘露只要15元！', [id('杨枝甘露')], kb, '餐饮').violations).toEqual([
      { kind: 'price_not_in_data', detail: '15元' },
    ]);
    expect(checkReply('杨枝甘露18元', [], kb, '餐饮').violations[0]?.kind).toBe('price_not_in_data');
  });

  it('blocks discounts the cited data does not offer, and allows the real one', () => {
    expect(checkReply('今天全场8折！', [id('杨枝甘露')], kb, '餐饮').violations[0]?.kind).toBe('discount_not_in_data');
    expect(checkReply('每周三会员日第二杯半价（限同款中杯）。', [id('本周活动')], kb, '餐饮').ok).toBe(true);
  });

  it('blocks a stock claim for a sold-out product and hours that are not the shop’s', () => {
    expect(checkReply('手工麻薯有的，快来～', [id('手工麻薯')], kb, '餐饮').violations[0]?.kind).toBe('stock_mismatch');
    expect(checkReply('我们开到凌晨1点', [], kb, '餐饮').violations[0]?.kind).toBe('hours_not_in_data');
    expect(checkReply('我们晚上22:00关门', [], kb, '餐饮').ok).toBe(true);
  });

  it('blocks advertising-law terms, efficacy claims for beauty and tutoring, sensitive words and overlong text', () => {
    expect(checkReply('我们是全城最好喝的奶茶', [], kb, '餐饮').violations[0]).toEqual({
      kind: 'ad_law_term',
      detail: '最好',
    });
    expect(
      checkReply('做完这个疗程可以祛斑美白', [], milkTeaKnowledge('本地服务'), '本地服务').violations[0]?.kind,
    ).toBe('efficacy_claim');
    expect(checkReply('报我们的班保证提分', [], milkTeaKnowledge('教育培训'), '教育培训').violations[0]?.kind).toBe(
      'efficacy_claim',
    );
    expect(checkReply('可以帮你代开发票', [], kb, '餐饮').violations[0]?.kind).toBe('sensitive_word');
    expect(checkReply('好'.repeat(700), [], kb, '餐饮').violations[0]?.kind).toBe('too_long');
    expect(checkReply('见 product:000', ['product:000'], kb, '餐饮').violations[0]?.kind).toBe('uncited_id');
  });
});

describe('guardrails at the level the data is stored', () => {
  const closet = clothingShop();
  const dress = closet.passages.find((p) => p.title === '法式碎花连衣裙')!.id;

  it('passes a variant’s own price and blocks a price no variant has', () => {
    expect(checkReply('蓝色L码209元', [dress], closet, '零售').ok).toBe(true);
    expect(checkReply('蓝色L码189元', [dress], closet, '零售').violations[0]?.kind).toBe('price_not_in_data');
  });

  it('blocks "in stock" for a sold-out variant, not for one that has stock', () => {
    expect(checkReply('黄色L有货哦', [dress], closet, '零售').violations).toEqual([
      { kind: 'stock_mismatch', detail: '法式碎花连衣裙黄色L' },
    ]);
    expect(checkReply('黄色S有货，黄色L已售罄', [dress], closet, '零售').ok).toBe(true);
  });

  it('blocks an attribute value the data does not hold', () => {
    expect(checkReply('材质：100%纯棉', [dress], closet, '零售').violations[0]?.kind).toBe('attribute_mismatch');
    expect(checkReply('材质是100%粘胶纤维', [dress], closet, '零售').ok).toBe(true);
  });

  it('blocks saying the shop opens on its closed weekday, or closes on a day it opens', () => {
    expect(checkReply('周一正常营业哦', [], closet, '零售').violations[0]?.kind).toBe('closed_day_mismatch');
    expect(checkReply('周二休息', [], closet, '零售').violations[0]?.kind).toBe('closed_day_mismatch');
    expect(checkReply('我们每天都营业', [], closet, '零售').violations[0]?.kind).toBe('closed_day_mismatch');
    expect(checkReply('周一店休，不营业', [], closet, '零售').ok).toBe(true);
  });

  it('reads 第一次 as an ordinary word, not an advertising-law term', () => {
    expect(checkReply('第一次洗会轻微掉色', [], closet, '零售').ok).toBe(true);
  });

  it('reads advice (当天吃完最好, 最好提前约, 第一泡洗茶) as ordinary words, and 最好喝的 as a claim', () => {
    expect(checkReply('奶油蛋糕当天吃完最好', [], closet, '零售').ok).toBe(true);
    expect(checkReply('周末最好提前约', [], closet, '零售').ok).toBe(true);
    expect(checkReply('第一泡洗茶倒掉', [], closet, '零售').ok).toBe(true);
    expect(checkReply('我们家的蛋糕最好吃', [], closet, '零售').ok).toBe(false);
  });

  it('reads 最好说一下 as advice and 清仓款已经是最低价 as the floor of its own prices, 全网最低价 as a claim', () => {
    expect(checkReply('预约时最好说一下孩子的年级', [], closet, '零售').ok).toBe(true);
    expect(checkReply('清仓款已经是最低价，不参加满减', [], closet, '零售').ok).toBe(true);
    expect(checkReply('我们是全网最低价', [], closet, '零售').ok).toBe(false);
  });

  it('exempts only advice after 最好 (说一下, 告诉, 发过来), not a claim about a person or a thing', () => {
    expect(checkReply('最好告诉我们孩子的身高', [], closet, '零售').ok).toBe(true);
    for (const advice of [
      '照片最好发过来看看',
      '来之前最好说一声',
      '最好发张照片给我们看看',
      '最好说清楚地址',
      '最好讲清楚要求',
    ])
      expect(checkReply(advice, [], closet, '零售').ok, advice).toBe(true);
    for (const claim of ['我们有全市最好讲师', '店里有最好发型师', '这款能养出最好发质', '我们老师是最好说话的'])
      expect(checkReply(claim, [], closet, '零售').ok, claim).toBe(false);
  });

  it('reads 最好 after a practice routine as advice (每天练15分钟效果最好), and as a claim otherwise, whoever wrote it', () => {
    const studio = testKnowledge({
      name: '墨香书画',
      industry: '教育培训',
      products: [{ name: '硬笔书法课', category: '课程', price: 1680 }],
      faqs: [{ questions: ['口碑怎么样'], answer: '我们的口碑全市最好，在家每天练15分钟效果最好。' }],
    });
    const id = studio.passages.find((p) => p.kind === 'faq')!.id;
    expect(checkReply('在家每天练15分钟效果最好。', [id], studio, '教育培训').ok).toBe(true);
    for (const claim of ['口碑全市最好', '报我们班，效果最好。', '夏天最好喝'])
      expect(checkReply(claim, [id], studio, '教育培训').ok, claim).toBe(false);
  });

  it('refuses 已经是最低价 said against the market (全网已经是最低价, 同行里…已是最低价)', () => {
    expect(checkReply('这款全网已经是最低价了', [], closet, '零售').ok).toBe(false);
    expect(checkReply('清仓款已是最低价，不再打折', [], closet, '零售').ok).toBe(true);
    expect(checkReply('同行里我们已是最低价', [], closet, '零售').ok).toBe(false);
    for (const claim of ['附近已经是最低价了', '淘宝上已经是最低价了', '比别家都便宜，已经是最低价'])
      expect(checkReply(claim, [], closet, '零售').ok, claim).toBe(false);
  });

  it('lets a grade the owner sells under (极品) be named, and still refuses 极品 said of anything else', () => {
    const tea = testKnowledge({
      name: '山茶铺',
      industry: '电商',
      products: [
        {
          name: '铁观音',
          category: '乌龙茶',
          price: 128,
          variants: [
            { options: { 等级: '一级' }, price: 128 },
            { options: { 等级: '极品' }, price: 268 },
          ],
        },
      ],
    });
    const id = tea.passages.find((p) => p.kind === 'product')!.id;
    expect(checkReply('铁观音：一级128元，极品268元', [id], tea, '电商').ok).toBe(true);
    // …and listed with its stock, as the answers list a product's choices
    for (const listed of [
      '铁观音等级有一级、极品（极品已售罄）',
      '铁观音等级有极品、一级（极品、一级已售罄）',
      '铁观音一级有货；极品、一级已售罄',
    ])
      expect(checkReply(listed, [id], tea, '电商').ok, listed).toBe(true);
    expect(checkReply('我们的铁观音是极品好茶', [id], tea, '电商').ok).toBe(false);
    for (const claim of [
      '我们的铁观音是极品',
      '铁观音是极品。',
      '铁观音是极品！',
      '我们的服务也是极品',
      '极品等你来品',
      '铁观音是极品、回甘持久',
      '我们家铁观音就是极品（口感一流）',
    ])
      expect(checkReply(claim, [id], tea, '电商').ok, claim).toBe(false);
    // a dish named with the term is its name, however the reply says it
    const hotpot = testKnowledge({
      name: '川味火锅',
      industry: '餐饮',
      products: [{ name: '极品肥牛', category: '涮菜', price: 68, attributes: { 规格: '现切，每份200克' } }],
    });
    const beef = hotpot.passages.find((p) => p.kind === 'product')!.id;
    for (const said of ['极品肥牛：现切，每份200克。', '极品肥牛，68元', '推荐极品肥牛'])
      expect(checkReply(said, [beef], hotpot, '餐饮').ok, said).toBe(true);
    // the grade is the cited product's: uncited, the same listing is a claim
    expect(checkReply('铁观音：一级128元，极品268元', [], tea, '电商').ok).toBe(false);
  });
});
