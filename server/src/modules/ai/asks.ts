// What one question asks of the shop: a topic lexicon (the words customers of small shops use, in the order they
// appear in the message), with the trained classifier (topic-classifier.ts) for questions that use none of them.
import { toShopWords } from './shop-words.js';
import { askClassifier } from './topic-classifier.js';

export const ASKS = [
  'price',
  'stock',
  'options',
  'attribute',
  'hours',
  'closed_day',
  'location',
  'phone',
  'payment',
  'delivery',
  'shipping',
  'booking',
  'wifi',
  'parking',
  'service_hours',
  'refund',
  'membership',
  'invoice',
  'promotion',
  'haggle',
  'recommend',
  'greeting',
  'thanks',
] as const;
export type Ask = (typeof ASKS)[number];

const LEXICON: [Ask, RegExp][] = [
  [
    'haggle',
    // a counter-offer is haggling too: "150行不行", "2880能不能2500", "便宜50块吧", "1000卖不"
    /(便宜点|便宜些|便宜一?点|少一?点(?![糖冰辣油盐甜葱蒜香])|抹零|抹个零|打个折|优惠点|再便宜|能便宜|砍价|送点|送个|少算|能少(?!一?点?[糖冰辣油盐甜放加料葱蒜香])|算便宜|\d(块|元)?(行不行|行不|行吗|可以吗|可以不|卖不|卖吗|成不|好不好)|便宜\d|(能不能|可不可以|能否)\d+(块|元)?$|(能不能|可不可以|能否)\d+(块|元)?[^\d个岁点号码斤天次节])/,
  ],
  ['membership', /(会员|积分|储值|充值|充多少|充\d|办卡|会员卡|年卡|次卡)/],
  ['invoice', /(发票|开票|专票|普票|税号)/],
  [
    'price',
    /(多少钱|多少米|多少块|几块|几元|几毛|啥价|什么价|价格|价钱|价位|怎么卖|咋卖|多钱|收费|学费|费用|报价|单价|贵不贵|贵吗|how ?much|price|cost|多少一|多少前|多少qian|几快)/,
  ],
  [
    'stock',
    /(还有吗|还有没|还有么|有没有货|有货|现货|没货|缺货|断货|卖完|售罄|卖光|补货|库存|剩几|剩多少|(?<!我[^，,。？?]{0,8})还剩|还有几[个件份盒瓶罐张袋位]|还有多少|名额|还能报|能报名吗|到了没|到货|来货|上市了|in stock|sold out|还有[^，,。；;]{0,8}(吗|没|么|不))/,
  ],
  [
    'options',
    /(什么颜色|哪些颜色|几种颜色|几个颜色|别的颜色|其他颜色|什么色|哪几个色|什么尺码|哪些尺码|几个码|什么码数|有哪些码|什么规格|哪些规格|几种规格|有几种|哪几种|什么口味|几种口味|哪些款|什么款|什么型号|什么尺寸|分几种|几个规格|哪些选|有什么选|几个$|多少个|几两|哪档|哪个档|colou?rs?|sizes?)/,
  ],
  [
    'service_hours',
    /(客服.{0,4}(时间|几点|在线|上班|下班|有人|在吗|在不在)|有人回|什么时候回|(还能|能|会)回(消息|信息|复)|人工.{0,2}时间|在线时间)/,
  ],
  // "中午休息吗" asks for a break in the day's hours, not a closed day
  [
    'closed_day',
    /((?<!中午|午间|午饭|中午有|休不)休息|(过年|春节|国庆|五一|中秋|元旦|端午|假期)(节|期间)?(你们|你家|店里|要|会|一共|总共)?放(几|多)|放(几天|几|多少天|多久)?假|歇业|不开门|不营业|休息日|定休|放假|店休|关门一天|打烊一天|停课|停业)/,
  ],
  // "几点到货", "几点发货", "打折几点开始": the time of something else, not the shop's hours
  [
    'hours',
    /(中午有?休(不休)?息|午休|几点(?!前?(?:能|会)?(?:到货|发货|发|送|出餐|上课|下课|开始|结束|截止|出锅|上新)|前(?:下单|付款|付钱|订))|营业时间|开门|关门|打烊|营业|开到|开着|上班时间|下班|开业|什么时候开|open|close|hours)/,
  ],
  ['phone', /(电话|手机号|联系方式|怎么联系|号码多少|phone|tel)/],
  ['wifi', /(wifi|wi-fi|无线网|网络密码|连网|上网|密码)/],
  ['parking', /(停车|停哪|车位|开车|(?<![先暂])能停(?![课卡])|好停|(?<![先暂课卡])停吗|停得下|park)/],
  ['payment', /(支付|付款|付钱|刷卡|微信付|支付宝|现金|花呗|分期|信用卡|团购券|美团券|抖音券|核销|买单|结账|收款|pay)/],
  [
    'shipping',
    /(发货|快递|包邮|运费|邮费|几天到|几天能到|多久到|多久能到|多久收到|顺丰|中通|圆通|韵达|申通|邮政|京东|物流|寄(?!养|存|放|回(去|来|给(你|您)们?)?(?:[吗么不呢，。,.?？!！\s]|$))|ship)/,
  ],
  [
    'delivery',
    /(外卖|配送|送货|送到|送上门|上门送|美团(?!.{0,6}(团购|券))|饿了么|跑腿|自提|到家|送不送|能送|起送|delivery|deliver)/,
  ],
  [
    'booking',
    /(预约|预订|预定|订位|订座|订桌|排队|报名|试听|试课|约.{0,4}(时间|号|位)|能约|可以约|约了|改约|改时间|取消|爽约|迟到|去不了|包间|包场|book)/,
  ],
  [
    'refund',
    // an exchange in other words ("能换大一码吗", "小了想换", "能寄回去吗"), compensation asked ("怎么赔")
    /(退款|退货|退钱|退费|退换|换货|换码|换尺码|换个码|换(大|小)[一1]?[码号]|换[一1]?个(大|小)(码|号|一码|一号)|(小了|大了|短了|长了).{0,12}(退|换[一1]?个?(大|小)?[一1]?(码|号|尺码|货|(?<=[大小])的))|(买错|拍错|选错).{0,12}[换退]|寄回(去|来|给(你|您)们?)?(?=[吗么不呢，。,.?？!！\s]|$)|无理由|能退|可以退|怎么退|退吗|退不退|重做|售后|不合适|(能|可以|怎么|咋)赔|包赔|refund|return)/,
  ],
  ['promotion', /(活动|优惠|折扣|打折|满减|团购|新客|特价|促销|第二杯|满送|discount)/],
  [
    'location',
    /(地址|在哪|哪里|哪儿|位置|怎么走|怎么去|导航|地铁|几楼|哪个商场|分店|几家店|门店|门牌|哪个门|哪个出口|几号口|哪一段(?!时间)|哪段路|哪条路|那条路|哪条街|找不着|找不到路|靠哪|where|address|location)/,
  ],
  ['recommend', /(推荐|好喝|好吃|招牌|爆款|卖得好|什么好|哪个好|新品|点什么|喝什么|吃什么|适合我|人气)/],
];

