// The shop's own sentence that answers a question the topic lexicon cannot place: a policy's rule ("请假需在上课前24
// 小时…" for "孩子生病了要请假"), a line of the owner's facts ("店里有儿童座椅2把" for "有宝宝椅吗"), an FAQ asked in
// other words. Questions and the shop's texts are read in the shop's words (shop-words.ts) and cut into words; each
// word of the question counts by how rare it is in the shop's texts, and a word the shop's data never uses (怀孕,
// 兼职, 发票) counts most: a question about something the data does not cover is left to a person.
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { cutWords, normalize } from '../knowledge/tokenizer.js';
import type { Said } from './answers.js';
import { toShopWords } from './shop-words.js';

interface Unit {
  id: string;
  /** what is said when it matches */
  say: string;
  /** what it is matched against: the sentence with its policy's title, or an FAQ's questions and answer */
  keys: string;
}

interface SentenceIndex {
  units: Unit[];
  /** in how many units each question word was found (memoised per word) */
  df: Map<string, number>;
}

const cache = new WeakMap<KnowledgeBase, SentenceIndex>();

/** Words that carry no topic: the words of asking, pronouns, particles. */
const FUNCTION_WORD =
  /^(吗|呢|吧|啊|呀|嘛|么|了|的|地|得|着|过|是|有|在|和|与|或|就|都|也|还|又|很|太|好|再|才|只|要|想|会|能|可以|可不可以|能不能|能否|是不是|有没有|会不会|行不行|请问|一下|怎么|怎么样|怎样|咋|咋办|怎么办|什么|啥|哪|哪里|哪儿|几|几个|几位|多少|多少个|多久|我|你|您|他|她|它|我们|你们|咱们|我家|你家|这|那|这个|那个|这些|那些|个|一|不|没|没有|给|把|被|让|对|从|向|去|来|到|说|问|知道|现在|一般|一个|如果|的话|吗吗|呗|哦|嗯|哈|哎|诶|店里|你们店|老板|亲)$/;

const sentencesOf = (text: string) =>
  text
    .split(/(?<=[。；;！!？?\n])/)
    .map((s) => s.trim())
    .filter((s) => s.replace(/[。；;！!？?\s]/g, '').length >= 4);

const read = (text: string) => normalize(toShopWords(text)).replace(/\s+/g, '');

function sentenceIndex(kb: KnowledgeBase): SentenceIndex {
  const hit = cache.get(kb);
  if (hit) return hit;
  const units: Unit[] = [];
  for (const p of kb.passages) {
    if (p.kind === 'faq')
      units.push({
        id: p.id,
        say: p.answer,
        keys: read(`${p.text.slice(0, p.text.length - p.answer.length)} ${p.answer}`),
      });
    else if (p.kind === 'policy')
      for (const s of sentencesOf(p.content)) units.push({ id: p.id, say: s, keys: read(`${p.title} ${s}`) });
    else if (p.kind === 'fact')
      for (const s of sentencesOf(p.fact.text))
        units.push({ id: p.id, say: s, keys: read(`${p.fact.label ?? ''} ${s}`) });
  }
  const index = { units, df: new Map<string, number>() };
  cache.set(kb, index);
  return index;
}

/** The question's words that name something: words of two characters or more, and single characters (椅, 接). */
function contentWords(text: string): { word: string; weight: number }[] {
  const words = cutWords(read(text)).filter((w) => /[\u4e00-\u9fffa-z0-9]/.test(w) && !FUNCTION_WORD.test(w));
  return [...new Set(words)].map((word) => ({ word, weight: word.length >= 2 ? 1 : 0.5 }));
}

/**
 * Does what was already said hold the words of this question ("能报销不" after "店里不报销停车费", "几个人能坐" after
 * "每间坐8-10人")? Then the question needs no person.
 */
export function answeredBy(said: Said[], question: string): boolean {
  const words = contentWords(question).filter((w) => w.word.length >= 2 || /[\u4e00-\u9fff]/.test(w.word));
  if (!words.length || !said.length) return false;
  const text = read(said.map((s) => s.text).join(' '));
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
export function sentenceOf(kb: KnowledgeBase, text: string, minCoverage = 0.6): Said | undefined {
  const found = bestSentence(kb, text, minCoverage);
  return found && { text: found.text, cited: found.cited };
}

/** sentenceOf with how much of the question the sentence covers. */
export function bestSentence(
  kb: KnowledgeBase,
  text: string,
  minCoverage: number,
): (Said & { score: number }) | undefined {
  const index = sentenceIndex(kb);
  const n = index.units.length;
  if (!n) return undefined;
  const words = contentWords(text);
  if (!words.length) return undefined;
  const df = (w: string) => {
    let d = index.df.get(w);
    if (d === undefined) {
      d = index.units.filter((u) => u.keys.includes(w)).length;
      index.df.set(w, d);
    }
    return d;
  };
  const weighted = words.map(({ word, weight }) => ({ word, w: weight * Math.log(1 + n / (1 + df(word))) }));
  const total = weighted.reduce((s, x) => s + x.w, 0);
  let best: { unit: Unit; score: number } | undefined;
  for (const unit of index.units) {
    let got = 0;
    let specific = false;
    for (const { word, w } of weighted) {
      if (!unit.keys.includes(word)) continue;
      got += w;
      if (word.length >= 2 && df(word) <= Math.max(2, n / 4)) specific = true;
    }
    const score = got / total;
    if (specific && score >= minCoverage && (!best || score > best.score)) best = { unit, score };
  }
  if (!best) return undefined;
  return { text: best.unit.say.replace(/[。；;！!]$/, ''), cited: [best.unit.id], score: best.score };
}
