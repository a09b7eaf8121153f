// The shop's own sentence that answers a question the topic lexicon cannot place: a policy's rule ("请假需在上课前24
// 小时…" for "孩子生病了要请假"), a line of the owner's facts ("店里有儿童座椅2把" for "有宝宝椅吗"), an FAQ asked in
// other words. Questions and the shop's texts are read alike, in the shop's words (shop-words.ts) and then in the
// concepts of everyday Chinese (training/concepts.tsv: "来不了" and "改期" are both 取消), and cut into words; each
// word of the question counts by how rare it is in the shop's texts (an IDF over the shop's own sentences), and a
// word the shop's data never uses (怀孕, 兼职, 发票) counts most: a question about something the data does not cover
// is left to a person. An FAQ also matches the other way round: when the customer's message holds the words of one of
// the owner's questions ("茶饼怎么拆" in "茶饼硬邦邦的 怎么弄开"), whatever else the message says around it.
import { readFileSync } from 'node:fs';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { cutWords, normalize } from '../knowledge/tokenizer.js';
import type { Said } from './answers.js';
import { lexiconAsks } from './asks.js';
import { compileShopWords, readShopWords, toShopWords } from './shop-words.js';

interface Unit {
  id: string;
  kind: 'faq' | 'policy' | 'fact' | 'attribute';
  /** what it is about: the asks its own words name, its policy's kind, its fact's topic */
  about: string[];
  /** what is said when it matches */
  say: string;
  /** what it is matched against: the sentence with its policy's title, or an FAQ's questions and answer */
  keys: string;
  /** what it says, read as the keys are (kept once computed) */
  own?: string;
  /** an FAQ's own questions, each as its words (matched the other way round: are they in the customer's message?) */
  asked?: string[][];
  /** a product line's product */
  product?: string;
}

interface SentenceIndex {
  units: Unit[];
  /** each product's attributes and description, a line each: matched only when a question names the product */
  lines: Unit[];
  /** in how many units each question word was found (memoised per word) */
  df: Map<string, number>;
  /** the same over the units and the product lines */
  dfLines: Map<string, number>;
}

const cache = new WeakMap<KnowledgeBase, SentenceIndex>();

/** Words that carry no topic: the words of asking, pronouns, particles. */
const FUNCTION_WORD =
  /^(上|下|里|过去|过来|钱|临时|突然|有事|有点事|有点|有些|特别|非常|真的|好像|容易|比较|一直|总是|经常|已经|还是|可能|应该|大概|其实|稍微|看看|试试|行|成|可|敢|敢不敢|得|需要|用不用|要不要|算|自己|这样|那样|这么|那么|怎么弄|弄|搞|办|做法|情况|东西|有啥|有什么|咋样|如何|是否|能否|多|少|吗|呢|吧|啊|呀|嘛|么|了|的|地|得|着|过|是|有|在|和|与|或|就|都|也|还|又|很|太|好|再|才|只|要|想|会|能|可以|可不可以|能不能|能否|是不是|有没有|会不会|行不行|请问|一下|怎么|怎么样|怎样|咋|咋办|怎么办|什么|啥|哪|哪里|哪儿|几|几个|几位|多少|多少个|多久|我|你|您|他|她|它|我们|你们|咱们|我家|你家|这|那|这个|那个|这些|那些|个|一|不|没|没有|给|把|被|让|对|从|向|去|来|到|说|问|知道|现在|一般|一个|如果|的话|吗吗|呗|哦|嗯|哈|哎|诶|店里|你们店|老板|亲)$/;

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[。；;！!？?\n])/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[。；;！!？?\s]/g, '').length >= 4);

/** When something happens, which says nothing of what is asked ("约了明天下午", "这周去不了"). */
const TIME_WORD =
  /^(今天|明天|后天|今晚|明晚|昨天|昨晚|前天|上午|下午|晚上|中午|早上|傍晚|凌晨|最近|刚才|刚刚|刚|马上|这周|下周|上周|这个月|下个月|上个月|今年|明年|去年|现在|平时)$/;

const concepts = compileShopWords(
  readShopWords(readFileSync(new URL('./training/concepts.tsv', import.meta.url), 'utf8')),
);