const GREETING =
  /^(你好|您好|你们好|在吗|在不在|在么|在嘛|在的吗|hello|hi|hey|哈喽|嗨|老板|掌柜|店家|美女|帅哥|小哥|小姐姐|有人吗|有人在吗|早上好|早安|中午好|晚上好|下午好|好|亲|亲亲|呀|啊|吗|么|嘛)+$/i;
const THANKS =
  /^(好的)?(谢谢|多谢|感谢|谢了|谢啦|thx|thanks|thank you|ok|好的|好嘞|好滴|知道了|明白了|收到|辛苦了)+[呀啊!！。~～\s老板亲]*$/i;

/** The asks a question names, in the order it names them ("大杯多少钱，还有吗" → price, stock). */
/** "…多少": a price when nothing else in the question is counted ("大杯多少" yes, "充了多少" no). */
export const WEAK_PRICE = /(多少|几多)[?？!！。～~\s]*$/;

export function lexiconAsks(text: string): Ask[] {
  const asks = askedIn(text);
  // none of the lexicon's words: the message in the shop's words ("能寄顺丰吗" → 发货, 快递)
  return asks.length ? asks : askedIn(toShopWords(text));
}

function askedIn(text: string): Ask[] {
  const t = text.trim().toLowerCase();
  if (GREETING.test(t.replace(/[\s,，.。!！?？~～\p{Extended_Pictographic}]/gu, ''))) return ['greeting'];
  if (THANKS.test(t)) return ['thanks'];
  const found: { ask: Ask; at: number }[] = [];
  for (const [ask, pattern] of LEXICON) {
    const m = pattern.exec(t);
    if (!m) continue;
    // the topic-specific ask wins over the general one on the same words ("会员打折" is membership, not promotion)
    if (found.some((f) => f.at <= m.index && m.index < f.at + 4 && overlaps(f.ask, ask))) continue;
    found.push({ ask, at: m.index });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.ask);
}

