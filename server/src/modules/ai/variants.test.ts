// Questions about variants and attributes asked the ways customers ask them: an option with no product named, two
// values of one choice, a size by height and weight, an attribute the product lacks, a name that reads like a question
// word, a second question the data cannot answer, English and a mistyped name.
import { describe, expect, it } from 'vitest';
import { knowledgeFor, type EvalShopFile } from '../../../eval/eval-data.js';
import { normalizeMessage } from './message-normalizer.js';
import { offlineAnswer } from './offline-engine.js';
import { linkProducts, shopIndex, withoutLinks } from './shop-index.js';

const week = [{ weekdays: [0, 1, 2, 3, 4, 5, 6], open: '10:00', close: '21:00' }];
const sizes = (colours: string[], all: string[], price: number, out: string[] = []) =>
  colours.flatMap((c) =>
    all.map((s) => ({
      options: { 颜色: c, 尺码: s },
      price: s === 'XL' ? price + 30 : price,
      stock: out.includes(`${c}${s}`) ? 0 : 3,
    })),
  );

const SHOP: EvalShopFile = {
  id: 'test-wardrobe',
  name: '小满衣橱',
  industry: '零售',
  kind: '女装店',
  shops: [{ name: '小满衣橱', address: '杭州市武林路1号', hours: week }],
  products: [
    {
      name: '法式碎花连衣裙',
      category: '连衣裙',
      price: 159,
      aliases: ['碎花裙'],
      attributes: { 材质: '100%粘胶纤维（人造棉）' },
      variants: sizes(['蓝色碎花', '黄色碎花'], ['S', 'M', 'L'], 159, ['黄色碎花S']),
    },
    {
      name: '双面羊绒大衣',
      category: '外套',
      price: 1280,
      aliases: ['大衣'],
      attributes: { 版型: '宽松版，偏大半码' },
      variants: sizes(['驼色', '黑色'], ['S', 'M', 'L'], 1280),
    },
    {
      name: '短款羽绒服',
      category: '外套',
      price: 599,
      aliases: ['羽绒服'],
      variants: sizes(['白色', '黑色'], ['S', 'M', 'L', 'XL'], 599),
    },
    {
      name: '高腰直筒牛仔裤',
      category: '裤子',
      price: 159,
      aliases: ['牛仔裤'],
      attributes: { 材质: '98%棉 2%氨纶，微弹' },
    },
    { name: '高领打底毛衣', category: '毛衣', price: 129, aliases: ['打底毛衣'] },
    { name: '羊毛围巾', category: '配饰', price: 99, aliases: ['围巾'], attributes: { 材质: '100%羊毛' } },
  ],
  faqs: [
    {
      questions: ['我穿什么码', '尺码怎么选'],
      answer:
        '尺码参考：身高155-160、体重45-50kg穿S；身高160-165、体重50-57kg穿M；身高165-170、体重57-65kg穿L。大衣偏大半码，可以拍小一码。',
    },
    { questions: ['毛衣起球', '毛衣掉毛正常吗'], answer: '新毛衣轻微掉毛是正常的，起球可以用剃毛器处理。' },
  ],
};

const FOOD: EvalShopFile = {
  id: 'test-food',
  name: '老灶',
  industry: '餐饮',
  kind: '火锅店',
  shops: [{ name: '老灶', address: '武汉市光谷1号', hours: week }],
  products: [
    { name: '麻辣牛肉', category: '荤菜', price: 38, aliases: ['麻牛'], attributes: { 辣度: '自带辣味，不能做不辣' } },
    {
      name: '丹东99草莓',
      category: '水果',
      price: 39.9,
      aliases: ['草莓'],
      variants: [
        { options: { 规格: '按斤' }, price: 39.9 },
        { options: { 规格: '3斤礼盒' }, price: 109 },
      ],
    },
    { name: '睫毛嫁接', category: '美睫', price: 168, aliases: ['接睫毛'] },
    { name: '下睫毛嫁接', category: '美睫', price: 58, aliases: ['下睫毛'] },
  ],
};

const wardrobe = knowledgeFor(SHOP);
const food = knowledgeFor(FOOD);
const ask = (q: string, history: string[] = []) => offlineAnswer(wardrobe, q, { history });