/**
 * The texts read for the answer being made: one question is read again by every sentence search of its answer. Kept
 * for one answer only (forgetReadings), so a benchmark that asks the same question again measures a real answer.
 */
const readings = new Map<string, string>();
export const forgetReadings = () => readings.clear();
const read = (text: string) => {
  let r = readings.get(text);
  if (r === undefined) {
    r = concepts(normalize(toShopWords(text))).replace(/\s+/g, '');
    if (readings.size >= 2000) readings.clear();
    readings.set(text, r);
  }
  return r;
};

function sentenceIndex(kb: KnowledgeBase): SentenceIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const units: Unit[] = [];
  for (const p of kb.passages) {
    if (p.kind === 'faq') {
      const questions = p.text.slice(0, p.text.length - p.answer.length);
      units.push({
        id: p.id,
        kind: 'faq',
        about: lexiconAsks(questions),
        say: p.answer,
        keys: read(`${questions} ${p.answer}`),
        asked: questions
          .split(' ')
          .map((q) => contentWords(q).map((w) => w.word))
          .filter((q) => q.length),
      });
    } else if (p.kind === 'policy')
      for (const s of sentencesOf(p.content))
        units.push({
          id: p.id,
          kind: 'policy',
          about: [p.policyKind, ...lexiconAsks(`${p.title} ${s}`)],
          say: s,
          keys: read(`${p.title} ${s}`),
        });
    else if (p.kind === 'fact')
      for (const s of sentencesOf(p.fact.text))
        units.push({
          id: p.id,
          kind: 'fact',
          about: [p.fact.topic, ...lexiconAsks(s)],
          say: s,
          keys: read(`${p.fact.label ?? ''} ${s}`),
        });
  }
  // a product's own lines are read without its name: the question they answer is read without it too
  const lines: Unit[] = [];
  for (const p of kb.passages) {
    if (p.kind !== 'product') continue;
    const { product } = p;
    const line = (say: string, keys: string) =>
      lines.push({ id: p.id, kind: 'attribute', about: [], say, keys: read(keys), product: String(product._id) });
    for (const a of product.attributes ?? []) line(`${product.name}${a.name}：${a.value}`, `${a.name} ${a.value}`);
    for (const s of sentencesOf(product.description ?? '')) line(`${product.name}：${s}`, s);
  }
  const index = { units, lines, df: new Map<string, number>(), dfLines: new Map<string, number>() };
  cache.set(kb, index);
  return index;
}

/** The question's words that name something: words of two characters or more, and single characters (椅, 接). */
function contentWords(text: string, known?: (word: string) => boolean): { word: string; weight: number }[] {
  // numbers are the customer's own quantities and times ("50斤", "3个月"), not what is asked
  const cut = cutWords(read(text)).map((w) =>
    /[\u4e00-\u9fffa-z]/.test(w) && !TIME_WORD.test(w) && !FUNCTION_WORD.test(w) ? stem(w) : '',
  );
  // two characters jieba left apart ("茶|饼"): the word they make, when the shop's texts use it, in their place
  const words: string[] = [];
  for (let i = 0; i < cut.length; i++) {
    const pair = `${cut[i]}${cut[i + 1] ?? ''}`;
    if (/^[\u4e00-\u9fff]{2}$/.test(pair) && cut[i]!.length === 1 && (!known || known(pair))) {
      words.push(pair);
      i++;
    } else if (cut[i] && !FUNCTION_WORD.test(cut[i]!)) words.push(cut[i]!);
  }
  return [...new Set(words)].map((word) => ({ word, weight: word.length >= 2 && !/^\d+$/.test(word) ? 1 : 0.5 }));
}

/**
 * A word as the shop's texts may hold it: a doubled character once ("黄黄" → 黄), without the count or the modal verb
 * before it ("一桌" ~ "每桌", "几张" ~ "2张", "能用" ~ "用").
 */
const stem = (w: string) =>
  w
    .replace(/^([\u4e00-\u9fff])\1$/, '$1')
    .replace(
      /^([\d一二两三四五六七八九十几]+(?=[个张次位天号岁斤块元人节份杯盒瓶罐桌点件条只碗周月年遍])|每|这|那|哪|多少|能|会|可以|要|想|还|再)(?=[\u4e00-\u9fff])/,
      '',
    );

