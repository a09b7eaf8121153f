// The embedded engine used when no LLM is configured (and when the LLM fails): it answers only from the shop's own
// data with fixed sentences, and hands over — saying so — whatever the data does not answer. It never writes a fact
// that is not in the shop's data. A message is read as a person would: what it names (products, their variants and
// attributes, a shop), what it asks of each (possibly several things), what the chat was about before ("那大杯呢"),
// and whether it is a complaint or an attempt to make the bot misbehave, which a person takes.
import type { AiAnswer } from '@xiaoer/common/schemas/ai';
import { yuanText } from '@xiaoer/common/money';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { KnownProduct } from '../knowledge/passages.js';
import {
  addonAcrossProducts,
  attributeAcrossProducts,
  BULK,
  discountRuleOf,
  faqByCue,
  HOLIDAY,
  hasAttributeCue,
  namedWeekdays,
  shippingOf,
  attributesOf,
  askedAttributes,
  factsOf,
  faqOf,
  PER_UNIT_COUNT,
  addonOf,
  hoursOf,
  locationOf,
  optionsOf,
  parkingOf,
  productsForAge,
  productsWithout,
  phoneOf,
  policyOf,
  priceOf,
  recommendationOf,
  serviceHoursOf,
  SOURCES,
  stockOf,
  type Said,
} from './answers.js';
import { classifiedAsk, lexiconAsks, unreadEnglish, WEAK_PRICE, type Ask } from './asks.js';
import { detectIntent } from './intents.js';
import { splitQuestions } from './message-parts.js';
import { normalizeMessage } from './message-normalizer.js';
import { normalize } from '../knowledge/tokenizer.js';
import { asksForRoom, defersAsked, personNeeded, slotSettled } from './person-needed.js';
import { detectRisk } from './risk.js';
import { answeredBy, asksMeasure, bestSentence, forgetReadings, sentenceOf } from './sentence-match.js';
import {
  clean,
  linkProducts,
  namedOptions,
  productsByAddon,
  productsByOption,
  productsMadeWith,
  productsNamedBy,
  shopIndex,
  withoutLinks,
  type ShopIndex,
} from './shop-index.js';

export const DONT_KNOW = '这个问题我需要请店员确认一下，稍后回复您～';
const HANDOFF_REPLY = '好的，马上为您转接店员，请稍等～';
const COMPLAINT_REPLY = '非常抱歉给您带来不好的体验，我马上请店长来处理～';
const ATTACK_REPLY = '这个问题我请店员来处理，稍后回复您～';

/** What the engine may know besides the message: the customer's earlier messages in this chat, oldest first. */
export interface OfflineContext {
  history?: string[];
}

/** The customer's own earlier texts of a stored conversation (oldest first), without the message being answered. */
export function earlierCustomerTexts(history: { direction: string; text?: string; _id?: unknown }[], question: string) {
  const texts = history.filter((m) => m.direction === 'in' && m.text).map((m) => m.text!.trim());
  if (texts.at(-1) === question.trim()) texts.pop();
  return texts.slice(-6);
}

const result = (reply: string, citedIds: string[], reason: string, needsHuman: boolean, confidence: number) => ({
  reply,
  confidence,
  needsHuman,
  reason,
  citedIds: [...new Set(citedIds)].slice(0, 20),
  proposedTags: [],
});
const handoff = (reason: string, reply = DONT_KNOW): AiAnswer => result(reply, [], reason, true, 0);

const PRODUCT_ASKS: Ask[] = ['price', 'stock', 'options', 'attribute'];
/** Asks about the shop's rules and services, which its own sentences may answer more closely than the topic's text. */
const RULE_ASKS: Ask[] = ['hours', 'location', 'booking', 'payment', 'promotion', 'membership', 'refund', 'delivery'];
/** A question that leans on the one before: "那大杯呢", "黄色的呢", "还有别的颜色吗". */
const FOLLOW_UP = /^(那|那么|那个|这个|它|还有|再|换成|要是|如果)|[呢]\s*[?？]*$/;
/** "有1kg的吗", "黑色M有吗", "燕麦色有M吗", "可以上一对一吗": is it there. */
const ASKS_FOR_IT =
  /(^有.{0,8}(吗|么|没|不)[?？]?$|有没有|有(吗|么|没)[?？]?$|有[^，。,有]{0,6}(吗|么|没|不)[?？]?$|(可以|能)(上|报|买|点|选|做|接|约|订|要)[^，。]{0,8}(吗|么|不)[?？]?$)/;
/** "有芒果的吗", "有没有芒果饮品": a thing asked for by what it is made with, and only that. */
const MADE_WITH =
  /^(?:请问)?(?:你们|你家|店里)?(?:有没有|有)(?:带|含|加)?([\u4e00-\u9fff]{2,4}?)(?:味|口味)?的?(?:饮品|喝的|吃的|款|东西)?(?:吗|么|没|不|呀|啊)?[?？]?$/;
const NOT_AN_INGREDIENT =
  /(^[不无没免少低非去])|不含|不加|不要|儿童|孩子|小孩|宝宝|小朋友|老人|孕妇|学生|大人|外教|老师|女生|男生/;