describe('variants asked for by their options', () => {
  it('finds the product an option pair names when no product is named: the one that has both', () => {
    const a = ask('黄色L码还有吗');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('法式碎花连衣裙黄色碎花L有货');
    expect(a.reply).not.toMatch(/大衣|羽绒服/);
  });

  it('answers for every value of one choice a question names', () => {
    const a = ask('羽绒服XL和L价格一样吗');
    expect(a.reply).toContain('599');
    expect(a.reply).toContain('629');
  });

  it('reads 有M吗 after a colour as that variant’s stock', () => {
    expect(ask('大衣驼色有M吗').reply).toContain('双面羊绒大衣驼色M有货');
  });
});

describe('attributes asked the ways customers ask', () => {
  it('gives the size chart’s line for the height and weight given, and the whole chart without them', () => {
    const fit = ask('我165 110斤 穿什么码');
    expect(fit.reply).toContain('身高160-165、体重50-57kg穿M');
    expect(fit.reply).not.toContain('穿S');
    expect(fit.reply).not.toContain('穿L');
    expect(ask('160斤穿多大').reply).toContain('身高155-160、体重45-50kg穿S');
    // a product with its own fit, with the chart's line beside it
    expect(ask('我165 110斤 大衣穿什么码').reply).toMatch(/宽松版.*穿M/);
  });

  it('hands over an attribute the product lacks instead of an FAQ about another product', () => {
    const a = ask('围巾能机洗吗');
    expect(a.needsHuman).toBe(true);
    expect(a.reply).not.toContain('毛衣');
  });

  it('reads a word of the material’s value as a material question', () => {
    expect(ask('牛仔裤有弹力吗').reply).toContain('微弹');
  });

  it('reads a product’s name as naming it, not as a question about spice', () => {
    const a = offlineAnswer(food, '麻牛来一份多少');
    expect(a.reply).toContain('38');
    expect(a.reply).not.toContain('辣度');
  });
});

describe('sizes, things and variants asked in other words', () => {
  const shoes = knowledgeFor({
    ...SHOP,
    id: 'test-shoes',
    products: [
      {
        name: '加绒连帽卫衣',
        category: '卫衣',
        price: 189,
        aliases: ['卫衣'],
        attributes: {
          版型: '宽松落肩版，想穿合身一点的拿小一码',
          S码适合: '身高155-165cm，体重90-110斤',
          M码适合: '身高160-170cm，体重110-130斤',
        },
        variants: [
          { options: { 颜色: '黑色', 尺码: 'S' }, price: 189, stock: 2 },
          { options: { 颜色: '黑色', 尺码: 'M' }, price: 189, stock: 0 },
        ],
      },
      {
        name: '超轻跑鞋',
        category: '跑鞋',
        price: 399,
        aliases: ['跑鞋'],
        variants: ['41码', '42码'].map((s, i) => ({ options: { 颜色: '荧光绿', 尺码: s }, price: 399, stock: i })),
      },
      { name: '红烧牛肉面', category: '面', price: 22, aliases: ['牛肉面'], attributes: { 牛肉: '黄牛腱子肉' } },
      { name: '纯色美甲', category: '美甲', price: 128, attributes: { 用胶: '日本进口甲油胶' } },
    ],
    faqs: [],
  });
  const on = (q: string, history: string[] = []) => offlineAnswer(shoes, q, { history });

  it('picks the size whose own attribute fits the height and weight given', () => {
    const a = on('身高163 体重105斤 卫衣穿啥码');
    expect(a.reply).toContain('S码适合');
    expect(a.reply).not.toContain('M码适合');
  });

  it('reads a size number standing alone as the size, not an amount', () => {
    expect(on('跑鞋有荧光绿42不').reply).toContain('荧光绿42码');
    expect(on('跑鞋有荧光绿42不').reply).not.toContain('41码');
  });

  it('says whether a whole variant named after the options question is there', () => {
    expect(on('黑色M码呢', ['卫衣有几个颜色']).reply).toMatch(/黑色M.*已售罄/);
  });

  it('answers "啥肉", "啥胶" from the attribute that names the thing', () => {
    expect(on('牛肉面用的啥肉').reply).toContain('黄牛腱子肉');
    expect(on('用的啥胶').reply).toContain('日本进口甲油胶');
  });
});

