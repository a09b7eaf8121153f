// One answer per ask, written only from the shop's data: prices and stock per variant, the options a product comes
// in, attribute values, hours with the closed weekdays, addresses, the owner's facts (payment, delivery, couriers …),
// policies and the FAQ. Each returns the sentence and the data it rests on, or nothing when the data does not say.
import { yuanText } from '@xiaoer/common/money';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { cutWords } from '../knowledge/tokenizer.js';
import {
  describeHours,
  optionsLabel,
  type KnownProduct,
  type Passage,
  type ProductVariant,
} from '../knowledge/passages.js';
import type { Ask } from './asks.js';
import { chineseNumber } from './message-normalizer.js';
import { toShopWords } from './shop-words.js';
import {
  clean,
  commonValueWords,
  linkShop,
  namedChoices,
  namedOptions,
  shopIndex,
  variantMatches,
} from './shop-index.js';

export interface Said {
  text: string;
  cited: string[];
}

const productId = (p: KnownProduct) => `product:${p._id}`;
const soldOut = (x: { available: boolean; stock?: number }) => !x.available || x.stock === 0;
/** A product the owner switched off is not for sale, whatever stock its variants still hold. */
const offSale = (p: KnownProduct) => !p.available;
const LOW_STOCK = 5;

/** "大杯19元", "28码：159元" (a label ending in a digit is kept apart from the price). */
const withPrice = (label: string, fen: number) => `${label}${/\d$/.test(label) ? '，' : ''}${yuanText(fen)}元`;

function variantStock(v: ProductVariant): string {
  if (soldOut(v)) return '已售罄';
  if (v.stock !== undefined && v.stock <= LOW_STOCK) return `有货，只剩${v.stock}件`;
  return '有货';
}

/** Variant prices, grouped by price ("中杯16元，大杯19元"; "黄色S、黄色L199元，蓝色L209元"). */
function variantPrices(variants: ProductVariant[]): string {
  const byPrice = new Map<number, string[]>();
  for (const v of variants) byPrice.set(v.price, [...(byPrice.get(v.price) ?? []), optionsLabel(v)]);
  if (byPrice.size === 1) return `${yuanText(variants[0]!.price)}元`;
  return [...byPrice]
    .slice(0, 8)
    .map(([price, labels]) =>
      withPrice(labels.length > 4 ? `${labels.slice(0, 4).join('、')}等` : labels.join('、'), price),
    )
    .join('，');
}

function addonPrices(p: KnownProduct, text: string): string[] {
  const t = clean(text);
  return p.specs.flatMap((g) =>
    g.options
      .filter((o) => o.priceDelta && o.label.length >= 2 && t.includes(clean(o.label)))
      .map((o) => `加${o.label}${yuanText(o.priceDelta)}元`),
  );
}

function basePrice(p: KnownProduct): string {
  const sizes = p.specs.find((g) => g.options.some((o) => o.priceDelta));
  const extra = sizes?.options
    .filter((o) => o.priceDelta)
    .map((o) => `${o.label}加${yuanText(o.priceDelta)}元`)
    .join('，');
  const base = sizes
    ? `${sizes.options.find((o) => !o.priceDelta)?.label ?? ''}${yuanText(p.price)}元`
    : `${yuanText(p.price)}元`;
  return `${base}${extra ? `，${extra}` : ''}`;
}

export function priceOf(products: KnownProduct[], text: string): Said {
  const lines = products.map((p) => {
    const variants = p.variants ?? [];
    const choices = namedChoices(text, p);
    const matching = variants.filter((v) => variantMatches(v, choices));
    const addons = addonPrices(p, text);
    let line: string;
    if (variants.length && choices.size && matching.length) {
      const prices = new Set(matching.map((v) => v.price));
      const label = [...choices.values()].map((values) => values.join('、')).join('');
      line =
        prices.size === 1 ? withPrice(`${p.name}${label}`, matching[0]!.price) : `${p.name}${variantPrices(matching)}`;
    } else if (variants.length)
      line = `${p.name}${new Set(variants.map((v) => v.price)).size > 1 ? '：' : ''}${variantPrices(variants)}`;
    else line = `${p.name}${basePrice(p)}`;
    if (addons.length) line += `，${addons.join('，')}`;
    const out = offSale(p) || (variants.length ? matching.length > 0 && matching.every(soldOut) : soldOut(p));
    return `${line}${out ? soldOutNote(p, variants.length && !offSale(p) ? matching : []) : ''}`;
  });
  return { text: lines.join('；'), cited: products.map(productId) };
}

/** Words the owner says when something comes back ("12月中旬到货", "夏季供应", "秋冬才有"). */
const RESTOCK = /(到货|上市|补货|恢复|暂停|季|下批|预售|月|开售|供应|才有)/;
const ownTexts = (p: KnownProduct) => [p.description ?? '', ...(p.attributes ?? []).map((a) => a.value)];

/** What the owner wrote about when a sold-out product comes back. */
function restock(p: KnownProduct): string {
  const said = ownTexts(p)
    .flatMap((t) => t.split(/[。；;！!\n]/))
    .find((s) => RESTOCK.test(s));
  return said ? `（${said.trim()}）` : '';
}

/** The owner's clause on when a sold-out choice comes back, naming it ("蟹粉小笼秋冬才有（9月到12月）"), or ''. */
function variantRestock(p: KnownProduct, v: ProductVariant): string {
  const values = v.options.map((o) => o.value).filter((x) => x.length >= 2);
  const said = ownTexts(p)
    .flatMap((t) => t.split(/[。；;！!\n，,]/))
    .find((s) => values.some((x) => s.includes(x)) && RESTOCK.test(s));
  return said?.trim() ?? '';
}
const soldOutNote = (p: KnownProduct, sold: ProductVariant[]) => {
  const back = sold.length === 1 ? variantRestock(p, sold[0]!) : '';
  return `（目前已售罄${back ? `，${back}` : ''}）`;
};

/** Whether the products are there; with the price of one without variants, unless the price is answered beside it. */
export function stockOf(products: KnownProduct[], text: string, withPrice = true): Said {
  const lines = products.map((p) => {
    const variants = p.variants ?? [];
    if (offSale(p)) return `${p.name}目前已售罄${restock(p)}`;
    if (!variants.length || !variants.some((v) => v.stock !== undefined || !v.available)) {
      if (soldOut(p)) return `${p.name}目前已售罄${restock(p)}`;
      const unit = p.category.includes('课') ? '个名额' : '份';
      if (p.stock !== undefined && p.stock <= LOW_STOCK) return `${p.name}还有，只剩${p.stock}${unit}`;
      // "还有几个": the count itself
      if (p.stock !== undefined && /(几|多少)/.test(text)) return `${p.name}还有${p.stock}${unit}`;
      // "有没有体验课": yes, and what it costs, as a shop assistant would say it
      if (!variants.length) return `${p.name}有的${withPrice && p.price > 0 ? `，${yuanText(p.price)}元` : ''}`;
    }
    const named = namedOptions(text, p);
    if (named.size) {
      const matching = variants.filter((v) => variantMatches(v, namedChoices(text, p)));
      if (!matching.length) return `${p.name}没有${[...named.values()].join('')}这个规格`;
      const prices = new Set(variants.map((v) => v.price)).size > 1;
      return matching
        .map((v) => {
          const back = soldOut(v) ? variantRestock(p, v) : '';
          return `${p.name}${optionsLabel(v)}${variantStock(v)}${prices && !soldOut(v) ? `，${yuanText(v.price)}元` : ''}${
            back ? `（${back}）` : ''
          }`;
        })
        .join('；');
    }
    const inStock = variants.filter((v) => !soldOut(v));
    const out = variants.filter(soldOut);
    if (!inStock.length) return `${p.name}目前都已售罄${restock(p)}`;
    return `${p.name}${inStock.map((v) => `${optionsLabel(v)}${v.stock !== undefined && v.stock <= LOW_STOCK ? `（只剩${v.stock}件）` : ''}`).join('、')}有货${
      out.length ? `；${out.map(optionsLabel).join('、')}已售罄` : ''
    }`;
  });
  return { text: lines.join('；'), cited: products.map(productId) };
}