/** What a variant is told apart by: a colour, a size, a cup, a pack, a weight, a length ("有大瓶的吗", "有罐装吗"). */
const OPTION_WORD = /(色|码|号|寸|杯|装|份|斤|两|克|盒|罐|瓶|袋|箱|包|款|型|档|版|大|小|中|长|短|厚|薄|[0-9]|[a-z])/i;
/** A product's price asked without the word 钱's company: "试听要钱吗", "体验课免费吗". */
const PRICE_WORDS = /(要钱|收钱|花钱|免费|另收费|收费吗)/;
/** "一饼多少", "一斤多少": a price by the unit it is sold in (not "一箱多少个", a count). */
const PER_UNIT_PRICE = /一[斤饼盒瓶罐箱份杯碗件条袋包晚位套只支桶串]多少[?？!！。～~\s]*$/;
/** An amount and nothing else ("一斤", "两盒", "一盒装"): what that much costs. */
const AMOUNT_ONLY = /^[一二两三四五六七八九十半\d.]+[斤两克盒瓶罐箱杯碗件条袋只支束枝朵]装?$/;
/** "另一边能选什么", "有得选吗": the choices a product comes in. */
const CHOICES =
  /((能|可以|可)选(什么|哪些|哪几|哪个|啥)|有得选|有的选|可选项|有(几|多少|哪些|什么)(公斤|斤|kg|克|g|升|毫升|ml|寸|码|号|种|款|色|个颜色|个规格|个尺寸)的?)/i;
/** "有不辣的锅底吗", "哪些不含花生": products without something. */
const WITHOUT_ASKED =
  /(不辣|不含|无酒|无糖|少糖|不甜|纯素).{0,6}(吗|么|哪|什么|有没有|$)|(有没有|有|哪些|哪个|什么).{0,3}(不辣|不含|无酒|无糖|不甜|纯素)/;
/** "5岁能学什么", "孩子6岁报哪个班": which products take a child of that age. */
const AGE_FIT =
  /\d\s*(岁|周岁).{0,8}(学什么|学哪|上什么|上哪|报什么|报哪|哪些|哪个|哪几|什么课|什么班|能学|能上|可以学|可以上|适合)/;
/** What makes a piece of a message a question: asked, not only said ("上次用着不错"). */
const QUESTION =
  /(吗|呢|(?<![那这多要])么|嘛|？|\?|怎么|什么|啥|哪|几|多少|多久|多[大高长重宽远厚]|能不能|可不可以|是不是|有没有|会不会|行不行|要不要|能|可以|不$|([\u4e00-\u9fff])[不没]\2)/;
/** Praise that asks nothing ("你们家鸭脖真的绝了"): thanked, not handed over; "不好吃" is no praise. */
const PRAISE =
  /(好吃|好喝|绝了|绝绝子|太香|真香|好香|好评|很喜欢|太喜欢|好喜欢|超喜欢|爱了|好看|漂亮|真棒|太棒|很棒|不错|满意|yyds|专业|贴心|划算|超值)/i;
/**
 * A negated or compared praise word unsays it ("不是很好吃", "没有以前好吃", "不如上次", "可惜有点贵"); an order beside
 * it is an order ("再给我来10个"). "好吃不贵", "没想到这么好吃" and "不错" stay praise.
 */
const NOT_PRAISE =
  /((不|没|难|差)(是|太|怎么|咋|有|如)?(很|太|那么|以前|上次)?(好吃|好喝|好看|喜欢|满意|专业|贴心|划算|香|新鲜|值)|不如|一般|还行|凑合|可惜|但是|就是有点|再来|再要|来\d|要\d|帮我|给我)/;
/** Booking a slot is a person's job where stock is time: "还有位置吗", "还能约上吗". */
// "还有位置吗" is a free slot; "在哪个位置", "什么位置" ask where the shop is
const SLOT = /((?<!(哪个?|什么|啥))位置|空位|名额|约上|约得上|排得上|档期)/;

interface Topic {
  products: KnownProduct[];
  asks: Ask[];
  /** the message that named them, for the options it chose ("白色M" before "黑色呢") */
  text?: string;
}

/** What the chat was about: the latest products named and the latest asks, read from the customer's earlier messages. */
function recall(index: ShopIndex, history: string[]): Topic {
  let topic: Topic = { products: [], asks: [] };
  for (const message of history.slice(-6)) {
    const part = readPart(index, message, { products: [], asks: [] }, topic);
    const asks = part.asks.filter((a) => a !== 'greeting' && a !== 'thanks');
    topic = {
      products: part.named ? part.products : topic.products,
      asks: asks.length ? asks : topic.asks,
      text: part.named ? message : topic.text,
    };
  }
  return topic;
}

interface Part {
  text: string;
  products: KnownProduct[];
  asks: Ask[];
  /** the products were named in this question (not taken from the chat or a general word) */
  named: boolean;
  /** the products were found by what they are made with ("有芒果的吗"): the owner's own FAQ comes first */
  madeWith?: boolean;
  /** the products were not named nor taken from the chat, but found by a word (an option, attribute, add-on or
   * ingredient: "课时" of every class): a rule of the shop's may say more of the question */
  byWord?: boolean;
}