/**
 * Does what was already said hold the words of this question ("能报销不" after "店里不报销停车费", "几个人能坐" after
 * "每间坐8-10人")? Then the question needs no person.
 */
export function answeredBy(said: Said[], question: string): boolean {
  if (!said.length) return false;
  // a short question for a value the answer before already gives, the thing asked beside it ("最少要租几个月" after
  // 最短租3个月, "要买到多少" after 满1000元, "搜啥名字" after 搜“咔滋鸡”); "押金要多少" after 月租300元 is not
  const plain = said.map((s) => s.text).join(' ');
  // a bare "还要另外加钱吗" after what the price includes or that it is free: settled; after a price alone it is not
  if (BARE_CHARGE.test(question.replace(/[^\u4e00-\u9fff]/g, '')) && /(包含|包括|免费|不收|不加钱)/.test(plain))
    return true;
  const bare = question.replace(/[^\u4e00-\u9fff\w]/g, '');
  if (
    bare.length <= 8 &&
    VALUES.some(([asked, value, beside]) => asked.test(bare) && valueBeside(plain, value, beside ? bare : ''))
  )
    return true;
  const text = read(plain);
  const words = contentWords(question, (w) => text.includes(w)).filter(
    (w) => w.word.length >= 2 || /[\u4e00-\u9fff]/.test(w.word),
  );
  if (!words.length) return false;
  const found = words.filter((w) => text.includes(w.word));
  // every word found, or most with a word of two characters among them
  return (
    (found.length === words.length && words.length >= 2) ||
    (found.some((w) => w.word.length >= 2) && found.length / words.length >= 0.75)
  );
}

/**
 * The shop's sentence (or FAQ answer) whose words cover most of the question's, weighted by rarity; none when the
 * best covers less than `minCoverage` of it, or when it shares only words found all over the shop's texts.
 */
export function sentenceOf(kb: KnowledgeBase, text: string, minCoverage = 0.6, only: Only = {}): Said | undefined {
  const found = bestSentence(kb, text, minCoverage, only);
  return found && { text: found.text, cited: found.cited };
}