export function optionsOf(products: KnownProduct[], text: string): Said | undefined {
  const withVariants = products.filter((p) => p.variants?.length);
  if (!withVariants.length) return undefined;
  const lines = withVariants.map((p) => {
    const named = namedOptions(text, p);
    const variants = p.variants!.filter((v) => variantMatches(v, named));
    // every option is named ("抄手大份几个"): that variant as the shop labels it, with its price
    if (named.size && variants.length && variants.every((v) => v.options.every((o) => named.get(o.name) === o.value)))
      return variants
        .map((v) => {
          const line = withPrice(`${p.name}${optionsLabel(v)}`, v.price);
          // where the shop keeps the variant's stock, whether it is there ("黑色M码呢" after the colours)
          return v.stock !== undefined || soldOut(v) ? `${line}，${variantStock(v)}` : line;
        })
        .join('；');
    const groups = new Map<string, Map<string, boolean>>();
    const prices = new Map<string, Set<number>>();
    for (const v of variants) {
      for (const o of v.options) {
        if (named.get(o.name) === o.value) continue;
        const g = groups.get(o.name) ?? new Map<string, boolean>();
        groups.set(o.name, g);
        g.set(o.value, (g.get(o.value) ?? false) || !soldOut(v));
        prices.set(o.value, (prices.get(o.value) ?? new Set()).add(v.price));
      }
    }
    // one choice that sets the price ("私教有几个档次": 主教老师280元、资深老师380元): each with its price
    const priced =
      groups.size === 1 &&
      [...prices.values()].every((s) => s.size === 1) &&
      new Set([...prices.values()].map((s) => [...s][0])).size > 1;
    if (offSale(p)) return `${p.name}目前已售罄${restock(p)}`;
    const desc = [...groups]
      .map(([name, values]) => {
        const all = [...values];
        const out = all.filter(([, ok]) => !ok).map(([v]) => v);
        const label = ([v]: [string, boolean]) => (priced ? withPrice(v, [...prices.get(v)!][0]!) : v);
        return `${name}有${all.map(label).join('、')}${out.length ? `（${out.join('、')}已售罄）` : ''}`;
      })
      .join('；');
    return `${p.name}${named.size ? [...named.values()].join('') : ''}${desc}`;
  });
  return { text: lines.join('；'), cited: withVariants.map(productId) };
}

/** How customers ask about an attribute without its name: the names it may have, and the words of the question. */
/**
 * "多大的" of a thing is its size or weight; 多大 after a person's word, or before an age or 可以/能, asks an age
 * ("孩子多大可以学", "多大可以寄养"), and 头围/码/长 多大 a measure of its own.
 */
const SIZE_ASKED =
  '(?<![围码长宽高]|孩子|儿子|女儿|宝宝|宝贝|小朋友)多大(?!的?(孩子|小朋友|宝宝|码)|年纪|岁|可以|能|才)';
/** How long something takes, not how long it lasts afterwards (能撑多久) nor how far ahead (提前多久). */
const TAKES_LONG = '(?<!撑|维持|保持|能用|管|提前|早)多久';

const ATTRIBUTE_CUES: [string[], RegExp][] = [
  [
    ['材质', '面料', '材料', '成分'],
    /(材质|面料|材料|布料|什么做的|啥做的|纯棉|全棉|棉的|真丝|桑蚕丝|羊毛的|羊绒的|涤纶|化纤|聚酯|雪纺|真皮|成分|料子|透气|弹力|弹性|有弹|material)/,
  ],
  [['产地', '原产地', '产区', '来源'], /(产地|哪里产|哪产|哪儿产|哪里的|哪儿的|哪的|原产|产自|进口|国产)/],
  [
    ['保质期', '保存', '储存', '存放'],
    /(保质期|放多久|放几天|能放|放得住|放得了|能搁|搁多久|过期|保存|保鲜|冷藏|储存|存放|几天.{0,2}(坏|吃完))/,
  ],
  [['课时', '时长', '每节', '课程时长', '课程'], /(课时|几节|多少节|一节课|每节|多长时间|多久一节|分钟|上多久|多少课)/],
  [
    ['上课频次', '频次', '次数'],
    /(一周.{0,3}几次|每周几次|一周.{0,2}几节|每周几节|几次课|多久上一次|一周上几|一周.{0,2}几天)/,
  ],
  [['班级人数', '班型', '人数'], /(几个人|多少人|人数|班型|几人|多少个人|(几|多少)个?(小朋友|孩子|学生|学员|同学))/],
  [
    ['适合年龄', '年龄', '适用年龄', '适合'],
    /(几岁|\d+岁|岁半|多大的?孩子|年龄|多大可以|适合.{0,4}(孩子|小朋友|年级|岁)|年级)/,
  ],
  [
    ['过敏原', '过敏'],
    /(过敏|含不含|有没有.{0,3}(坚果|花生|乳|麸质|芒果|海鲜|鸡蛋|芝麻|小麦|酒精)|坚果|花生|乳糖|芝麻|麸质|酒精)/,
  ],
  [
    ['尺码', '尺码建议', '码数', '尺寸', '版型'],
    /(尺码|码数|穿什么码|选什么码|多大码|穿多大|偏大|偏小|身高|体重|\d斤|cm|厘米|公斤|版型|宽松|修身|显胖|显瘦|穿.{0,3}码)/,
  ],
  [
    ['洗涤', '洗护', '保养', '护理', '清洗'],
    /(怎么洗|机洗|洗衣机|手洗|保养|洗涤|清洗|护理|干洗|水洗|洗护|掉色|缩水|起球)/,
  ],
  [['适合发质', '发质'], /(发质|受损|细软|发量|头发少|自然卷|烫过|染过|漂过)/],
  [['包装', '礼盒'], /(包装|礼盒|送人|盒子|送礼|礼品)/],
  [['单位', '计费'], /(按天|按晚|按次|按小时|怎么算|怎么计)/],
  [['药水', '染膏', '用料', '产品'], /(药水|染膏|伤头发|伤发|刺激|用的什么|什么牌子|品牌)/],
  [['厚度', '适合温度', '保暖'], /(厚不厚|薄不薄|厚吗|薄吗|保暖|冷不冷|几度|冬天|夏天穿)/],
  [['裤长', '衣长', '长度', '尺寸'], /(裤长|衣长|多长|长度|尺寸|多宽|多高)/],
  [['蜂种'], /(什么蜂|蜂种|中蜂|意蜂)/],
  [['注意', '禁忌', '须知'], /(注意|禁忌|须知|要准备|带什么)/],
  [['特点', '口感', '区别'], /(特点|区别|有什么不同|口感|好在哪)/],
  [['教材', '课本'], /(教材|课本|用书|什么书)/],
  [['材料费', '费用说明', '另收'], /(材料费|另外收|另收|额外|加钱|还要钱|另外.{0,2}钱|要另付)/],
  [['咖啡因'], /(咖啡因|睡不着|失眠|提神)/],
  [['热量', '卡路里'], /(热量|卡路里|大卡|长胖|会胖)/],
  [['温度', '冷热'], /(热的|冷的|做热|常温|温的|冰的)/],
  [
    ['重量', '净含量', '规格', '份量', '分量'],
    new RegExp(`(多重|重量|净含量|多少克|几斤|几两|份量|分量|多少g|${SIZE_ASKED}|规格|一箱几|一盒几|几个一)`),
  ],
  [['茶底'], /(茶底|什么茶)/],
  [['容量', '规格'], /(容量|装多少|能装|多少毫升|多少ml|多大容量|几毫升)/],
  [
    ['年份', '采摘时间', '生产日期', '日期', '批次'],
    /(哪年|年份|几年的|今年的|新茶|陈茶|生产日期|什么时候(产|采|做|摘)的)/,
  ],
  [['香型', '风味', '味道', '口感', '香气'], /(什么味|啥味|味道|香型|香气|烟熏|什么香)/],
  [['奶源', '奶'], /(什么奶|奶源|牛奶|植脂末|奶精)/],
  [['辣度', '口味'], /(辣|麻|咸|口味)/],
  [['甜度', '口感', '口味'], /(甜不甜|甜吗|多甜|甜度|太甜|齁)/],
  [['功能', '防水', '特点'], /(防水|防风|防晒|防污|抗皱|免烫)/],
  [['老师', '师资', '授课'], /(老师|师资|谁教|外教)/],
  [['上课时间', '上课地点', '上课'], /(上课时间|什么时候上|几点上课|周几上|在哪上)/],
  // how long it lasts afterwards ("能撑多久") is not how long it takes
  [['保持', '持久', '维持', '效果'], /(撑多久|维持多久|保持多久|能保持|能维持|持久|能用多久|管多久|能撑)/],
  [['时长', '耗时', '服务时长', '每次时长'], new RegExp(`(${TAKES_LONG}|多长时间|几个小时|几小时|多少分钟)`)],
  // "里面有啥", "都有什么": what it holds, not which colours or flavours it comes in
  [
    ['包含', '包括', '内容'],
    /(包含|包括|含什么|有哪些项目|送什么|里面(都)?(有|是|装)|都有(啥|什么|哪些)(?!颜色|口味|尺码|码|款|味)|有啥东西|有什么东西)/,
  ],
];