/** What is left of a question without its products, options and the words of asking: "杨枝甘露？" leaves nothing. */
function residue(text: string, products: KnownProduct[]): string {
  let t = clean(text);
  for (const p of products) {
    for (const form of [p.name, ...(p.aliases ?? [])].map(clean).sort((a, b) => b.length - a.length))
      t = t.replace(form, '');
    for (const v of p.variants ?? []) for (const o of v.options) t = t.replace(clean(o.value), '');
  }
  return t.replace(
    /(那|那么|这个|那个|的|呢|吗|么|嘛|啊|呀|请问|还有|有|要|我|想|一下|个|份|杯|款|码|号|可以|能)/g,
    '',
  );
}

/** The question without the names of its products: "龙井拆了能退吗" asks about the shop's rule, not about 龙井. */
function withoutNames(text: string, products: KnownProduct[]): string {
  let t = text;
  for (const p of products)
    for (const form of [p.name, ...(p.aliases ?? [])].sort((a, b) => b.length - a.length)) t = t.replace(form, '');
  return t;
}

/** The residue without the words of when and of selling ("今天有鸭肠吗" asks only whether there is). */
const timeless = (rest: string) => rest.replace(/(今天|今日|现在|明天|最近|这周|这几天|卖|货|在|还)/g, '');

/** What a question is about beyond its products and the words of asking. */
const substanceOf = (text: string, products: KnownProduct[]) =>
  residue(text, products).replace(
    /(多少钱|多少|几块|价格|还有吗|吗|呢|么|嘛|吧|啊|呀|怎么|什么|啥|哪|几|加|另外|又|是|也|还)/g,
    '',
  );

/**
 * Does this piece ask anything by itself (for cutting a message into its questions)? A statement ("我芒果过敏",
 * "我家孩子4岁半") is context for the question after it.
 */
export function asksSomething(text: string): boolean {
  return lexiconAsks(text).length > 0 || WEAK_PRICE.test(text) || QUESTION.test(text);
}

/** The message names an attribute these products keep (its name in full, two characters or more). */
function namesAttribute(products: KnownProduct[], text: string): boolean {
  const t = clean(text);
  return products.some((p) =>
    (p.attributes ?? []).some(
      (a) => a.name.length >= 2 && !GENERIC_ATTRIBUTE.test(a.name) && t.includes(clean(a.name)),
    ),
  );
}
/** Attribute names any message may hold ("时间", "说明"): they tie nothing to a product. */
const GENERIC_ATTRIBUTE = /^(时间|说明|备注|其他|其它|注意|注意事项|介绍|特点|详情|须知)$/;

