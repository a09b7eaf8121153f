// Customers type emoji, English and pinyin: "🍓🧋还有吗", "how much is the honey", "caomei duoshao yi jin". Before
// the message is read, these become the Chinese words they stand for: emoji and common English shop words from a
// fixed glossary, pinyin by the shop's own words (its products, options, attributes) and the words of asking. A word
// the shop itself uses in Latin letters (an English alias, "L", "wifi") is kept as typed.
import { pinyin } from 'pinyin-pro';
import type { ShopIndex } from './shop-index.js';

const DIGITS: Record<string, number> = { 一: 1, 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };

/** A Chinese number up to 99 as digits: "十一" → "11", "二十" → "20", "三" → "3". */
export function chineseNumber(words: string): string {
  const ten = words.indexOf('十');
  if (ten < 0) return [...words].map((d) => DIGITS[d] ?? d).join('');
  const tens = ten === 0 ? 1 : (DIGITS[words[ten - 1]!] ?? 1);
  return String(tens * 10 + (DIGITS[words[ten + 1] ?? ''] ?? 0));
}

const EMOJI: [RegExp, string][] = [
  [/[💰💵💴🤑]/gu, '多少钱'],
  [/🧋/gu, '奶茶'],
  [/☕/gu, '咖啡'],
  [/🍓/gu, '草莓'],
  [/🍇/gu, '葡萄'],
  [/[🍎🍏]/gu, '苹果'],
  [/🍊/gu, '橙子'],
  [/🍒/gu, '车厘子'],
  [/🥭/gu, '芒果'],
  [/🍋/gu, '柠檬'],
  [/🍉/gu, '西瓜'],
  [/🍌/gu, '香蕉'],
  [/🍑/gu, '桃'],
  [/🥝/gu, '猕猴桃'],
  [/🍍/gu, '菠萝'],
  [/🥥/gu, '椰子'],
  [/[🍜🍝]/gu, '面'],
  [/🥟/gu, '饺子'],
  [/🍚/gu, '饭'],
  [/🥩/gu, '牛肉'],
  [/🌶️?/gu, '辣'],
  [/🥜/gu, '花生'],
  [/🥚/gu, '蛋'],
  [/[🍯🐝]/gu, '蜂蜜'],
  [/[🐶🐕🐩]/gu, '狗'],
  [/[🐱🐈]/gu, '猫'],
  [/[🛁🚿🧼]/gu, '洗澡'],
  [/✂️?/gu, '剪'],
  [/[💇💈]/gu, '剪发'],
  [/👗/gu, '裙'],
  [/👖/gu, '牛仔裤'],
  [/🧥/gu, '大衣'],
  [/👕/gu, 'T恤'],
  [/🧣/gu, '围巾'],
  [/👟/gu, '鞋'],
  [/[🌼🌸🌺]/gu, '花'],
  [/[🚗🚙]/gu, '车'],
  [/🅿️?/gu, '停车'],
  [/[📍🗺]/gu, '在哪'],
  [/[⏰🕐🕑🕒🕓🕔🕕🕖🕗🕘🕙🕚🕛]/gu, '几点'],
  [/[📞☎📱]/gu, '电话'],
  [/🛵/gu, '外卖'],
  [/🚚/gu, '配送'],
  [/📦/gu, '快递'],
  [/[👦👧🧒👶]/gu, '孩子'],
  [/📚/gu, '课'],
  [/🎨/gu, '美术'],
  [/🎹/gu, '钢琴'],
  [/🩰/gu, '芭蕾'],
  [/💃/gu, '舞蹈'],
  [/💅/gu, '美甲'],
  [/👁️?/gu, '睫毛'],
  [/🍵/gu, '茶'],
  [/🍲/gu, '锅'],
  [/🎁/gu, '礼盒'],
  [/🍦/gu, '冰淇淋'],
  [/🥛/gu, '牛奶'],
  [/[❓❔]/gu, '？'],
  [/👋/gu, '你好'],
  [/🙏/gu, '谢谢'],
  [/🎂/gu, '蛋糕'],
];