const GENERAL: Partial<Record<Ask, Ask[]>> = {
  promotion: ['membership', 'haggle', 'payment'],
  price: ['haggle', 'membership', 'shipping', 'delivery', 'invoice'],
  hours: ['closed_day', 'service_hours'],
  location: ['shipping'],
  stock: ['options'],
  // "还有几个" asks how many are left, not what there is
  options: ['stock'],
  delivery: ['shipping'],
};
const overlaps = (earlier: Ask, later: Ask) => GENERAL[later]?.includes(earlier) ?? false;

/**
 * English the normalizer could not turn into the shop's words ("班taught英语?孩子moved back from Canada"): what it asks
 * is not known. Counted by the words that end as pinyin never does (pinyin left unread, "dian周一kai吗", ends its
 * syllables in a vowel, n, ng or r); not a short capital abbreviation (VIP, KTV), a word without a vowel (hhh, thx, pls)
 * or the shop's own words.
 */
export function unreadEnglish(text: string, own: Set<string> = new Set()): boolean {
  const words = (text.match(/[a-z']{2,}[bcdfhjklmpqstvwxyz]\b/gi) ?? []).filter(
    (w) => !/^[A-Z]{2,4}$/.test(w) && /[aeiouy]/i.test(w) && !own.has(w.toLowerCase()),
  );
  return words.length > 2;
}

/** What the classifier makes of a question the lexicon could not read, when it is clearly ahead. */
export function classifiedAsk(text: string): Ask | undefined {
  // trained on Chinese: what is left of an English or pinyin message it cannot read ("set menu 2 ppl") carries nothing
  // (a greeting says nothing of what is asked: "你好 women's short hair?" is no question about hours)
  if ((text.replace(/你好|您好|哈喽|嗨|在吗|在不在|老板|亲/g, '').match(/[\u4e00-\u9fff]/g) ?? []).length < 2)
    return undefined;
  // …nor one whose English it could not turn into the shop's words: a guess from the few it read is no answer
  if (unreadEnglish(text)) return undefined;
  const [first, second] = askClassifier.classify(text);
  if (!first || first.p < 0.6 || first.p < 3 * (second?.p ?? 0)) return undefined;
  // complaints and requests for a person are risk.ts's to decide, on its words and the shop's industry
  if (first.label === 'complaint' || first.label === 'human') return undefined;
  return first.label as Ask;
}

/** The plain Chinese words of the lexicon ("多少钱", "营业时间"): what pinyin is read against (message-normalizer.ts). */
export const lexiconWords = (): string[] =>
  LEXICON.flatMap(([, pattern]) => pattern.source.split(/[|()]/).filter((w) => /^[\u4e00-\u9fff]{2,}$/.test(w)));