/** A question for a measure, and what a value holding that measure looks like. */
const MEASURES: [RegExp, RegExp][] = [
  [new RegExp(`(多长时间|(?<!放)${TAKES_LONG}|几分钟|多少分钟|几个小时|几小时)`), /\d\s*(分钟|小时|min)/i],
  // how long it keeps or lasts ("能放几天", "能开多久", "能搁多久"): a span of days, weeks, months
  [
    /(几天|多少天|几周|几个月|多少个月|(放|撑|搁|开|用|保持|维持|管)多久|能放|能撑|能搁|放得住)/,
    /\d\s*(天|周|个月|年)/,
  ],
  [/(几岁|多大的?(孩子|小朋友|宝宝)|年龄)/, /\d\s*(岁|周岁)/],
  [/(几个人|多少人|人数|几人)/, /\d\s*人/],
  [new RegExp(`(多重|几斤|几两|多少克|多少g|净含量|重量|${SIZE_ASKED})`), /\d\s*(g|克|斤|kg|公斤|两)(?![a-z])/i],
  [/(多少毫升|多少ml|容量|装多少)/, /\d\s*(ml|毫升|升)/i],
];

/** Does the question ask about some attribute, whichever product it is about ("能放几天", "几岁能学")? */
export const hasAttributeCue = (text: string) => ATTRIBUTE_CUES.some(([, cue]) => cue.test(clean(text)));

/** What pieces are counted in ("8个", "12块"). */
const COUNTED = '(?:个|只|块|片|颗|串|根|粒|支)';
/** How many come in one unit ("一笼几个", "一盒有多少块"): the unit. */
export const PER_UNIT_COUNT = new RegExp(`一([\\u4e00-\\u9fff])(?:有|是)?(?:几|多少)${COUNTED}`);
const COUNT = new RegExp(`\\d\\s*${COUNTED}`);

/** Words too common to say which attribute a question is about. */
const COMMON =
  /^(可以|不能|不是|没有|一个|一下|什么|怎么|还是|就是|这个|那个|我们|你们|需要|的话|一般|时候|左右|小时|分钟|以上|以下|建议|适合)$/;

/**
 * The attributes of a product a question asks about: by the attribute's name ("保质期"), by how customers ask about
 * it ("能放几天"), or by a word of its value ("包不包剪指甲" → 包含: 洗澡+吹干+剪指甲…).
 */
export function askedAttributes(p: KnownProduct, text: string): { name: string; value: string }[] {
  const attrs = p.attributes ?? [];
  // the product's own names ask nothing: the 麻 of 麻辣牛肉, the 礼盒 of 龙井礼盒
  const t = [p.name, ...(p.aliases ?? [])]
    .map(clean)
    .filter((n) => n.length >= 2)
    .sort((a, b) => b.length - a.length)
    .reduce((out, n) => out.split(n).join(' '), clean(text));
  // how customers ask decides first: "牛肉是哪儿产的" asks for an origin, not for the 牛肉 attribute's value
  // an attribute the question names in full ("课时有效期多久") is the one asked, whatever way of asking is around it
  const fullName = attrs.filter((a) => a.name.length >= 3 && t.includes(clean(a.name)));
  if (fullName.length) return fullName;
  // "一笼几个": the count the owner keeps for that unit (每笼：8个)
  const unit = PER_UNIT_COUNT.exec(t)?.[1];
  const perUnit = unit ? attrs.filter((a) => a.name.includes(unit) && COUNT.test(a.value)) : [];
  if (perUnit.length) return perUnit;
  const cued = ATTRIBUTE_CUES.filter(([, cue]) => cue.test(t));
  if (cued.length) {
    const names = cued.flatMap(([n]) => n);
    const byCue = attrs.filter((a) => names.some((n) => a.name.includes(n) || n.includes(a.name)));
    // "套餐包含啥" of a product whose contents the owner wrote as its description
    if (!byCue.length && p.description && cued.some(([n]) => n.includes('包含')))
      return [{ name: '内容', value: p.description }];
    // "一节课多长时间" of a class whose length is kept under 上课频次: the attribute whose value is a measure of what
    // is asked (a length of time, an age, a head count, a weight, a volume), whatever the owner named it
    for (const [asked, measure] of MEASURES) {
      if (!asked.test(t) || byCue.some((a) => measure.test(a.value))) continue;
      const measured = attrs.filter((a) => measure.test(a.value));
      if (measured.length && measured.length <= 2) return measured;
    }
    // the attribute the cue names is not kept: a person answers ("芒果是哪产的" is not answered by 含芒果)
    return byCue;
  } else {
    const byName = attrs.filter((a) => a.name.length >= 2 && t.includes(clean(a.name)));
    if (byName.length) return byName;
    // "油柑有中杯吗" of a product sold in one size, kept as an attribute (杯型：只有大杯): the attribute of that kind
    const kind = p.variants?.length ? undefined : /(?:[大中小]|超大)(杯)|[0-9smlx](码)|[\u4e00-\u9fff](色)/.exec(t);
    const unit = kind?.slice(1).find(Boolean);
    // a colour is kept under 颜色 (色系, 色号), never 特色
    const sized = unit
      ? attrs.filter((a) => (unit === '色' ? /颜色|色系|色号/.test(a.name) : a.name.includes(unit)))
      : [];
    if (sized.length === 1) return sized;
    // "用的啥胶", "啥肉", "用啥油": the one thing asked about, in an attribute's name or value (用胶, 牛肉: 黄牛腱子肉)
    const thing = /(?:啥|什么|哪种|几)([\u4e00-\u9fff])/.exec(t)?.[1];
    if (thing && !/[的是呀啊呢吗么样个些时候价钱颜色码点块元]/.test(thing)) {
      const named = attrs.filter((a) => a.name.includes(thing));
      const about = named.length ? named : attrs.filter((a) => clean(a.value).includes(thing));
      if (about.length && about.length <= 2) return about;
    }
  }
  const picked: { name: string; value: string }[] = [];
  const ownWords = [
    p.name,
    ...(p.aliases ?? []),
    ...(p.variants ?? []).flatMap((v) => v.options.map((o) => o.value)),
  ].map(clean);
  for (const a of attrs) {
    const value = clean(a.value);
    for (let i = 0; i + 2 <= t.length; i++) {
      const w = t.slice(i, i + 2);
      if (!/^[\u4e00-\u9fff]+$/.test(w) || COMMON.test(w) || ownWords.some((o) => o.includes(w))) continue;
      if (commonValueWords.get(p)?.has(w)) continue;
      if (value.includes(w) && !picked.includes(a)) picked.push(a);
    }
  }
  return picked;
}