/** Shop words in English, longest phrases first. */
const ENGLISH: [string, string][] = [
  ['do you have', '有'],
  ['do u have', '有'],
  ['do you sell', '有'],
  ['do u sell', '有'],
  ['have you got', '有'],
  ['how much extra', '加多少钱'],
  ['how much more', '加多少钱'],
  ['how much', '多少钱'],
  ['how to', '怎么'],
  ['plain colour', '纯色'],
  ['plain color', '纯色'],
  ['solid color', '纯色'],
  ['soup base', '锅底'],
  ['hot pot', '火锅'],
  ['non-spicy', '不辣'],
  ['not spicy', '不辣'],
  ['no spicy', '不辣'],
  ["can't eat", '不能吃'],
  ['cannot eat', '不能吃'],
  ['class hours', '课时'],
  ['lash extensions', '接睫毛'],
  ['eyelash extensions', '接睫毛'],
  ['eyelashes', '睫毛'],
  ['lashes', '睫毛'],
  ['free trial', '体验课'],
  ['trial class', '体验课'],
  ['trial lesson', '体验课'],
  ['walk in', '不预约直接来'],
  ['gift box', '礼盒'],
  ['shelf life', '保质期'],
  ['made of', '材质'],
  ['machine wash', '机洗'],
  ['what size', '穿什么码'],
  ['which size', '穿什么码'],
  ['out of stock', '卖完'],
  ['how long', '多久'],
  ['how many', '几个'],
  ['what time', '几点'],
  ['opening hours', '营业时间'],
  ['in stock', '有货'],
  ['sold out', '卖完'],
  ['one-on-one', '一对一'],
  ['one on one', '一对一'],
  ['1 on 1', '一对一'],
  ['1v1', '一对一'],
  ['down jacket', '羽绒服'],
  ['wild honey', '土蜂蜜'],
  ['milk tea', '奶茶'],
  ['per term', '一学期'],
  ['per semester', '一学期'],
  ['per night', '一晚'],
  ['set menu', '套餐'],
  ['combo', '套餐'],
  ['ppl', '人'],
  ['people', '人'],
  ['persons', '人'],
  ['per kg', '一公斤'],
  ['wechat pay', '微信支付'],
  ['price', '价格'],
  ['cost', '多少钱'],
  ['open', '营业'],
  ['close', '关门'],
  ['closed', '休息'],
  ['hours', '营业时间'],
  ['where', '在哪'],
  ['address', '地址'],
  ['available', '还有吗'],
  ['size', '尺码'],
  ['colour', '颜色'],
  ['color', '颜色'],
  ['white', '白色'],
  ['black', '黑色'],
  ['red', '红色'],
  ['blue', '蓝色'],
  ['yellow', '黄色'],
  ['grey', '灰色'],
  ['gray', '灰色'],
  ['pink', '粉色'],
  ['green', '绿色'],
  ['large', '大'],
  ['medium', '中'],
  ['small', '小'],
  ['delivery', '外卖配送'],
  ['deliver', '配送'],
  ['shipping', '发货'],
  ['ship', '发货'],
  ['refund', '退款'],
  ['return', '退货'],
  ['parking', '停车'],
  ['park', '停车'],
  ['pay', '支付'],
  ['cash', '现金'],
  ['alipay', '支付宝'],
  ['booking', '预约'],
  ['book', '预约'],
  ['reservation', '预约'],
  ['appointment', '预约'],
  ['children', '孩子'],
  ['boy', '孩子'],
  ['girl', '孩子'],
  ['child', '孩子'],
  ['kids', '孩子'],
  ['kid', '孩子'],
  ['years old', '岁'],
  ['age', '年龄'],
  ['best sellers', '招牌'],
  ['best seller', '招牌'],
  ['signature', '招牌'],
  ['popular', '人气'],
  ['recommend', '推荐'],
  ['classes', '班'],
  ['class', '班'],
  ['courses', '课'],
  ['course', '课'],
  ['join', '上'],
  ['learn', '学'],
  ['which', '哪些'],
  ['lesson', '课'],
  ['math', '数学'],
  ['english', '英语'],
  ['art', '美术'],
  ['drawing', '美术'],
  ['piano', '钢琴'],
  ['dance', '舞蹈'],
  ['haircut', '剪发'],
  ['cut', '剪'],
  ['perm', '烫发'],
  ['dye', '染发'],
  ['director', '总监'],
  ['bath', '洗澡'],
  ['wash', '洗'],
  ['dog', '狗'],
  ['cat', '猫'],
  ['boarding', '寄养'],
  ['board', '寄养'],
  ['adult', '成人'],
  ['teach', '教'],
  ['massage', '按摩'],
  ['oat milk', '燕麦奶'],
  ['gluten free', '无麸质'],
  ['gluten', '麸质'],
  ['extra', '加'],
  ['grooming', '美容'],
  ['honey', '蜂蜜'],
  ['brew', '冲泡'],
  ['steep', '冲泡'],
  ['nails', '美甲'],
  ['nail', '美甲'],
  ['manicure', '美甲'],
  ['pedicure', '足部美甲'],
  ['hotpot', '火锅'],
  ['mild', '微辣'],
  ['campuses', '校区'],
  ['campus', '校区'],
  ['branches', '分店'],
  ['branch', '分店'],
  ['share', '通用'],
  ['transfer', '转让'],
  ['trial', '体验课'],
  ['ballet', '芭蕾'],
  ['latin', '拉丁'],
  ['hiphop', '街舞'],
  ['daughter', '孩子'],
  ['son', '孩子'],
  ['baby', '宝宝'],
  ['teacher', '老师'],
  ['parking lot', '停车场'],
  ['milk', '牛奶'],
  ['sugar', '糖'],
  ['less sugar', '少糖'],
  ['ice', '冰'],
  ['hot', '热'],
  ['cold', '冷'],
  ['gift', '礼盒'],
  ['wool', '羊毛'],
  ['cashmere', '羊绒'],
  ['silk', '真丝'],
  ['leather', '真皮'],
  ['fabric', '面料'],
  ['waterproof', '防水'],
  ['warm', '保暖'],
  ['stock', '库存'],
  ['left', '还剩'],
  ['sizes', '尺码'],
  ['colors', '颜色'],
  ['colours', '颜色'],
  ['origin', '产地'],
  ['expire', '保质期'],
  ['allergic', '过敏'],
  ['nuts', '坚果'],
  ['nut', '坚果'],
  ['egg', '蛋'],
  ['eggs', '蛋'],
  ['vegetarian', '素'],
  ['fruit', '水果'],
  ['box', '箱'],
  ['wifi', 'wifi'],
  ['mango', '芒果'],
  ['tea', '茶'],
  ['coffee', '咖啡'],
  ['noodles', '面'],
  ['noodle', '面'],
  ['beef', '牛肉'],
  ['spicy', '辣'],
  ['peanuts', '花生'],
  ['peanut', '花生'],
  ['allergy', '过敏'],
  ['strawberry', '草莓'],
  ['grapes', '葡萄'],
  ['grape', '葡萄'],
  ['apples', '苹果'],
  ['apple', '苹果'],
  ['orange', '橙子'],
  ['cherries', '车厘子'],
  ['cherry', '车厘子'],
  ['dress', '连衣裙'],
  ['coat', '大衣'],
  ['jacket', '外套'],
  ['jeans', '牛仔裤'],
  ['sweater', '毛衣'],
  ['material', '材质'],
  ['cotton', '棉'],
  ['drink', '饮品'],
  ['when', '什么时候'],
  ['today', '今天'],
  ['tomorrow', '明天'],
  ['monday', '周一'],
  ['tuesday', '周二'],
  ['wednesday', '周三'],
  ['thursday', '周四'],
  ['friday', '周五'],
  ['saturday', '周六'],
  ['sunday', '周日'],
  ['weekend', '周末'],
  ['discount', '优惠'],
  ['cheaper', '便宜点'],
  ['member', '会员'],
  ['invoice', '发票'],
  ['thank you', '谢谢'],
  ['thanks', '谢谢'],
  ['hello', '你好'],
  ['hi', '你好'],
];
// a plural is read as its word ("cats", "lessons", "adults")
const ENGLISH_PATTERN = new RegExp(
  `\\b(${ENGLISH.map(([en]) => en.replace(/[-]/g, '\\-')).join('|')})(?:e?s)?\\b`,
  'gi',
);
const ENGLISH_WORDS = new Map(ENGLISH);
const FUNCTION_WORDS =
  /\b(is|are|the|a|an|for|with|do|does|you|your|u|ur|have|has|any|in|of|on|to|at|it|this|that|there|i|my|me|we|can|could|please|what|which|still|is there|any more|per|much|many|some|she|he|her|his|they|them|our|its|be|will|would|should|and|or|but|just|also|if|so|one)\b/gi;

