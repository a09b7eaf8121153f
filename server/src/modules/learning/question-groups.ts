// Customers' unanswered questions grouped by meaning, so the owner answers "can I bring my dog" once, not once per
// way it was typed. Near-duplicates only, without a model: the question stripped of what merely says "I am asking"
// (politeness, particles, asking words, punctuation), then the Dice overlap of its characters and character pairs.
// Characters alone would join 大杯/小杯; pairs alone would split 带狗狗进店/店里带狗狗; together they do neither.
import { normalize } from '../knowledge/tokenizer.js';

// Whole words first (longest first), then single particles; 有 only where it opens the question ("有发票吗").
const FILLER =
  /(请问|问一下|问下|想问|麻烦|你好|您好|老板|在吗|一下|你们|我们|店里面|可以|能不能|能否|是不是|有没有|会不会|多少钱|多少|怎么|如何|^有|[吗呢吧呀啊哦哈嘛的了是能亲]|[\p{P}\p{S}\s])/gu;

/** The part of a question that says what it is about. */
export const questionKey = (question: string): string => normalize(question).replace(FILLER, '');

function features(key: string): Set<string> {
  const chars = [...key];
  return new Set([...chars, ...chars.slice(1).map((c, i) => chars[i]! + c)]);
}

/** The features a question is looked up by: its pairs, or its characters when it has none. */
function lookups(keys: Set<string>): string[] {
  const pairs = [...keys].filter((f) => f.length > 1);
  return pairs.length ? pairs : [...keys];
}

function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let shared = 0;
  for (const f of a) if (b.has(f)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Two questions this close mean the same. */
const SAME = 0.5;
/** Each question is compared with a group's first few, which keeps a long list fast and groups from drifting. */
const COMPARED = 5;

/**
 * Groups questions that mean the same: each joins the group it is closest to (when close enough), in the order
 * given, so with the latest first each group's first member is its latest. Groups come back most asked first, ties
 * in the order their first member was given.
 */
export function groupQuestions<T extends { question: string }>(items: T[]): T[][] {
  const groups: { members: T[]; keys: Set<string>[] }[] = [];
  // character pair → the groups whose compared questions have it: a question is compared only with groups it shares
  // a pair with (a single character where it has no pair), which keeps a long list fast
  const holders = new Map<string, Set<number>>();
  for (const item of items) {
    const keys = features(questionKey(item.question));
    const candidates = new Set<number>();
    for (const f of lookups(keys)) for (const g of holders.get(f) ?? []) candidates.add(g);
    let best = -1;
    let bestScore = 0;
    for (const g of candidates) {
      for (const k of groups[g]!.keys) {
        const score = dice(keys, k);
        if (score > bestScore) [best, bestScore] = [g, score];
      }
    }
    const joined = best >= 0 && bestScore >= SAME ? best : groups.push({ members: [], keys: [] }) - 1;
    const group = groups[joined]!;
    group.members.push(item);
    if (group.keys.length >= COMPARED) continue;
    group.keys.push(keys);
    for (const f of lookups(keys)) holders.set(f, (holders.get(f) ?? new Set()).add(joined));
  }
  return groups
    .map((g, order) => ({ members: g.members, order }))
    .sort((a, b) => b.members.length - a.members.length || a.order - b.order)
    .map((g) => g.members);
}

/** Why the bot handed over; the reason strings are the engines' and the bot's own. */
interface Handover {
  intent: string;
  reason: string;
}

/** Intents no FAQ answers: a person is wanted, or what arrived is a picture, a file or a voice not read. */
const NOT_KNOWLEDGE = new Set(['human', 'complaint', 'opt_out', 'media']);

/**
 * A handover the shop's knowledge could have prevented. Complaints, requests for a person, attempts to make the bot
 * break its rules, media it could not read and a customer writing faster than the bot answers need a person whatever
 * the FAQ says.
 */
export function isKnowledgeGap(d: Handover): boolean {
  if (NOT_KNOWLEDGE.has(d.intent)) return false;
  return !/^(flood|complaint|customer asked for a person|opt-out|asks the bot to break its rules)/.test(d.reason);
}

/** The reason an owner reads. */
export function handoverReasonText(reason: string): string {
  if (reason.startsWith('guardrail')) return '机器人的回答没通过核对，已拦截';
  if (reason.includes('product not found')) return '店铺资料里没有这个商品';
  if (reason.startsWith('no business hours')) return '还没有设置营业时间';
  if (reason.startsWith('no shop address')) return '还没有填写门店地址';
  if (reason.startsWith('no shop phone')) return '还没有填写门店电话';
  if (reason === 'low confidence') return '机器人不确定怎么回答';
  if (reason.startsWith('partly answered')) return '只答了一部分，其余店铺资料里没有';
  return '店铺资料里没有答案';
}