export function attributesOf(products: KnownProduct[], text: string): Said | undefined {
  const lines: string[] = [];
  const cited: string[] = [];
  for (const p of products) {
    let attrs = askedAttributes(p, text);
    // a height and weight given: the size whose own attribute fits them ("S码适合：身高155-165cm，体重90-110斤"),
    // with the fit advice, instead of every size's line
    const fits = attrs.length ? (p.attributes ?? []).filter((a) => fittingLines(text, a.value).length) : [];
    if (fits.length) attrs = [...fits, ...attrs.filter((a) => !fits.includes(a) && /(版型|建议)/.test(a.name))];
    if (!attrs.length) continue;
    lines.push(`${p.name}${attrs.map((a) => `${a.name}：${a.value}`).join('，')}`);
    cited.push(productId(p));
  }
  // the one product asked about does not say: a person answers
  return lines.length ? { text: lines.join('；'), cited } : undefined;
}

/** A size chart's line fits a customer when every measure both give agrees ("身高160-165、体重50-57kg穿M"). */
function fittingLines(text: string, chart: string): string[] {
  const w = /(\d+(?:\.\d+)?)\s*(斤|kg|公斤|千克)/i.exec(text);
  const kg = w ? Number(w[1]) / (w[2] === '斤' ? 2 : 1) : undefined;
  const h =
    /(?:^|[^\d.])(1[3-9]\d)(?![\d.]|\s*(斤|kg|公斤|千克|元|块))/i.exec(text) ?? /1(?:米|\.)(\d{1,2})/.exec(text);
  const cm = h ? (h[1]!.length === 3 ? Number(h[1]) : 100 + Number(h[1]!.padEnd(2, '0'))) : undefined;
  if (kg === undefined && cm === undefined) return [];
  const within = (n: number, m: RegExpExecArray | null, per = 1) =>
    m ? n >= Number(m[1]) / per && n <= Number(m[2] ?? m[1]) / per : undefined;
  return chart
    .split(/[；;。\n]/)
    .map((line) => line.trim())
    .filter((line) => {
      const checks = [
        cm === undefined ? undefined : within(cm, /身高(\d+)\s*[-~到至]\s*(\d+)/.exec(line)),
        kg === undefined ? undefined : within(kg, /体重(\d+)\s*[-~到至]\s*(\d+)\s*(?:kg|公斤)/i.exec(line)),
        kg === undefined ? undefined : within(kg, /体重(\d+)\s*[-~到至]\s*(\d+)\s*斤/.exec(line), 2),
      ].filter((c) => c !== undefined);
      return checks.length > 0 && checks.every(Boolean);
    });
}

/**
 * An FAQ the owner wrote for questions asked this way ("我穿什么码" for "160斤穿多大"): its questions set off the same
 * attribute cue as the customer's. A size chart gives the line that fits the height and weight the customer gave.
 */
export function faqByCue(
  kb: KnowledgeBase,
  text: string,
  products: KnownProduct[] = [],
): (Said & { fitted: boolean }) | undefined {
  const t = clean(text);
  const cues = ATTRIBUTE_CUES.filter(([, cue]) => cue.test(t)).map(([, cue]) => cue);
  if (!cues.length) return undefined;
  const namesOf = (list: KnownProduct[]) =>
    list
      .flatMap((p) => [p.name, ...(p.aliases ?? [])])
      .map(clean)
      .filter((n) => n.length >= 2);
  const names = [...namesOf(products), ...products.map((p) => clean(p.category))];
  // an FAQ about another product ("牛仔裤掉色") does not answer for this one ("围巾能机洗吗")
  const rest = (kb.products as KnownProduct[]).filter((p) => !products.includes(p));
  const ours = new Set(products.map((p) => clean(p.category)));
  const others = [...namesOf(rest), ...rest.map((p) => clean(p.category)).filter((c) => c.length >= 2 && !ours.has(c))];
  const want = bigrams(t);
  const ranked = kb.passages
    .filter((p): p is Extract<Passage, { kind: 'faq' }> => p.kind === 'faq')
    .map((p) => {
      const asked = clean(p.text.slice(0, p.text.length - p.answer.length));
      const fits = fittingLines(text, p.answer);
      const overlap = [...bigrams(asked)].filter((b) => want.has(b)).length;
      const aboutIt = names.some((n) => n.length >= 2 && asked.includes(n));
      const aboutOther = !aboutIt && others.some((n) => asked.includes(n));
      const cued = cues.some((c) => c.test(asked)) && !aboutOther;
      return { p, fits, cued, score: fits.length * 3 + overlap + (aboutIt ? 2 : 0) };
    })
    .filter((r) => r.cued)
    .sort((a, b) => b.score - a.score);
  const best = ranked[0];
  if (!best) return undefined;
  const notes = best.p.answer
    .split(/[；;。\n]/)
    .map((line) => line.trim())
    .filter((line) => line && !/\d/.test(line));
  const said = best.fits.length ? [...best.fits, ...notes].join('；') : best.p.answer.replace(/[。；;]$/, '');
  return { text: said, cited: [best.p.id], fitted: best.fits.length > 0 };
}

/** An age range as owners write it: "4-12岁", "3.5-10岁", "12岁以下", "6岁以上", "3岁半起". */
function ageRange(value: string): [number, number] | undefined {
  const v = value.replace(/(\d+)岁半/g, '$1.5岁');
  const span = /(\d+(?:\.\d+)?)\s*[-~到至]\s*(\d+(?:\.\d+)?)\s*岁/.exec(v);
  if (span) return [Number(span[1]), Number(span[2])];
  const below = /(\d+(?:\.\d+)?)\s*岁(以下|以内)/.exec(v);
  if (below) return [0, Number(below[1])];
  const above = /(\d+(?:\.\d+)?)\s*岁(以上|起)/.exec(v);
  return above ? [Number(above[1]), 99] : undefined;
}

/**
 * "孩子5岁能学什么": the products whose age attribute takes a child of the age given, when the question names no
 * product (each with its range, so the reply rests on the data).
 */
export function productsForAge(kb: KnowledgeBase, text: string): Said | undefined {
  const m = /(\d+(?:\.\d+)?)\s*(岁半|周岁|岁)/.exec(
    text.replace(/[一两二三四五六七八九十]+(?=岁|周岁)/g, chineseNumber),
  );
  if (!m) return undefined;
  const age = Number(m[1]) + (m[2] === '岁半' ? 0.5 : 0);
  const fit = (kb.products as KnownProduct[]).flatMap((p) => {
    const a = (p.attributes ?? []).find((x) => /年龄/.test(x.name) && ageRange(x.value));
    const range = a && ageRange(a.value);
    return a && range && age >= range[0] && age <= range[1] && !offSale(p) ? [{ p, a }] : [];
  });
  if (!fit.length) return undefined;
  return {
    text: `${age}岁可以上：${fit.map(({ p, a }) => `${p.name}（${a.name}${a.value}）`).join('、')}`,
    cited: fit.map(({ p }) => productId(p)),
  };
}