/** Words of asking, for reading pinyin ("duoshao qian", "ji dian guan men"). */
const ASKING_WORDS =
  '寸 斤 克 杯 盒 箱 多少钱 多少 价格 几块 一斤 一箱 一盒 一瓶 一份 一晚 一次 一节 还有吗 还有 有吗 有没有 有货 卖完 几点 开门 关门 营业 休息 在哪 在哪里 地址 电话 停车 外卖 配送 发货 快递 包邮 几天 多久 保质期 材质 产地 几岁 可以 能 上 吗 呢 的 了 辣不辣 辣 甜 大 小 中 大杯 中杯 小杯 大份 小份 预约 退款 退货 会员 优惠 便宜 推荐 好吃 好喝 孩子 小朋友 班 课 洗澡 剪 烫 染 狗 猫 多大 什么 怎么 哪 尺码 颜色 黑色 白色 红色 蓝色 黄色 今天 明天 周一 周二 周三 周四 周五 周六 周日 周末';

const readingOf = (word: string) =>
  pinyin(word, { toneType: 'none', type: 'array', nonZh: 'removed', v: true }).join('').toLowerCase();

/** The pinyin of the shop's words and the asking words → the words; built once per knowledge snapshot. */
export function pinyinDictionary(words: string[]): Map<string, string> {
  const dict = new Map<string, string>();
  for (const w of [...ASKING_WORDS.split(' '), ...words]) {
    if (!/^[\u4e00-\u9fff]+$/.test(w)) continue;
    const key = readingOf(w);
    const existing = dict.get(key);
    if (key && (!existing || w.length > existing.length)) dict.set(key, w);
  }
  return dict;
}

