// What the guardrails must not refuse, and what they still refuse next to it: a count that names a choice (鸡块20块)
// is no price, an offer in the owner's holiday note is the shop's, and a clause about one product is not held to
// another whose alias it happens to hold (伦晚脐橙's sweetness is not 脐橙's), nor an attribute's name inside a longer
// name (豚骨拉面 of the attribute 面) a claim of its value.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { checkReply } from './guardrails.js';
import { offlineAnswer } from './offline-engine.js';

const week = [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '10:00', close: '21:00' }];

const SHOP: EvalShopFile = {
  id: 'test-claims',
  name: '老邱果园',
  industry: '电商',
  kind: '水果网店',
  shops: [{ name: '老邱果园', address: '赣州市信丰县1号', hours: week }],
  holidays: [
    { date: '2027-02-05', closed: true, note: '春节停发：除夕到初四不发货' },
    { date: '2027-02-06', closed: true, note: '春节停发：除夕到初四不发货' },
    { date: '2027-02-07', closed: true, note: '春节停发：除夕到初四不发货' },
    { date: '2027-03-08', closed: false, note: '三八节脐橙礼盒8折' },
  ],
  products: [
    {
      name: '鸡块',
      category: '小吃',
      price: 22,
      variants: [
        { options: { 份量: '10块' }, price: 22 },
        { options: { 份量: '20块' }, price: 40 },
      ],
    },
    { name: '赣南脐橙', category: '脐橙', price: 69, aliases: ['脐橙'], attributes: { 口感: '甜度13-15度' } },
    { name: '伦晚脐橙', category: '脐橙', price: 89, attributes: { 口感: '甜度14-16度' } },
  ],
};