/** Reads one question: its products (from the chat when it names none), and what it asks of them. */
function readPart(index: ShopIndex, message: string, before: Topic, chat: Topic): Part {
  let text = message;
  const links = linkProducts(index, text);
  let products = links.map((l) => l.product);
  // what is asked is read without the names of the products: a name asks nothing ("麻牛", "寄样" for 寄养)
  const asking = withoutLinks(text, links);
  let asks = lexiconAsks(asking);
  // words the lexicon leaves to the context: "要钱吗" of a product is its price, not a fee in a rule ("小料要钱吗");
  // "一饼多少" is a price by its unit; "能选什么" asks for the choices; "怎么约" for the booking rule
  if (!asks.length) {
    if (links.length && PRICE_WORDS.test(asking)) asks = ['price'];
    else if (PER_UNIT_PRICE.test(asking)) asks = ['price'];
    else if (CHOICES.test(asking)) asks = ['options'];
    else if (/(怎么|如何|咋|在哪)(预)?约/.test(asking)) asks = ['booking'];
  }
  const followUp = FOLLOW_UP.test(text.trim()) || clean(text).length <= 6;
  const inherited = !products.length;
  const cue = hasAttributeCue(asking);
  let byWord = false;
  let byMaterial = false;
  if (!products.length) {
    const needsOne = !asks.length || asks.some((a) => PRODUCT_ASKS.includes(a)) || ASKS_FOR_IT.test(text) || cue;
    if (needsOne && before.products.length) products = before.products;
    // "狗粮要自己带吗" after 狗狗寄养: a thing the product talked about keeps as an attribute (狗粮) asks of it
    else if (
      needsOne &&
      chat.products.length &&
      (followUp || asks.length || cue || namesAttribute(chat.products, text))
    )
      products = chat.products;
    // "那蓝色呢" after a product that has no blue: the product that has it, when only one or two do
    const byOption = needsOne ? productsByOption(index, text) : [];
    const optionless = !products.some((p) => namedOptions(text, p).size);
    const fromChat = products.length > 0;
    if (byOption.length && byOption.length <= 2 && (!products.length || optionless)) products = byOption;
    if (!products.length && needsOne && (asks.length || cue)) products = productsNamedBy(index, text);
    if (!products.length && needsOne) {
      const byAddon = productsByAddon(index, text);
      if (byAddon.length && byAddon.length <= 2) products = byAddon;
    }
    // "有芒果的吗", "有芒果饮品吗": what is made with it, its price
    // (not what it is free of, "有不含坚果的吗", nor who it is for, "有儿童喝的吗": the data's words of those are
    // warnings as often as offers, and a person answers)
    const ingredient = !products.length && needsOne && !asks.length ? MADE_WITH.exec(clean(text))?.[1] : undefined;
    if (ingredient && !NOT_AN_INGREDIENT.test(ingredient)) {
      products = productsMadeWith(index, ingredient);
      if (products.length) asks = ['price'];
    }
    byMaterial = products.length > 0 && !!ingredient;
    byWord = !fromChat && products.length > 0;
  }
  // "黑色呢" after "羽绒服白色M还有吗": black in M, the size chosen before
  if (inherited && chat.text && products.length === 1) {
    const now = namedOptions(text, products[0]!);
    const earlier = namedOptions(chat.text, products[0]!);
    const kept = [...earlier].filter(([group]) => !now.has(group)).map(([, value]) => value);
    if (now.size && kept.length) text = `${text} ${kept.join(' ')}`;
  }
  const named = products.some((p) => namedOptions(text, p).size);
  const rest = residue(text, products);
  // "黑色M有吗", "有1kg的吗": whether that variant is there (its stock, its price)
  // "茉莉花茶有罐装吗": asked of the named product, read without its name
  const asksForIt = ASKS_FOR_IT.test(text) || ASKS_FOR_IT.test(withoutNames(text, products).trim());
  if (named && asksForIt && (!asks.length || (asks.length === 1 && asks[0] === 'options'))) asks = ['stock'];
  // "有黑色吗" of a product that has no black: what it does come in; "有农残检测报告吗" is no choice of the product's
  // and is left for a person
  if (
    !asks.length &&
    !named &&
    asksForIt &&
    products.some((p) => p.variants?.length) &&
    rest.length >= 1 &&
    rest.length <= 4 &&
    OPTION_WORD.test(rest)
  )
    asks = products.some((p) => askedAttributes(p, text).length) ? [] : ['options'];
  if (SLOT.test(text)) asks = ['stock', ...asks.filter((a) => a !== 'booking' && a !== 'location' && a !== 'stock')];
  // "牛肉面大份多少": nothing but the product and 多少 is its price
  if (!asks.length && WEAK_PRICE.test(text) && products.length && rest.replace(/多少|几多/, '').length <= 1)
    asks = ['price'];
  // an attribute asked about: alone, or beside asks its words may have set off by mistake ("哪里产" is no address)
  const attributes = products.some((p) => askedAttributes(p, text).length);
  // "一笼几个" is a count the owner keeps for the unit, not the choices
  if (attributes && asks.length === 1 && asks[0] === 'options' && PER_UNIT_COUNT.test(text)) asks = ['attribute'];
  // "牛肉是哪儿产的": an attribute question even when the data has no such attribute (a person answers), no address
  if (
    (attributes && !asks.length) ||
    (cue && products.length && asks.length && asks.every((a) => ['location', 'hours'].includes(a)))
  )
    asks = ['attribute'];
  // "周二能去吗", "周一上课吗": whether the shop is open that day, beside whatever else is asked
  if (
    namedWeekdays(text).length &&
    !asks.some((a) => a === 'hours' || a === 'closed_day') &&
    /(去|来|开|营业|上课|有人|在吗|约|做|过去)/.test(text)
  )
    asks = [...asks, 'hours'];
  // "那大杯呢": what was asked before, of what this names
  if (!asks.length && followUp && chat.asks.length && !cue) {
    const again = chat.asks.filter((a) => (products.length ? PRODUCT_ASKS.includes(a) : a !== 'attribute'));
    // an option after an attribute question ("什么材质" … "那蓝色呢") asks for that variant, not the attribute
    asks = named && !attributes && again.every((a) => a === 'attribute') ? ['price'] : again;
  }
  if (!asks.length && WEAK_PRICE.test(text) && (products.length || named)) asks = ['price'];
  // "芭蕾一节课上多少分钟": a way of asking about an attribute, of a product named, is not left to the classifier's guess
  // (not of a choice the product comes in: "曲奇有啥口味" asks for its options, "剪毛多少 6斤" for that variant's price,
  // where the amount that names the variant is all that read as an attribute; "6寸多少卡路里" still asks the calories)
  const amountsOnly = !hasAttributeCue(asking.replace(/[\d.]+\s*(斤|kg|公斤|千克|g|克|cm|厘米|寸|岁|个月)/gi, ''));
  if (
    !asks.length &&
    cue &&
    products.length &&
    !inherited &&
    !products.some(
      (p) =>
        (amountsOnly && namedOptions(text, p).size) ||
        p.variants?.some((v) => v.options.some((o) => text.includes(o.name))),
    )
  )
    asks = ['attribute'];
  if (!asks.length) {
    const guess = classifiedAsk(text);
    if (guess) asks = [guess];
  }
  // "有农残检测报告吗" after a product: not whether the product is in stock
  if (!asks.length && products.length && ASKS_FOR_IT.test(text) && timeless(rest).length <= 2) asks = ['stock'];
  if (!asks.length && /(营业|开|关|有人|上班|在吗)/.test(text) && namedWeekdays(text).length) asks = ['hours'];
  if (!asks.length && !products.length && cue) asks = ['attribute'];
  // "有不辣的锅底吗": the products whose data says so, not every 锅底's spice
  if (
    !links.length &&
    asks.every((a) => a === 'stock' || a === 'options' || a === 'attribute') &&
    WITHOUT_ASKED.test(asking)
  ) {
    asks = ['attribute'];
    products = [];
  }
  // "用的啥胶": a thing one or a few products' attributes name, though the question names none of them
  if (!asks.length && !products.length && /(啥|什么|哪种)[\u4e00-\u9fff]/.test(asking)) {
    const having = index.products.filter((e) => askedAttributes(e.product, text).length);
    if (having.length && having.length <= 3) asks = ['attribute'];
  }
  // a product and nothing else ("杨枝甘露？", "大份的呢", "蜂巢蜜一盒"): its price; anything more is a question the data
  // may not answer
  if (!asks.length && products.length && (rest.length <= 1 || AMOUNT_ONLY.test(rest))) asks = ['price'];
  if (products.length > 4) products = products.slice(0, 4);
  return { text, products, asks, named: !inherited, byWord, madeWith: byMaterial };
}

