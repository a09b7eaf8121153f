// What only a person can settle, whatever the shop's data says beside it. The offline engine answers what it can of
// such a question and hands the rest over ("周六下午2点有空吗": the hours, and a person confirms the slot):
// - a slot at a given time: whether there is room then is in no data the bot holds;
// - an exception to a rule the shop states: a gift exchanged, more than the offer gives (the rule is answered, a person
//   decides);
// - a health question (pregnancy, diabetes, a baby) the owner's FAQ does not name: never answered from a near sentence;
// - something the shop is asked to do ("帮我留一双"): a person does it;
// - an answer whose own words defer the point asked ("演出服费用另外通知"): the shop has not said it yet.
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import type { Said } from './answers.js';

export type PersonNeeded = 'slot' | 'exception' | 'health' | 'act';

/** A given time: a day, a part of a day, an hour. */
const AT_TIME =
  /(今天|今晚|明天|明早|明晚|后天|这周|下周|周[一二三四五六日天末]|星期[一二三四五六日天]|礼拜[一二三四五六日天]|上午|下午|晚上|中午|\d{1,2}\s*[点:：]|[一二三四五六七八九十]{1,3}点|\d{1,2}号)/;
/** Asking whether there is room: a free slot, a booking to be made, a trial to come to. */
const ROOM =
  /(有空|有空位|空位|有位|还有位置|约上|约得上|能约|可以约|想约|约个|排得上|(能|可以)?.{0,4}(去|来|过来)试|档期|订.{0,4}(位|桌|座|大厅|包间))/;
/** A benefit the shop gives, asked to be changed or enlarged. */
const EXCEPTION =
  /((送的|赠送的?|赠的|免费的?)[\u4e00-\u9fff]{0,6}(换成|换个|换一|折现|抵钱|抵现)|(多|再)送(点|些|一|几|两|个)|送我(个|一|点|两)|多给(点|些|一|几)|送两次|送俩)/;
const REQUEST = /(吗|呗|嘛|行不|行吗|可以不|可不可以|能不能|好不好|成不)/;
/** Something the shop is asked to do for the customer: keep an item, place or cancel an order. */
const ACT = /((帮|给|替)我(留|预留|保留|占|锁|订|下单|取消)|先留|留一?(双|件|个|份|盒|只|杯|位|套))/;
/** A condition of health a shop's data rarely covers; answered only by an FAQ that names it. */
const HEALTH =
  /(孕妇|怀孕|孕期|备孕|哺乳|坐月子|糖尿病|血糖高|高血压|血压高|心脏病|肾病|痛风|化疗|术后|婴儿|\d+个月(大)?的?(宝宝|婴儿))/;
const SUITS = /(能|可以|适合|会不会|有没有影响|有影响|敢)/;
/** The conditions an FAQ may name in its own words ("8个月宝宝" is answered by "宝宝能吃蜂蜜吗"). */
const CONDITIONS = [/孕/, /月子|哺乳/, /糖尿|血糖/, /血压/, /心脏/, /肾/, /痛风/, /化疗|术后/, /宝宝|婴儿|小孩/];
/** What settles a slot without a person: the shop is closed that day, or takes no bookings then. */
const SETTLED = /(店休|不营业|休息|停课|不接受(订位|预约)|不订位|不(用|需要?)预约|无需预约)/;
/** The shop's own words that leave the point to be settled later, or by a person. */
const DEFERS = /(另外通知|另行通知|再通知|待定|单独推荐|视情况而定|看情况|面议)/;

/** Whether a person must settle this question (and why), before anything of the shop's data answers it. */
export function personNeeded(kb: KnowledgeBase, question: string): PersonNeeded | undefined {
  const t = question.trim();
  if (AT_TIME.test(t) && ROOM.test(t)) return 'slot';
  if (EXCEPTION.test(t) && REQUEST.test(t)) return 'exception';
  if (ACT.test(t)) return 'act';
  const health = HEALTH.exec(t)?.[0];
  if (health && SUITS.test(t) && !faqNames(kb, health)) return 'health';
  return undefined;
}

/** Does one of the owner's FAQs name this condition? */
function faqNames(kb: KnowledgeBase, word: string): boolean {
  const condition = CONDITIONS.find((c) => c.test(word)) ?? new RegExp(word);
  return kb.passages.some((p) => p.kind === 'faq' && condition.test(p.text));
}

/**
 * Has what was said settled the slots asked for: the shop is closed that day or takes no bookings then ("周二店休",
 * "周末晚上不接受订位"), or the hours said open after or close before the one time each slot names ("周一早上10点能约吗"
 * of a shop open 10:30-20:30)?
 */
export const slotSettled = (said: Said[], slots: string[] = []) => {
  const text = said.map((s) => s.text).join('；');
  return SETTLED.test(text) || (slots.length > 0 && slots.every((slot) => outsideHours(text, slot)));
};

/** A part of the day that says which half of the clock an hour is in. */
const PART_OF_DAY = '(凌晨|早上|早晨|上午|中午|下午|傍晚|晚上|今晚|明晚|夜里|晚)';
const CLOCK = new RegExp(`${PART_OF_DAY}?\\s*(\\d{1,2})\\s*(?:点|[:：](?=\\d{2}))(半|\\d{2})?`, 'g');

/**
 * The one clock time a slot names, in minutes ("早上10点" 600, "晚上8点半" 1230, "晚上12点" 1440), when it names
 * exactly one and says which half of the day (a bare "3点" may be either).
 */
function askedTime(slot: string): number | undefined {
  const times = [...slot.matchAll(CLOCK)];
  if (times.length !== 1) return undefined;
  const [, part, h, m] = times[0]!;
  let hour = Number(h);
  if (hour > 24) return undefined;
  if (!part && hour >= 1 && hour <= 12) return undefined;
  if (part && /下午|傍晚|晚/.test(part) && hour < 12) hour += 12;
  else if (part === '中午' && hour < 11) hour += 12;
  else if (part && /晚/.test(part) && hour === 12) hour = 24;
  return hour * 60 + (m === '半' ? 30 : Number(m ?? 0));
}

/** Is the time the slot names outside every opening the said hours give (an overnight one, 18:00-02:00, too)? */
function outsideHours(text: string, slot: string): boolean {
  const at = askedTime(slot);
  const ranges = [...text.matchAll(/(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})/g)].map((r): [number, number] => [
    Number(r[1]) * 60 + Number(r[2]),
    Number(r[3]) * 60 + Number(r[4]),
  ]);
  const inside = (t: number, [open, close]: [number, number]) =>
    close > open ? t >= open && t < close : t >= open || t < close;
  return at !== undefined && ranges.length > 0 && !ranges.some((r) => inside(at % 1440, r));
}

/** Does this question ask whether there is room ("有空吗", "想约个私教"), whatever day it names? */
export const asksForRoom = (question: string) => ROOM.test(question);

/**
 * Does what was said defer the point asked: a clause of it that leaves something to later or to a person ("费用另外
 * 通知") and shares a word with the question ("演出服")?
 */
export function defersAsked(said: Said[], question: string): boolean {
  for (const s of said)
    for (const clause of s.text.split(/[，,；;。！!]/))
      if (DEFERS.test(clause) && sharesWord(clause.replace(DEFERS, ''), question)) return true;
  return false;
}

const sharesWord = (a: string, b: string) => {
  for (let i = 0; i + 2 <= a.length; i++) {
    const pair = a.slice(i, i + 2);
    if (/^[\u4e00-\u9fff]{2}$/.test(pair) && b.includes(pair)) return true;
  }
  return false;
};