/** Reads a run of Latin letters as pinyin when (nearly) all of it spells words the dictionary knows. */
function fromPinyin(run: string, dict: Map<string, string>, longest: number): string | undefined {
  const letters = run.toLowerCase().replace(/[^a-z]/g, '');
  let out = '';
  let known = 0;
  for (let i = 0; i < letters.length;) {
    let hit: string | undefined;
    for (let len = Math.min(longest, letters.length - i); len >= 2; len--) {
      const w = dict.get(letters.slice(i, i + len));
      if (w) {
        hit = w;
        i += len;
        known += len;
        break;
      }
    }
    if (hit) out += hit;
    else i++;
  }
  return known >= letters.length * 0.8 ? out : undefined;
}

/** Chat spellings of everyday words ("有木有", "肿么", "神马"), read as the words they stand for. */
const CHAT_SPELLINGS: [RegExp, string][] = [
  [/木有/g, '没有'],
  [/肿么/g, '怎么'],
  [/神马/g, '什么'],
  [/啥子/g, '什么'],
  [/咋个/g, '怎么'],
  [/酱紫/g, '这样子'],
];

/** The message with emoji, English and pinyin turned into Chinese words (unchanged when it has none). */
export function normalizeMessage(message: string, index: ShopIndex): string {
  // "剪个头", "洗个澡", "染个发": the service's own word without the measure word
  let text = CHAT_SPELLINGS.reduce((t, [spelled, word]) => t.replace(spelled, word), message).replace(
    /([剪洗染烫修吹做])个(?=[\u4e00-\u9fff])/g,
    '$1',
  );
  // "十一岁", "三岁半": an age in Chinese numerals read as the digits the rest of the engine reads
  text = text.replace(/[一两二三四五六七八九十]+(?=岁|周岁)/g, chineseNumber);
  for (const [pattern, word] of EMOJI) text = text.replace(pattern, word);
  text = text.replace(/\p{Extended_Pictographic}|\uFE0F|[\u{1F3FB}-\u{1F3FF}]/gu, ' ');
  if (!/[a-z]{2}/i.test(text)) return text;
  // a name of several English words is one word of the shop's ("classic lashes" → classiclashes, "milk-tea latte" →
  // milktealatte)
  for (const { pattern, word } of index.latinPhrases) text = text.replace(pattern, word);
  const own = index.latinWords;
  // "my daughter is 5": a child's age given without "years old"
  if (/\b(daughter|son|kids?|child|children|baby|boy|girl)\b/i.test(text))
    text = text.replace(/\b(?:is|am|aged?|turns?)\s+(\d{1,2})\b(?!\s*(?:years?|yrs?|kg|cm|岁))/gi, '$1岁');
  // pinyin first: a run of Latin words the dictionary reads as the shop's words
  text = text.replace(/[a-z]+(?:\s+[a-z]+)*/gi, (run) => {
    if (own.has(run.toLowerCase())) return run;
    const english = run
      .toLowerCase()
      .split(/\s+/)
      .some((w) => ENGLISH_WORDS.has(w) || own.has(w));
    if (english) return run;
    // the whole run, else its longest stretches of words that read ("chuan duoshao qian" → chuan 多少钱)
    const whole = fromPinyin(run, index.pinyin, index.longestPinyin);
    if (whole) return whole;
    const words = run.split(/\s+/);
    const out: string[] = [];
    for (let i = 0; i < words.length;) {
      let j = words.length;
      let read: string | undefined;
      for (; j > i; j--) if ((read = fromPinyin(words.slice(i, j).join(' '), index.pinyin, index.longestPinyin))) break;
      out.push(read ?? words[i]!);
      i = read ? j : i + 1;
    }
    return out.join(' ');
  });
  text = text.replace(ENGLISH_PATTERN, (w, word: string) =>
    // a plural of a short word is another word ("his" is no "hi")
    own.has(w.toLowerCase()) || (w.length > word.length && word.length < 3)
      ? w
      : (ENGLISH_WORDS.get(word.toLowerCase()) ?? w),
  );
  // what is left of the English sentence around the shop words carries nothing to match
  return text
    .replace(FUNCTION_WORDS, (w) => (own.has(w.toLowerCase()) ? w : ''))
    .replace(/(?<=[\u4e00-\u9fff])\s+|\s+(?=[\u4e00-\u9fff])/g, '')
    .trim();
}