/**
 * Words before a value that take it back: "不能做不辣", and "无法保证不含花生" — for an allergy, a shop that cannot
 * guarantee it is the opposite of an answer.
 */
const NOT_SO = /(不能做|不能|没有|做不到|不可以|无法保证|不能保证|不保证|难以保证|无法确保|不确保)$/;

/** What a customer wants a product without or with little of: "不辣", "不含花生", "无酒", "少糖". */
const WITHOUT =
  /(不辣|不含[\u4e00-\u9fff]{1,3}?(?=的|吗|呢|[,，?？]|$)|无[\u4e00-\u9fff]{1,2}?(?=的|吗|呢|[,，?？]|$)|少糖|无糖|不甜|纯素)/;

/**
 * "有不辣的锅底吗", "哪些不含花生": the products whose attribute says it (辣度：不辣), among those of the kind the
 * question names (锅底) when it names one; a value that says it cannot be had ("不能做不辣") does not count.
 */
export function productsWithout(kb: KnowledgeBase, text: string): Said | undefined {
  const t = clean(text);
  const want = WITHOUT.exec(t)?.[1];
  if (!want) return undefined;
  const all = kb.products as KnownProduct[];
  const kinds = cutWords(t.replace(want, ' ')).filter(
    (w) => w.length >= 2 && all.some((p) => clean(p.category).includes(w) || clean(p.name).includes(w)),
  );
  const pool = kinds.length
    ? all.filter((p) => kinds.some((w) => clean(p.category).includes(w) || clean(p.name).includes(w)))
    : all;
  const found = pool.flatMap((p) => {
    const a = (p.attributes ?? []).find((x) => {
      const v = clean(x.value);
      const at = v.indexOf(want);
      return at >= 0 && !NOT_SO.test(v.slice(Math.max(0, at - 4), at));
    });
    return a && !offSale(p) ? [{ p, a }] : [];
  });
  if (!found.length || found.length > 5) return undefined;
  return {
    text: found.map(({ p, a }) => `${p.name}（${a.name}：${a.value}）`).join('、'),
    cited: found.map(({ p }) => productId(p)),
  };
}

/** A question about an attribute that names no product: the products that have it, when few do. */
export function attributeAcrossProducts(kb: KnowledgeBase, text: string): Said | undefined {
  const having = kb.products.filter((p) => askedAttributes(p, text).length);
  if (!having.length || having.length > 3) return undefined;
  return attributesOf(having, text);
}

export const WEEKDAY_NAMES = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const WEEKDAY_DIGITS: Record<string, number> = {
  日: 0,
  天: 0,
  七: 0,
  '7': 0,
  一: 1,
  '1': 1,
  二: 2,
  '2': 2,
  三: 3,
  '3': 3,
  四: 4,
  '4': 4,
  五: 5,
  '5': 5,
  六: 6,
  '6': 6,
};

/** Weekdays a question names ("周一", "星期天", "礼拜六", "周末"). */
export function namedWeekdays(text: string): number[] {
  const days = new Set<number>();
  for (const m of text.matchAll(/(周|星期|礼拜|禮拜)([一二三四五六日天七1-7])/g)) days.add(WEEKDAY_DIGITS[m[2]!]!);
  if (/周末|双休/.test(text)) [6, 0].forEach((d) => days.add(d));
  if (/工作日/.test(text)) [1, 2, 3, 4, 5].forEach((d) => days.add(d));
  return [...days];
}

type Spans = KnowledgeBase['merchant']['businessHours'];
type Shop = KnowledgeBase['shops'][number];

/** A shop's opening hours: its own when the owner set them apart, else the merchant's. */
export const hoursOfShop = (kb: KnowledgeBase, shop?: Shop): Spans =>
  shop?.businessHours?.length ? shop.businessHours : kb.merchant.businessHours;

export function closedWeekdays(kb: KnowledgeBase, spans: Spans = kb.merchant.businessHours): number[] {
  const open = new Set(spans.map((s) => s.weekday));
  return [0, 1, 2, 3, 4, 5, 6].filter((d) => !open.has(d));
}

const span = (s: { open: string; close: string }) => (s.open === s.close ? '24小时营业' : `${s.open}-${s.close}`);
const shopIds = (kb: KnowledgeBase) => kb.shops.map((s) => `shop:${s._id}`);
/** "万象城店" for 茶巷里(万象城店): the part a customer tells the shops apart by. */
export const shopLabel = (name: string) => /[（(](.+?)[）)]/.exec(name)?.[1] ?? name;
const spansKey = (spans: Spans) =>
  spans
    .map(span)
    .map((t, i) => `${spans[i]!.weekday}${t}`)
    .sort()
    .join();

/** One set of opening hours said for the named weekdays, or for the whole week with the days it is closed. */
function hoursText(kb: KnowledgeBase, spans: Spans, days: number[], closedOnly: boolean): string {
  const closed = closedWeekdays(kb, spans);
  if (days.length)
    return days
      .map((d) => {
        if (closed.includes(d)) return `${WEEKDAY_NAMES[d]}店休，不营业`;
        const open = spans.filter((s) => s.weekday === d).map(span);
        return `${WEEKDAY_NAMES[d]}正常营业，${open.join('、')}`;
      })
      .join('；');
  const week = describeHours({ ...kb.merchant, businessHours: spans });
  const closedText = closed.length ? `每${closed.map((d) => WEEKDAY_NAMES[d]).join('、')}店休` : '每天都营业';
  return closedOnly ? `${closedText}，营业时间：${week}` : `营业时间是${week}${closed.length ? `；${closedText}` : ''}`;
}

/** Holidays and the days around them, as customers name them ("初三", "年后", "寒假"). */
export const HOLIDAY =
  /(元旦|春节|过年|年前|年后|大年|年初|初[一二三四五六七八九十]|正月|除夕|国庆|中秋|端午|五一|清明|节假日|假期|寒假|暑假|停课|放假|圣诞)/;

/** Festivals and days customers name a day by. */
const FESTIVAL =
  /(元旦|除夕|春节|元宵|情人节|妇女节|女神节|清明|五一|劳动节|母亲节|端午|六一|儿童节|父亲节|七夕|中秋|国庆|重阳|万圣节|平安夜|圣诞|跨年|冬至|腊八|小年|双十一|双11|双十二|初[一二三四五六七八九十])/g;

/** Does the message name this holiday: a festival its note names, or its date ("2月14号", "2.14")? */
function namesHoliday(text: string, h: { date: string; name?: string }): boolean {
  const festivals: string[] = [...(text.match(FESTIVAL) ?? [])];
  // "过年放几天", "初几开门": the Spring Festival, however the owner's note names it (春节, 除夕)
  // …when the shop's days are asked ("过年买的能放多久" is about the bun, not the holiday)
  if (
    /(过年|年假|大年|初几)/.test(text) &&
    /((?<!能)放(几|多久|假)|开门|营业|休息|上课|关门|初几|几号开|开始)/.test(text)
  )
    festivals.push('春节', '除夕');
  if (festivals.some((f) => (h.name ?? '').includes(f))) return true;
  const [, month, day] = h.date.split('-').map(Number);
  return new RegExp(`(^|[^\\d])${month}\\s*(月|\\.|/)\\s*${day}(?!\\d)`).test(text);
}