/**
 * One ask answered from the data: an answer, nothing (the FAQ may still answer), or 'unknown' (the data cannot say, a
 * person answers). `before` is what the reply says already: a price said once is not said again.
 */
function answerAsk(kb: KnowledgeBase, part: Part, ask: Ask, before = ''): Said | 'unknown' | undefined {
  const { text, products } = part;
  switch (ask) {
    case 'price':
      return products.length ? priceOf(products, text) : undefined;
    case 'stock':
      if (!products.length) return undefined;
      // a free slot at a salon or a class is a booking a person confirms, not stock
      if (
        SLOT.test(text) &&
        products.every((p) => p.stock === undefined && !p.variants?.some((v) => v.stock !== undefined))
      )
        return undefined;
      return stockOf(
        products,
        text,
        !part.asks.includes('price') && !products.some((p) => before.includes(`${p.name}${yuanText(p.price)}元`)),
      );
    case 'options':
      return products.length ? optionsOf(products, text) : undefined;
    case 'attribute': {
      // the product's own attribute; what the owner's FAQ says to questions asked this way (a size chart) when it
      // has none, or beside a fit it does have ("大衣偏大半码" and the chart's line for the height and weight given)
      if (!products.length)
        return (
          (AGE_FIT.test(text) ? productsForAge(kb, text) : undefined) ??
          productsWithout(kb, text) ??
          faqByCue(kb, text) ??
          // "96课时有效期多久": a rule of the shop's that says it all, before any product's attribute
          (asksMeasure(text) ? sentenceOf(kb, text, 0.8) : undefined) ??
          attributeAcrossProducts(kb, text)
        );
      const own = attributesOf(products, text);
      const chart = faqByCue(kb, text, products);
      if (own && chart?.fitted && !own.text.includes(chart.text))
        return { text: `${own.text}；${chart.text}`, cited: [...own.cited, ...chart.cited] };
      return own ?? chart ?? productLine(kb, products, text);
    }
    case 'hours':
      return hoursOf(kb, text, false);
    case 'closed_day':
      return hoursOf(kb, text, true);
    case 'service_hours':
      return serviceHoursOf(kb);
    case 'location':
      // a shop with no address on record (sells online only): what the owner wrote about where it is
      return locationOf(kb, text) ?? (kb.shops.some((s) => s.address) ? undefined : onTopic(kb, text, 'location'));
    case 'phone':
      return phoneOf(kb, text);
    case 'parking':
      return parkingOf(kb, text);
    case 'recommend':
      return recommendationOf(kb);
    case 'haggle':
      return discountRuleOf(kb, text);
    case 'shipping':
    case 'delivery': {
      // "过年快递停到什么时候": the holiday stop, not the FAQ that shares 快递
      if (HOLIDAY.test(text)) {
        const stop = shippingOf(kb, text, SOURCES[ask]!.facts!);
        if (stop) return stop;
      }
      const fromFaq = faqOf(kb, text, 0.6);
      if (fromFaq) return fromFaq;
      return shippingOf(kb, text, SOURCES[ask]!.facts!);
    }
    default: {
      const sources = SOURCES[ask];
      if (!sources) return undefined;
      // an FAQ that clearly matches, else the owner's fact or policy of that topic, else a looser FAQ match
      const closeFaq = faqOf(kb, text, 0.75);
      if (closeFaq) return closeFaq;
      for (const topic of sources.facts ?? []) {
        const fact = factsOf(kb, [topic]);
        if (fact) return fact;
      }
      for (const kind of sources.policy ?? []) {
        const policy = policyOf(kb, kind);
        if (policy) return policy;
      }
      // "有什么优惠" where the shop keeps no promotion: what its own rules say about discounts
      return faqOf(kb, text, 0.5) ?? (ask === 'promotion' ? discountRuleOf(kb, text) : undefined);
    }
  }
}

/** The shop's sentence most like the question among those about the ask, however little of it they share. */
const onTopic = (kb: KnowledgeBase, text: string, ask: Ask) =>
  sentenceOf(kb, text, 0.01, { about: topicsOf([ask]), loose: true });

/** The asks, with the policy kinds and fact topics that answer them: what a sentence must be about to answer. */
const topicsOf = (asks: Ask[]): string[] =>
  asks.flatMap((a) => [a, ...(SOURCES[a]?.facts ?? []), ...(SOURCES[a]?.policy ?? [])]);

/**
 * The shop's sentence on the rule asked about ("寄养几点前接不算一晚" → 寄养须知): one about the topic the lexicon read
 * that covers most of the question, or any that covers nearly all of it (the lexicon may have misread "哪里毕业的").
 */