/** sentenceOf with how much of the question the sentence covers. */
export function bestSentence(
  kb: KnowledgeBase,
  text: string,
  minCoverage: number,
  only: Only = {},
): (Said & { score: number; asked?: string[][] }) | undefined {
  const index = sentenceIndex(kb);
  // a product's lines are weighed against everything the shop writes, its other products' lines too
  const products = only.products;
  const all = products ? [...index.units, ...index.lines] : index.units;
  const candidates = products ? index.lines.filter((u) => products.includes(u.product!)) : index.units;
  const memo = products ? index.dfLines : index.df;
  const n = all.length;
  if (!n || !candidates.length) return undefined;
  const df = (w: string) => {
    let d = memo.get(w);
    if (d === undefined) {
      d = all.filter((u) => u.keys.includes(w)).length;
      memo.set(w, d);
    }
    return d;
  };
  const words = contentWords(text, (w) => df(w) > 0);
  if (!words.length) return undefined;
  // a word the shop's texts never use counts most: the question is about something the data may not cover
  const idf = (w: string) => (df(w) || /^\d+$/.test(w) ? Math.log(1 + n / (1 + df(w))) : UNKNOWN * Math.log(1 + n));
  // a branch's name ("汉街店", "狮山校区") says where, not what is asked
  const branches = kb.shops.map((shop) => read(/[（(](.+?)[）)]/.exec(shop.name)?.[1] ?? ''));
  const specific = (w: string) =>
    w.length >= 2 && !/^\d+$/.test(w) && df(w) <= Math.max(2, n / 4) && !branches.some((b) => b.includes(w));
  // …but a single character the shop never writes ("前天剪的…再修修吗": 修 beside 修剪) is mostly the customer's own
  // way of talking: it counts a little, not most
  const weighted = words.map(({ word, weight }) => ({
    word,
    w: (df(word) || word.length >= 2 ? weight : 0.1) * idf(word),
  }));
  const total = weighted.reduce((s, x) => s + x.w, 0);
  const said = read(text);
  let best: { unit: Unit; score: number; density: number; itself: number } | undefined;
  const covering: { unit: Unit; score: number; itself: number }[] = [];
  for (const unit of candidates) {
    if (only.kinds && !only.kinds.includes(unit.kind)) continue;
    if (only.about && !unit.about.some((a) => only.about!.includes(a))) continue;
    let got = 0;
    let isSpecific = false;
    let rareCharacters = 0;
    for (const { word, w } of weighted) {
      if (!unit.keys.includes(word)) continue;
      got += w;
      if (specific(word)) isSpecific = true;
      if (/^[\u4e00-\u9fff]$/.test(word) && df(word) <= Math.max(2, n / 4)) rareCharacters++;
    }
    // rare characters say enough only when every word of two characters or more is in the sentence too
    if (weighted.some(({ word }) => word.length >= 2 && !unit.keys.includes(word))) rareCharacters = 0;
    // a rare word of the question in it, or two rare characters ("一桌…几张" in "每桌限用1张")
    let score = (isSpecific || rareCharacters >= 2 || only.loose) && !only.held ? got / total : 0;
    // the owner's own question inside the customer's message: its rarest words all there
    // (of two words at least: one word held, "学期" of "一学期多久", says little of what is asked)
    for (const asked of (unit.asked ?? []).filter((q) => q.length >= 2)) {
      const weights = asked.map((w) => ({ w, idf: (w.length >= 2 ? 1 : 0.5) * idf(w), found: said.includes(w) }));
      // one rare word of two characters or more, or three rare characters ("面…煮…软")
      const rare = weights.filter((x) => x.found && df(x.w) <= Math.max(2, n / 4));
      if (!rare.some((x) => specific(x.w)) && rare.length < 3) continue;
      const held = weights.reduce((s, x) => s + (x.found ? x.idf : 0), 0) / weights.reduce((s, x) => s + x.idf, 0);
      if (held >= REVERSE_HELD) score = Math.max(score, held * (REVERSE_BASE + (1 - REVERSE_BASE) * (got / total)));
    }
    if (score < minCoverage || score <= 0 || (best && score < best.score - 1e-9)) continue;
    // between sentences that cover the question alike, the one that says its words itself, not only through its
    // policy's title ("储值卡能退吗": "储值卡原则上不退" over "没用过的次卡…全额退" under 次卡与储值卡), then the one most
    // about it: its words the most of the sentence
    // (an FAQ's own questions are its words: only a policy's title or a fact's label is not the sentence's)
    unit.own ??= unit.kind === 'faq' ? unit.keys : read(unit.say);
    const itself = weighted.reduce((s, { word, w }) => s + (unit.own!.includes(word) ? w : 0), 0);
    const density = weighted.reduce((s, { word }) => s + unit.keys.split(word).length - 1, 0) / unit.keys.length;
    const better =
      !best ||
      score > best.score + 1e-9 ||
      itself > best.itself + 1e-9 ||
      (itself > best.itself - 1e-9 && density > best.density);
    if (better) best = { unit, score, density, itself };
    if (only.whole) covering.push({ unit, score, itself });
  }
  if (!best) return undefined;
  // "课上不了怎么办": the rule's sentences that say the question's words as fully, in the owner's order (both the
  // notice that costs nothing and the late one that costs a class), not only the shortest
  const found = best;
  const sentences = only.whole
    ? covering
        .filter(
          (c) =>
            c.unit.id === found.unit.id &&
            c.score > found.score - 1e-9 &&
            c.itself > found.itself - 1e-9 &&
            c.unit.kind === 'policy',
        )
        .map((c) => c.unit)
        .sort((a, b) => candidates.indexOf(a) - candidates.indexOf(b))
        .slice(0, 3)
    : [found.unit];
  return {
    text: (sentences.length ? sentences : [found.unit]).map((u) => u.say.replace(/[。；;！!]$/, '')).join('；'),
    cited: [best.unit.id],
    score: best.score,
    asked: best.unit.asked,
  };
}