describe('which products fit an age or come without something', () => {
  const kb = knowledgeFor({
    ...SHOP,
    id: 'test-which',
    products: [
      { name: '中国舞', category: '舞蹈课', price: 2880, attributes: { 适合年龄: '4-12岁' } },
      { name: '少儿芭蕾', category: '舞蹈课', price: 3280, attributes: { 适合年龄: '3.5-10岁' } },
      { name: '少儿街舞', category: '舞蹈课', price: 2680, attributes: { 适合年龄: '6-15岁' } },
      { name: '番茄锅底', category: '锅底', price: 48, attributes: { 辣度: '不辣' } },
      { name: '牛油红汤锅底', category: '锅底', price: 58, attributes: { 辣度: '微辣、中辣、特辣' } },
      { name: '麻辣牛肉', category: '荤菜', price: 38, attributes: { 辣度: '不能做不辣' } },
      { name: '青少年爵士', category: '舞蹈课', price: 2980, attributes: { 适合年龄: '10-16岁' } },
      { name: '花生酥', category: '点心', price: 28, attributes: { 过敏原: '同一车间加工坚果，无法保证不含花生' } },
      { name: '椰子冻', category: '点心', price: 18, attributes: { 过敏原: '不含花生' } },
    ],
    faqs: [],
  });

  it('lists the classes whose age range takes the child, in Chinese and in English', () => {
    for (const q of ['孩子5岁能学什么', 'My daughter is 5 years old, which dance classes can she join?']) {
      const a = offlineAnswer(kb, q);
      expect(a.reply, q).toMatch(/中国舞.*少儿芭蕾/);
      expect(a.reply, q).not.toContain('街舞');
    }
  });

  it('lists the products whose data says they are without it, not one that cannot be', () => {
    const a = offlineAnswer(kb, '有不辣的吗');
    expect(a.reply).toContain('番茄锅底');
    expect(a.reply).not.toMatch(/牛油|麻辣牛肉/);
  });

  it('reads an age in Chinese numerals: 十一岁 is eleven', () => {
    const a = offlineAnswer(kb, '孩子十一岁能学什么');
    expect(a.reply).toMatch(/中国舞.*青少年爵士/);
    expect(a.reply).not.toContain('芭蕾');
  });

  it('never counts "cannot guarantee it is without" as without', () => {
    const a = offlineAnswer(kb, '哪些点心不含花生');
    expect(a.reply).toContain('椰子冻');
    expect(a.reply).not.toContain('花生酥（');
  });
});

describe('a message with a part the data cannot answer', () => {
  it('answers the price and hands over the test report', () => {
    const a = offlineAnswer(food, '草莓一斤多少 有农残检测报告吗');
    expect(a.reply).toContain('39.9');
    expect(a.needsHuman).toBe(true);
  });
});

describe('names typed loosely', () => {
  it('reads a whole name with one character wrong over a short form it shares with another product', () => {
    const index = shopIndex(food);
    expect(linkProducts(index, '娇毛嫁接多少').map((l) => l.product.name)).toEqual(['睫毛嫁接']);
    expect(withoutLinks('麻牛来一份多少', linkProducts(index, '麻牛来一份多少'))).toBe('来一份多少');
  });

  it('reads a name found exactly over another name with one character changed, and 包含啥 from the description', () => {
    const set = knowledgeFor({
      ...FOOD,
      products: [
        { name: '双人套餐', category: '套餐', price: 158, description: '鸳鸯锅底+鲜毛肚半份' },
        { name: '单人套餐', category: '套餐', price: 58, description: '单人小锅+米饭' },
      ],
    });
    const a = offlineAnswer(set, '双人套餐多少钱 包含啥');
    expect(a.reply).toContain('158');
    expect(a.reply).toContain('鲜毛肚');
    expect(a.reply).not.toContain('单人');
  });

  it('turns English shop words into the Chinese the data uses', () => {
    const index = shopIndex(wardrobe);
    expect(normalizeMessage('how to wash the scarf', index)).toContain('怎么');
    expect(normalizeMessage('is the coat made of wool?', index)).toMatch(/材质.*羊毛/);
  });
});