const ruleSentence = (kb: KnowledgeBase, text: string, asks: Ask[]) => {
  const whole = OPEN_QUESTION.test(text);
  return sentenceOf(kb, text, 0.6, { about: topicsOf(asks), whole }) ?? sentenceOf(kb, text, 0.85, { whole });
};
/** "怎么办", "怎么算": what happens, asked of a rule as a whole. */
const OPEN_QUESTION = /(怎么办|咋办|怎么弄|咋弄|怎么算|咋算|怎么处理|咋处理|怎么整|咋整)/;

/**
 * A question without its punctuation, spaces and the words that change nothing of what is asked (particles, pronouns,
 * 可以/能): "41.5有吗？" and "有41.5吗", "能去店里试吗" and "可以去店里试一下吗" alike — but never two questions a word
 * of substance apart ("能去店里退吗").
 */
const bareQuestion = (text: string) =>
  normalize(text)
    // a range or a decimal keeps its mark ("3-6岁" is not 36岁), a negation the word it negates ("不能" is not "可以不")
    .replace(/(?<!\d)[\s\p{P}\p{S}]|[\s\p{P}\p{S}](?!\d)/gu, '')
    .replace(/(?<!不)(可以|能不能|可不可以|能)|请问|一下|你们|我们|您|你|我|的|了|吗|呢|啊|呀|嘛|么|吧|哈|哦|呐/g, '');

/** Each knowledge base's FAQ answers by their questions, read bare (built once per knowledge base). */
const ownQuestions = new WeakMap<KnowledgeBase, Map<string, Said>>();

/** The FAQ whose own question is the message, as the owner wrote it: the owner answered it in those words. */
function ownQuestion(kb: KnowledgeBase, text: string): Said | undefined {
  let byQuestion = ownQuestions.get(kb);
  if (!byQuestion) {
    byQuestion = new Map();
    for (const p of kb.passages) {
      if (p.kind !== 'faq') continue;
      for (const q of p.text.slice(0, p.text.length - p.answer.length).split(' ')) {
        const bare = bareQuestion(q);
        if (bare.length >= 2 && !byQuestion.has(bare))
          byQuestion.set(bare, { text: p.answer.replace(/[。；;！!]$/, ''), cited: [p.id] });
      }
    }
    ownQuestions.set(kb, byQuestion);
  }
  return byQuestion.get(bareQuestion(text));
}

/**
 * An FAQ that closely matches the question and whose own question names one of these products by a word of its name
 * that few other products share ("龙井" of 明前西湖龙井, not "蛋糕" of every cake).
 */
function faqAbout(kb: KnowledgeBase, text: string, products: KnownProduct[]): Said | undefined {
  const found = bestSentence(kb, text, 0.8, { kinds: ['faq'], held: true });
  if (!found) return undefined;
  const nameOf = (p: KnownProduct) => [p.name, ...(p.aliases ?? [])].map(clean).join(' ');
  const names = products.map(nameOf);
  const everyName = kb.products.map(nameOf);
  const naming = (w: string) =>
    w.length >= 2 && names.some((n) => n.includes(w)) && everyName.filter((n) => n.includes(w)).length <= 2;
  return found.asked?.some((q) => q.some(naming)) ? { text: found.text, cited: found.cited } : undefined;
}

/**
 * A named product's own line (an attribute, a sentence of its description) that says what is asked in other words than
 * the attribute's name ("一节课多长时间" → 上课频次：…每次45分钟), read without the product's names.
 */
const productLine = (kb: KnowledgeBase, products: KnownProduct[], text: string): Said | undefined =>
  products.length
    ? sentenceOf(kb, withoutNames(text, products), PRODUCT_LINE, { products: products.map((p) => String(p._id)) })
    : undefined;
/** How much of the question a product's line must cover. */
const PRODUCT_LINE = 0.6;

const end = (s: string) => (/[。！～!?？]$/.test(s) ? s : `${s}。`);
/** The customer's words for the part a person answers, unless they carry numbers the guardrails would read as facts. */
const asked = (text: string) => {
  const t = text.replace(/[？?。！!～~\s]+$/g, '');
  return /\d/.test(t) || t.length > 20 ? '其余的问题' : `「${t}」`;
};