/** Which of the shop's sentences may answer. */
export interface Only {
  /** FAQ answers, policy sentences, fact sentences */
  kinds?: Unit['kind'][];
  /** sentences about one of these asks, policy kinds or fact topics */
  about?: string[];
  /** only an FAQ whose own question the message holds */
  held?: boolean;
  /** no rare word need be shared (the sentences are already few: those about one topic) */
  loose?: boolean;
  /** only these products' own lines (attributes, description), by product id */
  products?: string[];
  /** every sentence of the best one's policy that covers the question as fully, not only the best */
  whole?: boolean;
}

/** Short questions for a value, and how an answer gives one. */
const VALUES: [RegExp, RegExp, boolean][] = [
  [/(几个月|多少个月|多久|多长时间|几天|多少天|几年|几周)/, /\d+\s*(个月|天|年|周|小时)/g, true],
  // a threshold says what it is of itself ("满1000元")
  [/(买到多少|满多少|消费到多少|达到多少)/, /满\d+(\.\d+)?元/g, false],
  [/(多少钱|几块|充多少|多少$)/, /\d+(\.\d+)?\s*元/g, true],
  [/((啥|什么)名字|叫什么|搜什么|搜啥)/, /[“"「『][^”"」』]+[”"」』]/g, true],
  // "人多不多" after "每节最多6人": the head count said
  [/^(人多不多|人多吗|人多不|人挤不挤|挤不挤)/, /\d+\s*(人|个人|位)/g, false],
  // "加山楂另外收钱吗" after "加山楂碎加2元": the charge of the thing asked said beside it
  [/(另外收|另收|额外收|单独收|收钱|要钱|加钱|收费)/, /\d+(\.\d+)?\s*元|免费|不收/g, true],
];
/** An extra charge asked of nothing named: "还要另外加钱吗", "要额外收费吗". */
const BARE_CHARGE = /^(那|还|也)?(要|会|需要)?(另外|额外|单独)?(加钱|收钱|收费|要钱|付钱)(吗|么|不|嘛)?$/;
/** Words that ask, not what is asked about. */
const ASKING_WORDS =
  /(最少|最多|至少|大概|一般|另外|额外|单独|收钱|要钱|加钱|收费|要|得|需要|多少钱|多少个月|多少天|多少|几个月|几天|几年|几周|多久|多长时间|啥|什么|名字|叫|几块|吗|呢|啊)/g;

/**
 * A value of the kind asked in the answer, with a character of what the question asks about just before it (any
 * value of the kind when no question is given).
 */
function valueBeside(answer: string, value: RegExp, question: string): boolean {
  const chars = [...question.replace(ASKING_WORDS, '').replace(/[还也都那这]/g, '')].filter((c) =>
    /[\u4e00-\u9fff]/.test(c),
  );
  // 加 of an add-on is in every add-on's price ("加葡萄干加2元"): the thing added says which; waiting ("要等几天")
  // is for something to be done ("绣好大概要3天"), not any span ("保修30天")
  const about = (chars.length > 1 ? chars.filter((c) => c !== '加') : chars).filter((c) => c !== '等');
  if (chars.length && !about.length)
    return [...answer.matchAll(value)].some((m) => /[好完到出取拿][^，。；]{0,5}$/.test(answer.slice(0, m.index)));
  if (!question) return [...answer.matchAll(value)].length > 0;
  if (!about.length) return false;
  return [...answer.matchAll(value)].some((m) => {
    const before = answer.slice(Math.max(0, m.index - 4), m.index + 1);
    return about.some((c) => before.includes(c));
  });
}

/**
 * A question that asks for a value of some kind: a span (多久, 几个月), an age, a headcount, a weight, a clock time, a
 * day of the month.
 */
const MEASURE_ASKED =
  /(多长时间|多久|几分钟|多少分钟|几个小时|几小时|几天|多少天|几周|几个月|多少个月|几年|几岁|多大的?(孩子|小朋友|宝宝)|几个人|多少人|几人|几位|多重|几斤|几两|多少克|几点|什么时候[开关到送]|哪天|几号|哪一天)/;
export const asksMeasure = (text: string) => MEASURE_ASKED.test(text);

/** How much more a word the shop's texts never use counts than the rarest word they do use. */
const UNKNOWN = 1.5;

/** How much of an FAQ's own question the message must hold, and what that is worth before the rest is counted. */
const REVERSE_HELD = 0.75;
const REVERSE_BASE = 0.6;