const dayOf = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;
const monthDay = (date: string, withYear: boolean) => {
  const [year, month, day] = date.split('-').map(Number);
  return `${withYear ? `${year}年` : ''}${month}月${day}日`;
};

/**
 * The holidays' notes, consecutive days with the same note said once ("2月5日至2月9日休息（春节店休…）"), not a line
 * a day; with the year when they span more than one.
 */
function holidayText(notes: { date: string; closed: boolean; name?: string }[]): string {
  const runs: { from: string; to: string; closed: boolean; name?: string }[] = [];
  for (const h of [...notes].sort((a, b) => a.date.localeCompare(b.date))) {
    const last = runs.at(-1);
    if (last && last.closed === h.closed && last.name === h.name && dayOf(h.date) - dayOf(last.to) === 1)
      last.to = h.date;
    else runs.push({ from: h.date, to: h.date, closed: h.closed, name: h.name });
  }
  // notes of more than one year keep the year: 1月1日 of two years would contradict each other
  const withYear = new Set(runs.map((r) => r.from.slice(0, 4))).size > 1;
  return runs
    .map((r) => {
      const days =
        r.from === r.to ? monthDay(r.from, withYear) : `${monthDay(r.from, withYear)}至${monthDay(r.to, withYear)}`;
      return `${days}${r.closed ? '休息' : '营业'}${r.name ? `（${r.name}）` : ''}`;
    })
    .join('；');
}

/**
 * Hours and closed days: the named weekdays, or the whole week with the days it is closed — of the shop the message
 * names, or of each shop when they keep different hours and none is named.
 */
export function hoursOf(kb: KnowledgeBase, text: string, closedOnly: boolean): Said | 'unknown' | undefined {
  const namedId = kb.shops.length > 1 ? linkShop(shopIndex(kb), text) : undefined;
  const named = kb.shops.find((s) => String(s._id) === namedId);
  // the day asked about by its festival's name or its date ("情人节", "2月14号"): that day's note; any holiday word:
  // every note
  const noted = kb.merchant.holidays.filter((h) => h.name || h.closed);
  const asked = noted.filter((h) => namesHoliday(text, h));
  if (asked.length || HOLIDAY.test(text)) {
    const notes = asked.length ? asked : noted;
    if (!notes.length) return undefined;
    return { text: holidayText(notes), cited: shopIds(kb) };
  }
  // shops grouped by the hours they keep: one group when all keep the merchant's
  const groups = new Map<string, { spans: Spans; shops: Shop[] }>();
  for (const shop of named ? [named] : kb.shops.length ? kb.shops : [undefined]) {
    const spans = hoursOfShop(kb, shop);
    if (!spans.length) continue;
    const key = spansKey(spans);
    const group = groups.get(key) ?? { spans, shops: [] };
    if (shop) group.shops.push(shop);
    groups.set(key, group);
  }
  if (!groups.size) return undefined;
  const days = namedWeekdays(text);
  const cited = (shops: Shop[]) => (shops.length ? shops.map((s) => `shop:${s._id}`) : shopIds(kb));
  if (groups.size === 1) {
    const { spans, shops } = [...groups.values()][0]!;
    const body = hoursText(kb, spans, days, closedOnly);
    const who = named && kb.shops.length > 1 ? shopLabel(named.name) : days.length || closedOnly ? '' : '我们的';
    return { text: `${who}${body}`, cited: cited(shops) };
  }
  return {
    text: [...groups.values()]
      .map((g) => `${g.shops.map((s) => shopLabel(s.name)).join('、')}：${hoursText(kb, g.spans, days, closedOnly)}`)
      .join('\n'),
    cited: [...groups.values()].flatMap((g) => cited(g.shops)),
  };
}

export function serviceHoursOf(kb: KnowledgeBase): Said | undefined {
  const spans = kb.merchant.serviceHours;
  if (!spans?.length) return undefined;
  return { text: `客服在线时间：${describeHours({ ...kb.merchant, businessHours: spans })}`, cited: shopIds(kb) };
}

export function locationOf(kb: KnowledgeBase, text: string): Said | undefined {
  const named = linkShop(shopIndex(kb), text);
  const shops = kb.shops.filter((s) => s.address && (!named || String(s._id) === named));
  if (!shops.length) return undefined;
  const many = kb.shops.length > 1 && !named;
  // "坐地铁怎么走": the way there, where the owner wrote it beside the parking
  const transit = (s: Shop) =>
    TRANSIT.test(text)
      ? (s.parking ?? '')
          .split(/[；;。]/)
          .filter((part) => /(地铁|公交|号线|站|出口)/.test(part))
          .map((part) => `，${part.trim()}`)
          .join('')
      : '';
  return {
    text: `${many ? `我们有${kb.shops.length}家店：` : ''}${shops.map((s) => `${s.name}：${s.address}${transit(s)}`).join('；')}`,
    cited: shops.map((s) => `shop:${s._id}`),
  };
}

/** Asking the way rather than the address. */
const TRANSIT = /(地铁|公交|坐车|打车|怎么走|怎么去|怎么过去|怎么到|路线|几号线)/;

export function phoneOf(kb: KnowledgeBase, text: string): Said | undefined {
  const named = linkShop(shopIndex(kb), text);
  const shops = kb.shops.filter((s) => s.phone && (!named || String(s._id) === named));
  if (!shops.length) return undefined;
  return { text: shops.map((s) => `${s.name}电话：${s.phone}`).join('；'), cited: shops.map((s) => `shop:${s._id}`) };
}

export function parkingOf(kb: KnowledgeBase, text: string): Said | undefined {
  const named = linkShop(shopIndex(kb), text);
  const shops = kb.shops.filter((s) => s.parking && (!named || String(s._id) === named));
  if (!shops.length) return undefined;
  return {
    text: shops.map((s) => (kb.shops.length > 1 ? `${s.name}停车：${s.parking}` : `停车：${s.parking}`)).join('；'),
    cited: shops.map((s) => `shop:${s._id}`),
  };
}

/** The owner's facts of these topics, in the order given. */
export function factsOf(kb: KnowledgeBase, topics: string[]): Said | undefined {
  const found = kb.passages.filter(
    (p): p is Extract<Passage, { kind: 'fact' }> => p.kind === 'fact' && topics.includes(p.fact.topic),
  );
  found.sort((a, b) => topics.indexOf(a.fact.topic) - topics.indexOf(b.fact.topic));
  if (!found.length) return undefined;
  return { text: found.map((p) => p.fact.text).join('；'), cited: found.map((p) => p.id) };
}

export function policyOf(kb: KnowledgeBase, kind: string): Said | undefined {
  const found = kb.passages.filter(
    (p): p is Extract<Passage, { kind: 'policy' }> => p.kind === 'policy' && p.policyKind === kind,
  );
  if (!found.length) return undefined;
  return { text: found.map((p) => p.content.replace(/[。；;]$/, '')).join('；'), cited: found.map((p) => p.id) };
}

const bigrams = (s: string) => {
  const t = clean(s);
  return new Set(Array.from({ length: Math.max(0, t.length - 1) }, (_, i) => t.slice(i, i + 2)));
};

/**
 * How customers phrase a question, removed before matching it to the FAQ ("…多少" must not match "wifi密码是多少");
 * 不可以 and 不能 stay whole ("不能加辣" asks something else than "可以不加辣").
 */
const PHRASING =
  /(请问|多少钱|多少|价格|几块|怎么|如何|有没有|还有吗|还有|可不可以|(?<!不)可以吗|(?<!不)可以|能不能|能否|(?<!不)能|吗|呢|吧|呀|啊|嘛|么|你们|你家|我们|我|你|的|了|一下|是|有|要|想|问|下|店里|这边|[？?，,。.！!~～\s])/g;