export function offlineAnswer(kb: KnowledgeBase, message: string, context: OfflineContext = {}): AiAnswer {
  forgetReadings();
  if (detectIntent(message) === 'opt_out') return handoff('opt-out is handled before the engine');
  const index = shopIndex(kb);
  const question = normalizeMessage(message, index);
  const risk = detectRisk(question, kb.merchant.industry);
  // "想找店长给我剪 价格是多少" where 店长 is a tier the shop prices: a price question, not a person asked for — when
  // nothing else in it asks for one or complains ("让店长联系我", "乱收费")
  const tiers = index.products.flatMap((e) =>
    (e.product.variants ?? []).flatMap((v) =>
      v.options.map((o) => o.value).filter((value) => value.length >= 2 && question.includes(value)),
    ),
  );
  const priced =
    tiers.length > 0 &&
    /(价格|多少|几块|价钱|贵不贵)/.test(question) &&
    !detectRisk(
      tiers.reduce((t, value) => t.split(value).join(''), question),
      kb.merchant.industry,
    );
  if (risk === 'human' && !priced) return handoff('customer asked for a person', HANDOFF_REPLY);
  if (risk === 'complaint' || risk === 'demand') return handoff('complaint', COMPLAINT_REPLY);
  if (risk === 'attack') return handoff('asks the bot to break its rules or for other customers’ data', ATTACK_REPLY);
  if (risk === 'problem' || risk === 'incident') {
    const rule = sentenceOf(kb, question, 0.6) ?? faqOf(kb, question, 0.4) ?? policyOf(kb, 'refund');
    if (!rule) return handoff('complaint', COMPLAINT_REPLY);
    if (risk === 'problem') return result(end(rule.text), rule.cited, 'after-sales rule', false, 0.8);
    return result(
      `${end(rule.text)}我也请店员马上跟进您这单～`,
      rule.cited,
      'a problem with an order: the after-sales rule, and a person follows up',
      true,
      0.5,
    );
  }

  // asked nothing: no question word or mark ("你家肉包是我吃过最好吃的" names no ask, whatever 最好吃 sets off)
  if (PRAISE.test(question) && !NOT_PRAISE.test(question) && !QUESTION.test(question))
    return result('谢谢您的喜欢，欢迎常来～', [], 'praise', false, 0.9);

  const chat = recall(
    index,
    (context.history ?? []).map((h) => normalizeMessage(h, index)),
  );
  const texts = splitQuestions(question, asksSomething);
  const said: Said[] = [];
  /** one sentence said once, however many parts of the message it answers */
  const say = (x: Said) => {
    if (!said.some((s) => s.text === x.text)) said.push(x);
  };
  const unanswered: string[] = [];
  /** questions asking for a slot at a given time: a person's, unless the answer settles them ("周二店休") */
  const slots: string[] = [];
  let before: Topic = { products: [], asks: [] };
  let smalltalk: 'greeting' | 'thanks' | undefined;
  const remarks: string[] = [];
  for (const text of texts) {
    const part = readPart(index, text, before, chat);
    // a bulk order's price ("公司订50份 有团购价吗") is bargained with a person, not a listed promotion
    if (BULK.test(text) && part.asks.includes('promotion') && !part.asks.includes('haggle'))
      part.asks = part.asks.map((a) => (a === 'promotion' ? 'haggle' : a));
    if (part.products.length) before = { products: part.products, asks: part.asks };
    if (part.asks.length === 1 && (part.asks[0] === 'greeting' || part.asks[0] === 'thanks')) {
      smalltalk ??= part.asks[0];
      continue;
    }
    // the owner's own question as written (give or take particles, pronouns and 可以/能), naming no product: the
    // owner's answer, whatever else it seems to ask
    const own = part.products.length && !part.byWord ? undefined : ownQuestion(kb, text);
    if (own) {
      say(own);
      continue;
    }
    // a slot at a given time, an exception to a rule, a health question the FAQ does not name: a person settles it,
    // beside whatever the data answers of the rest (a near sentence says nothing to a health question)
    const person = personNeeded(kb, text);
    if (person === 'slot') slots.push(text);
    else if (person) unanswered.push(text);
    if (person === 'health') continue;
    // the shop's own FAQ says it in the customer's words ("狗多久洗一次" → 多久洗一次澡合适, "茶饼硬邦邦的 怎么弄开"
    // holds 茶饼怎么拆): that, before reading the question's parts, unless it asks what the catalog holds; with a
    // product named, only an FAQ the owner wrote about that product ("龙井颜色发黄是陈茶吗" over its attributes)
    // (a thing asked for by what it is made with, "有没有坚果", may be the owner's own question about allergens)
    const catalog =
      !part.madeWith && part.asks.some((a) => ['price', 'stock', 'options', 'hours', 'closed_day'].includes(a));
    // …or a stock word asked under a condition the owner's own question names ("来大姨妈了还能做精油spa吗" holds
    // 来例假能做吗): whether it can be done for them, not whether it is in stock
    // (read without the product's names and the choice named: "精油spa90分钟")
    const conditioned =
      catalog && part.asks.every((a) => a === 'stock') && part.products.length
        ? sentenceOf(
            kb,
            part.products
              .flatMap((p) => [...namedOptions(text, p).values()])
              .reduce((t, value) => t.split(value).join(''), withoutNames(text, part.products)),
            0.8,
            { kinds: ['faq'], held: true },
          )
        : undefined;
    const closeFaq = catalog
      ? conditioned
      : part.products.length && !part.madeWith
        ? faqAbout(kb, text, part.products)
        : (faqOf(kb, text, 0.8) ?? sentenceOf(kb, text, 0.8, { kinds: ['faq'], held: true }));
    if (closeFaq) {
      say(closeFaq);
      continue;
    }
    // "有燕麦奶吗", "燕麦奶加几块": an add-on several products offer, asked of none of them (its charge, and which);
    // not what it is made of ("什么牌子的燕麦奶"), nor a rule the lexicon read
    const catalogOnly = part.asks.every((a) => a === 'price' || a === 'stock' || a === 'options');
    const shared =
      part.products.length || part.asks.includes('attribute') || (!catalogOnly && lexiconAsks(text).length)
        ? undefined
        : addonAcrossProducts(kb, text);
    if (shared) {
      say(shared);
      continue;
    }
    // a question about the shop's rules or services in words of its own ("预约了想改时间要收费吗", "寄养几点前接不算
    // 一晚"): the shop's sentence that says it, before the general answer of the topic the lexicon saw
    // …or in a word the products share, or no product's, asking no value of them ("请假扣课时吗" names 课时;
    // "一课时多长时间" asks its length): the rule the words are of
    const rule =
      part.asks.length && part.asks.every((a) => RULE_ASKS.includes(a)) && !namedWeekdays(text).length
        ? ruleSentence(kb, withoutNames(text, part.products), part.asks)
        : (part.byWord || !part.products.length) &&
            part.asks.length > 0 &&
            part.asks.every((a) => a === 'attribute') &&
            !asksMeasure(text)
          ? sentenceOf(kb, text, 0.8, { kinds: ['policy'], whole: OPEN_QUESTION.test(text) })
          : undefined;
    if (rule) {
      say(rule);
      continue;
    }
    const addon = part.asks.length ? undefined : addonOf(part.products, text);
    if (addon) {
      say(addon);
      continue;
    }
    if (!part.asks.length) {
      // a remark beside a question ("想直接过去买") is not searched for an answer of its own
      const faq =
        texts.length === 1 || QUESTION.test(text)
          ? (productLine(kb, part.products, text) ?? sentenceOf(kb, text, 0.55) ?? faqOf(kb, text))
          : undefined;
      if (faq) say(faq);
      // a remark among questions ("上次用着不错") needs no answer; "送锅不" after the delivery rule that says
      // 带一次性锅 is answered already
      else if ((texts.length === 1 || QUESTION.test(text)) && !answeredBy(said, text)) unanswered.push(text);
      continue;
    }
    const missing: Ask[] = [];
    let unknown = false;
    let answeredOne = false;
    for (const ask of part.asks) {
      const a = answerAsk(kb, part, ask, said.map((x) => x.text).join('；'));
      // a shop with no word against bargaining: what discounts it gives, and a person decides on the price
      if (ask === 'haggle' && a && a !== 'unknown' && 'fixed' in a && !a.fixed) {
        said.push({ text: a.text, cited: a.cited });
        unknown = true;
      } else if (a === 'unknown') unknown = true;
      else if (a) {
        answeredOne = true;
        if (!said.some((s) => s.text.includes(a.text))) said.push(a);
      } else missing.push(ask);
    }
    // "停车收费吗", "学费能刷信用卡分期不": the rule answered; a product ask with no product adds nothing to hand over
    const answeredAll = missing.every((a) => answeredOne && !part.products.length && PRODUCT_ASKS.includes(a));
    if (unknown) unanswered.push(text);
    else if (!answeredAll) {
      // an attribute the product's data lacks ("牛肉是哪儿产的") is a person's to answer, not a near sentence's
      const faq =
        productLine(kb, part.products, text) ??
        (part.asks.includes('attribute')
          ? undefined
          : (sentenceOf(kb, text, 0.55) ?? sentenceOf(kb, withoutNames(text, part.products), 0.55))) ??
        faqOf(kb, text);
      if (faq) say(faq);
      // "加多少" after "可以加芋圆吗": nothing of its own left that the answer before did not cover; "能报销不"
      // after the parking rule that says 不报销: already answered
      else if (
        !faq &&
        !(said.length && substanceOf(text, part.products).length <= 1) &&
        !answeredBy(said, withoutNames(text, part.products))
      ) {
        // a remark among questions ("学费一次交有点吃力" before "能不能分几次付") is their context, not a question
        if (texts.length > 1 && !QUESTION.test(text)) remarks.push(text);
        else unanswered.push(text);
      }
    }
  }
  if (!said.length && !unanswered.length) unanswered.push(...remarks);
  // a greeting before English it could not read ("hi do you cut women's short hair?") is a question for a person
  // (not the thanks it says: "thanks a lot, have a good night")
  if (!said.length && !unanswered.length && smalltalk !== 'thanks' && unreadEnglish(question, index.latinWords))
    unanswered.push(question);
  if (!said.length && !unanswered.length) {
    if (smalltalk === 'thanks') return result('不客气，有需要随时找我～', [], 'thanks', false, 0.9);
    return result(`您好，这里是${kb.merchant.name}，请问有什么可以帮您？`, [], 'greeting', false, 0.9);
  }
  // a slot at a given time is a person's, unless what was said settles it ("周二店休": no booking is asked then)
  if (slotSettled(said, slots)) unanswered.splice(0, unanswered.length, ...unanswered.filter((u) => !asksForRoom(u)));
  else unanswered.push(...slots);
  // "演出服费用另外通知": the shop's own words leave the point asked to later, so a person answers it
  if (!unanswered.length && defersAsked(said, question)) unanswered.push(question);
  const answer = said.map((s) => s.text.replace(/[。；;]+$/, '')).join('；');
  const cited = said.flatMap((s) => s.cited);
  if (!unanswered.length) return result(end(answer), cited, 'answered from the shop data', false, 0.9);
  if (!said.length) return handoff('not in the shop data');
  return result(
    `${end(answer)}${[...new Set(unanswered.map(asked))].join('、')}我请店员确认一下，稍后回复您～`,
    cited,
    'partly answered; the rest is not in the shop data',
    true,
    0.5,
  );
}