describe('claims the guardrails check', () => {
  const kb = knowledgeFor(SHOP);
  const id = (name: string) => kb.passages.find((p) => p.kind === 'product' && p.product.name === name)!.id;

  it('reads a count that names a choice as no price, and still refuses an invented one', () => {
    expect(checkReply('鸡块20块40元。', [id('鸡块')], kb, '餐饮').ok).toBe(true);
    expect(checkReply('鸡块20块35元。', [id('鸡块')], kb, '餐饮').violations.map((v) => v.detail)).toContain('35元');
  });

  it("passes an offer the owner's holiday note makes, and refuses one it does not", () => {
    expect(checkReply('3月8日营业（三八节脐橙礼盒8折）', [], kb, '电商').ok).toBe(true);
    expect(checkReply('三八节全场7折', [], kb, '电商').violations[0]?.kind).toBe('discount_not_in_data');
    // the note's 8折 is for the gift box on that day, not a discount on anything else
    expect(checkReply('今天全场8折', [], kb, '电商').violations[0]?.kind).toBe('discount_not_in_data');
  });

  it("passes a price the owner's holiday note states, quoted, and refuses it anywhere else", () => {
    const shop = knowledgeFor({
      ...SHOP,
      holidays: [{ date: '2027-01-01', closed: false, note: '元旦三天寄养每天加20元，要提前2周约' }],
    });
    expect(checkReply('1月1日营业（元旦三天寄养每天加20元，要提前2周约）', [], shop, '电商').ok).toBe(true);
    expect(checkReply('元旦寄养每天加30元', [], shop, '电商').violations[0]?.kind).toBe('price_not_in_data');
    expect(checkReply('洗澡20元', [], shop, '电商').violations[0]?.kind).toBe('price_not_in_data');
  });

  it("passes a weekday the owner's holiday note opens on, as written, and 第一 of an ordinal", () => {
    const shop = knowledgeFor({
      ...SHOP,
      shops: [{ name: '老邱果园', address: '赣州市信丰县1号', hours: week, closedWeekdays: [3] }],
      holidays: [{ date: '2026-10-07', closed: false, note: '国庆期间10月7日周三也照常开门' }],
    });
    expect(checkReply('10月7日营业（国庆期间10月7日周三也照常开门）', [], shop, '电商').ok).toBe(true);
    expect(checkReply('我们周三也照常开门', [], shop, '电商').violations[0]?.kind).toBe('closed_day_mismatch');
    expect(checkReply('发货当晚才会有第一条物流信息', [], shop, '电商').ok).toBe(true);
    expect(checkReply('销量全国第一', [], shop, '电商').violations[0]?.kind).toBe('ad_law_term');
  });

  it("passes the owner's own advice and times as written, and still refuses claims and other times", () => {
    const shop = knowledgeFor({
      ...SHOP,
      holidays: [{ date: '2027-02-05', closed: false, note: '除夕营业到下午5点，15点后不接单' }],
    });
    for (const ok of [
      '开封后1个月内喝完风味最好',
      '开封后最好1个月内吃完',
      '以上优惠不能叠加，取最优惠的一项',
      '2013年开的第一家店',
      '到货了第一时间通知你',
      '除夕营业到下午5点',
    ])
      expect(checkReply(ok, [], shop, '电商').ok, ok).toBe(true);
    for (const bad of ['我们家是最好的', '全城最优惠', '晚上5点关门', '除夕营业到6点'])
      expect(checkReply(bad, [], shop, '电商').ok, bad).toBe(false);
  });

  it('holds a clause to the product named first in it, not to another whose alias it holds', () => {
    const both = [id('赣南脐橙'), id('伦晚脐橙')];
    expect(checkReply('赣南脐橙口感：甜度13-15度；伦晚脐橙口感：甜度14-16度', both, kb, '电商').ok).toBe(true);
    expect(checkReply('赣南脐橙口感：甜度14-16度；伦晚脐橙口感：甜度14-16度', both, kb, '电商').ok).toBe(false);
  });

  it("reads an attribute's name inside a longer name as no claim of its value, and the product's own words as written", () => {
    const shop = knowledgeFor({
      ...SHOP,
      shops: [{ name: '小浪花', address: '成都市1号', hours: week, closedWeekdays: [1] }],
      products: [
        { name: '豚骨拉面', category: '拉面', price: 42, attributes: { 面: '细直面，默认偏硬' } },
        {
          name: '彩色日抛',
          category: '美瞳',
          price: 89,
          attributes: {
            直径: '14.2mm',
            着色直径: '13.8mm',
            说明: '教练级别见下；金牌教练：以前是省队运动员',
            金牌教练: '20节包排满了',
          },
        },
        { name: '暑期营', category: '集训', price: 1980, attributes: { 上课时间: '每天15:30-17:00，遇到周一照常上' } },
      ],
    });
    const of = (name: string) => [shop.passages.find((p) => p.kind === 'product' && p.product.name === name)!.id];
    for (const [ok, name] of [
      ['豚骨拉面：42元；豚骨拉面面：细直面，默认偏硬', '豚骨拉面'],
      ['彩色日抛直径：14.2mm，着色直径：13.8mm', '彩色日抛'],
      ['彩色日抛说明：教练级别见下；金牌教练：以前是省队运动员', '彩色日抛'],
      ['暑期营上课时间：每天15:30-17:00，遇到周一照常上', '暑期营'],
    ])
      expect(checkReply(ok!, of(name!), shop, '本地服务').ok, ok).toBe(true);
    for (const [bad, name] of [
      ['豚骨拉面面：粗面', '豚骨拉面'],
      ['豚骨拉面是粗面', '豚骨拉面'],
      ['豚骨拉面：粗面，42元', '豚骨拉面'],
      ['彩色日抛直径：13.8mm', '彩色日抛'],
      ['彩色日抛着色直径：14.2mm', '彩色日抛'],
      ['暑期营周一照常营业', '暑期营'],
    ])
      expect(checkReply(bad!, of(name!), shop, '本地服务').ok, bad).toBe(false);
  });

  it('passes a composition and advice on how alike, and still refuses absolute claims', () => {
    for (const ok of [
      '原料：100%鸡胸肉，无添加',
      '面料：100%美利奴羊毛',
      '两个孩子水平最好差不多',
      '报班的第一本含在资料费里',
    ])
      expect(checkReply(ok, [], kb, '电商').ok, ok).toBe(true);
    for (const bad of [
      '100%正品',
      '100%满意',
      '100%正品好茶',
      '100%新鲜牛肉',
      '100%纯天然蜂蜜',
      '国内第一本土咖啡品牌',
      '喝完你就知道哪家最好喝',
      '店里卖得最好的一款',
      '煮茶最好喝',
    ])
      expect(checkReply(bad, [], kb, '电商').ok, bad).toBe(false);
  });

  it('says a run of holidays with one note once, by month and day', () => {
    const a = offlineAnswer(kb, '过年营业吗');
    expect(a.reply).toContain('2月5日至2月7日');
    expect(a.reply.split('春节停发').length).toBe(2);
  });
});

describe('shipping around a holiday', () => {
  it('says a note kept on each day of a run once', () => {
    const a = offlineAnswer(knowledgeFor(SHOP), '过年什么时候停发');
    expect(a.reply.split('春节停发').length).toBe(2);
  });
});