const NUMERALS: Record<string, string> = {
  一: '1',
  两: '2',
  二: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
  十: '10',
};
/** What is asked about, without the words of asking, Chinese numerals as digits ("买三瓶" ~ "3瓶"). */
/** Ways of saying the same thing in questions, written one way for matching ("几天" ~ "多久", "小朋友" ~ "孩子"). */
const SAME: [RegExp, string][] = [
  [/(几天|多长时间|多少天|几个小时|多少时间|多长)/g, '多久'],
  [/(小朋友|小孩子|小孩|宝宝|娃娃|孩子们)/g, '孩子'],
  [/(啥|什么|哪些|哪种|哪个)/g, ''],
  [/(都|还|又|也|就|很|太|好)/g, ''],
];

const plainSubstance = (text: string) =>
  SAME.reduce((t, [pattern, to]) => t.replace(pattern, to), text)
    .replace(PHRASING, '')
    .replace(/[一两二三四五六七八九十](?=[个瓶件杯份斤盒箱张次节位人天])/g, (d) => NUMERALS[d]!);
/** The substance in the shop's words (training/shop-synonyms.tsv): "带狗进店" ~ "宠物进店". */
const substance = (text: string) => plainSubstance(toShopWords(text));

/**
 * The FAQ, policy or fact that clearly answers the question: most of the question's substance in it, or most of one
 * of the FAQ's own questions in the customer's ("8个月宝宝能吃蜂蜜吗" holds "宝宝能吃蜂蜜吗").
 */
export function faqOf(kb: KnowledgeBase, text: string, minCoverage = 0.5): Said | undefined {
  const content = substance(text);
  if (content.length < 2) return undefined;
  const want = bigrams(content);
  if (!want.size) return undefined;
  let best: { p: Passage; score: number } | undefined;
  // searched in the shop's words and in the customer's own: the data may use either
  const found = [...kb.search(content, 6), ...kb.search(plainSubstance(text), 6)].map((s) => s.item);
  for (const p of new Set(found)) {
    if (p.kind !== 'faq' && p.kind !== 'policy' && p.kind !== 'fact') continue;
    const haveAll = bigrams(substance(p.kind === 'faq' ? p.text : p.text));
    const coverage = [...want].filter((b) => haveAll.has(b)).length / want.size;
    // the other way round: an FAQ question whose substance the customer's message holds
    const reverse =
      p.kind === 'faq'
        ? Math.max(
            0,
            ...p.text
              .slice(0, p.text.length - p.answer.length)
              .split(' ')
              .map((q) => bigrams(substance(q)))
              .filter((q) => q.size >= 2)
              .map((q) => [...q].filter((b) => want.has(b)).length / q.size),
          )
        : 0;
    const score = Math.max(coverage, reverse >= 0.75 ? reverse : 0);
    if (score >= minCoverage && (!best || score > best.score)) best = { p, score };
  }
  if (!best) return undefined;
  const p = best.p;
  const reply =
    p.kind === 'faq' ? p.answer : p.kind === 'policy' ? p.content : p.kind === 'fact' ? p.fact.text : p.text;
  return { text: reply, cited: [p.id] };
}

/**
 * "可以加蛋吗": the add-ons of a product whose labels hold the word asked for ("煎蛋2元、卤蛋2元"), from the first
 * product that has one.
 */
export function addonOf(products: KnownProduct[], text: string): Said | undefined {
  const word = /加(?:个|点|一?份)?([\u4e00-\u9fff]{1,3}?)(?:吗|不|么|嘛|呢|没|可以|行|$)/.exec(clean(text))?.[1];
  if (!word) return undefined;
  for (const p of products) {
    const options = p.specs.flatMap((g) => g.options).filter((o) => o.label.replace(/^加/, '').includes(word));
    if (!options.length) continue;
    const said = options.map((o) =>
      o.priceDelta ? withPrice(o.label.replace(/^加/, ''), o.priceDelta) : o.label.replace(/^加/, ''),
    );
    return { text: `${p.name}可以加${said.join('、')}`, cited: [productId(p)] };
  }
  return undefined;
}

/**
 * The charge of each add-on asked of no product ("燕麦奶加多少钱", "燕麦奶和椰果加多少"): one price when every product
 * on sale that offers it charges the same, else each product's (a few; more is a person's); none when no add-on of two
 * characters or more is named.
 */
export function addonAcrossProducts(kb: KnowledgeBase, text: string): Said | undefined {
  const t = clean(text);
  const offers = kb.products
    .filter((p) => !offSale(p))
    .flatMap((p) =>
      p.specs
        .flatMap((g) => g.options)
        .map((o) => ({ p, label: o.label.replace(/^加/, ''), fen: o.priceDelta }))
        .filter((o) => o.fen > 0 && o.label.length >= 2 && t.includes(clean(o.label))),
    );
  // each label named, but not one inside a longer one named ("奶" of "燕麦奶")
  const labels = [...new Set(offers.map((o) => o.label))];
  const named = labels.filter((l) => !labels.some((other) => other !== l && other.includes(l)));
  const lines = named.map((label) => {
    const same = offers.filter((o) => o.label === label);
    const prices = [...new Set(same.map((o) => o.fen))];
    const names = [...new Set(same.map((o) => o.p.name))];
    if (prices.length === 1)
      return `${label}加${yuanText(prices[0]!)}元（${names.slice(0, 4).join('、')}${names.length > 4 ? '等' : ''}）`;
    return same.length > 4 ? undefined : same.map((o) => `${o.p.name}加${label}${yuanText(o.fen)}元`).join('，');
  });
  if (!lines.length || lines.some((l) => l === undefined)) return undefined;
  return { text: lines.join('；'), cited: [...new Set(offers.map((o) => productId(o.p)))] };
}

/** What the shop suggests: products it tagged (招牌, 爆款, 新品, 推荐) that are not sold out. */
export function recommendationOf(kb: KnowledgeBase): Said | undefined {
  const picks = kb.products
    .filter((p) => !soldOut(p) && p.tags.some((t) => /招牌|爆款|新品|推荐|人气|热销/.test(t)))
    .slice(0, 3);
  if (!picks.length) return undefined;
  return {
    text: `推荐您试试：${picks.map((p) => `${p.name}（${p.tags.join('、')}）`).join('、')}`,
    cited: picks.map(productId),
  };
}

/** Which policy kinds and fact topics answer an ask, tried in order before the FAQ. */
export const SOURCES: Partial<Record<Ask, { facts?: string[]; policy?: string[] }>> = {
  payment: { facts: ['payment'] },
  delivery: { facts: ['delivery_platforms'], policy: ['delivery'] },
  shipping: { facts: ['couriers', 'ship_from', 'shipping_time', 'delivery_platforms'], policy: ['delivery'] },
  booking: { facts: ['booking'], policy: ['booking'] },
  wifi: { facts: ['wifi'] },
  invoice: { facts: ['invoice'] },
  refund: { policy: ['refund'] },
  membership: { policy: ['membership'] },
  promotion: { policy: ['promotion'] },
};

/** A discount the shop gives: a rate, an amount off, something extra, a cheaper way to buy. */
const OFFER = /(\d(\.\d)?折|满\d|减\d|送\d|送一|立减|优惠|团购|储值|会员|第二)/;

/**
 * Asking for a lower price: what the shop's own rules say about prices and discounts (不议价, 多买优惠, 储值折扣), the
 * one closest to the question first. Nothing of the kind in the data: a person decides.
 */
export function discountRuleOf(kb: KnowledgeBase, text: string): (Said & { fixed: boolean }) | undefined {
  const RULE = /(议价|讲价|砍价|明码标价|统一价|不打折|优惠|折|减|便宜|套餐|满\d|第二)/;
  const sentences = kb.passages
    .filter((p) => p.kind === 'faq' || p.kind === 'policy' || p.kind === 'fact')
    .flatMap((p) =>
      (p.kind === 'faq' ? p.answer : p.kind === 'policy' ? p.content : p.text)
        .split(/(?<=[。；;！!])/)
        .filter((s) => RULE.test(s))
        .map((s) => ({ id: p.id, text: s.trim(), fixed: NO_BARGAINING.test(s) })),
    );
  // a bulk order is priced by a person: the shop's word on who quotes it, and its rules, then a person
  if (BULK.test(text)) {
    const refer = kb.passages
      .filter((p) => p.kind === 'faq' || p.kind === 'policy' || p.kind === 'fact')
      .flatMap((p) =>
        (p.kind === 'faq' ? p.answer : p.kind === 'policy' ? p.content : p.text)
          .split(/(?<=[。；;！!])/)
          .filter((s) => REFER.test(s))
          .map((s) => ({ id: p.id, text: s.trim().replace(/[。；;！!]$/, '') })),
      )[0];
    if (refer) return { text: refer.text, cited: [refer.id], fixed: false };
  }
  if (!sentences.length) return undefined;
  const want = bigrams(substance(text));
  const score = (s: { text: string; fixed: boolean }) => {
    const have = bigrams(s.text);
    return [...want].filter((b) => have.has(b)).length + (s.fixed ? 0.5 : 0);
  };
  const ranked = sentences.map((s) => ({ ...s, score: score(s) })).sort((a, b) => b.score - a.score);
  // the shop's word on bargaining when it has one, and the closest of the discounts it does give ("满3件9.5折",
  // "想优惠可以办储值卡"): what a shopkeeper answers to "便宜点"
  const fixed = ranked.find((s) => s.fixed);
  const offer = ranked.find((s) => !s.fixed && OFFER.test(s.text));
  const picked = [
    ...new Set([...(fixed ? [fixed] : []), ...(offer ? [offer] : []), ...(fixed || offer ? [] : [ranked[0]!])]),
  ];
  return {
    text: picked.map((s) => s.text.replace(/[。；;！!]$/, '')).join('；'),
    cited: [...new Set(picked.map((s) => s.id))],
    fixed: !!fixed && !BULK.test(text),
  };
}

/** A rule against bargaining ("全场不打折" too), not a discount some products lack ("零售产品不打折"). */
const NO_BARGAINING =
  /(议价|讲价|砍价|还价|明码标价|统一价|(全场|全店|全部|所有|一律|概)[^，。；;]{0,6}不打折|^不打折)/;
/** An order larger than a customer's own: a company's, an event's, dozens of items. */
export const BULK = /(公司|单位|团队|球队|部门|学校|班级|年会|团建|批量|大量|批发|团购价)/;
/** A sentence sending the customer to a person for it. */
const REFER = /(单独报价|另外报价|价格面议|面议|另议|单独谈价|找(客服|店主|老板|我们)(报价|谈|商量))/;

/** Places parcels may not go: a question naming one is answered by the sentence that names it, or by a person. */
const REGIONS =
  /(香港|澳门|台湾|港澳台|新疆|西藏|青海|内蒙古?|宁夏|甘肃|海南|海外|国外|偏远|北京|上海|天津|重庆|河北|山西|辽宁|吉林|黑龙江|江苏|浙江|安徽|福建|江西|山东|河南|湖北|湖南|广东|广西|四川|贵州|云南|陕西|江浙沪)/g;

const WHEN_ASKED = /(今天|明天|当天|几点|多久|几天|什么时候|能到|送到|到得了)/;

/** The names of a list in a sentence, by their first two characters ("鼓楼、玄武、建邺四个区" → 鼓楼, 玄武, 建邺). */
const listedNames = (sentence: string): string[] =>
  sentence
    .split(/[，,：:；;（）()]/)
    .filter((clause) => clause.includes('、'))
    .flatMap((clause) => clause.split('、'))
    .map((item) => item.trim().slice(0, 2))
    .filter((name) => /^[\u4e00-\u9fff]{2}$/.test(name));

/** The owner's word that nothing is shipped at all. */
const NO_SHIPPING = /(不发快递|不寄快递|不发外地|不邮寄|不能邮寄|不做快递|不支持快递|不发物流|只在店里卖)/;

/**
 * Shipping and delivery: the owner's facts (couriers, where from, how long, where to), a place the customer names
 * (only the sentence about it; a place the data never mentions goes to a person), and holiday stops.
 */
export function shippingOf(kb: KnowledgeBase, text: string, topics: string[]): Said | 'unknown' | undefined {
  const facts = kb.passages.filter(
    (p): p is Extract<Passage, { kind: 'fact' | 'policy' }> =>
      (p.kind === 'fact' && topics.includes(p.fact.topic)) || (p.kind === 'policy' && p.policyKind === 'delivery'),
  );
  const sentences = facts.flatMap((p) =>
    (p.kind === 'fact' ? p.fact.text : p.content)
      .split(/(?<=[。；;！!])/)
      .map((s) => ({ id: p.id, text: s.trim().replace(/[。；;！!]$/, '') }))
      .filter((s) => s.text),
  );
  const places = [...new Set(text.match(REGIONS) ?? [])];
  if (places.length) {
    const about = sentences.filter((s) => places.some((place) => s.text.includes(place.replace(/古$/, ''))));
    // a shop that ships nowhere ("不发快递，冻包子路上会化") answers every place
    if (!about.length) about.push(...sentences.filter((s) => NO_SHIPPING.test(s.text)));
    if (!about.length) return 'unknown';
    return { text: about.map((s) => s.text).join('；'), cited: [...new Set(about.map((s) => s.id))] };
  }
  // a district of the owner's own lists ("鼓楼、玄武、建邺四个区…", "江宁、栖霞等其他区…") the customer asks to have
  // it sent to ("能送江宁吗", "送建邺区要配送费吗"): the sentence that lists it
  const listing = sentences.filter((s) =>
    listedNames(s.text).some((name) => new RegExp(`[送到寄发往]${name}`).test(text)),
  );
  // …when the place is all that is asked: "送江宁今天能到吗" asks when too, which the whole rule says
  if (listing.length && listing.length < sentences.length && !WHEN_ASKED.test(text))
    return { text: listing.map((s) => s.text).join('；'), cited: [...new Set(listing.map((s) => s.id))] };
  if (HOLIDAY.test(text) || /(停运|停发)/.test(text)) {
    const notes = kb.merchant.holidays
      .filter((h) => h.name)
      .map((h) => ({ id: shopIds(kb)[0] ?? '', text: h.name.replace(/[。；;！!]$/, '') }));
    const about = [
      ...sentences.filter((s) => /(春节|过年|停运|停止|停发|恢复|节假日|国庆|元旦|五一)/.test(s.text)),
      ...notes.filter(
        // a note kept on each day of a run is said once
        (n, i) =>
          /(发货|快递|停发|停运)/.test(n.text) &&
          !sentences.some((s) => s.text.includes(n.text)) &&
          notes.findIndex((o) => o.text === n.text) === i,
      ),
    ];
    if (about.length)
      return { text: about.map((s) => s.text).join('；'), cited: [...new Set(about.map((s) => s.id).filter(Boolean))] };
  }
  if (!sentences.length) return undefined;
  return { text: sentences.map((s) => s.text).join('；'), cited: [...new Set(sentences.map((s) => s.id))] };
}
