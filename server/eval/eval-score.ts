// How one answer is judged, and the figures a set of judged answers adds up to.
//   answer accuracy   of the "answer" and "partial" cases: the answerable part not handed over (a partial case must
//                     still be handed over for the rest), every mustInclude fact present, no mustNotInclude
//   invented facts    replies a customer would get that the guardrails block, that state a wrong fact
//                     (mustNotInclude), or carry a number the shop's data (or the customer's own words) does not hold
//   handoff recall    of the cases a person must take ("handoff" and "partial"), how many were handed over
//   handoff precision of the cases handed over, how many a person had to take
import type { AiAnswer } from '@xiaoer/common/schemas/ai';
import type { EvalCase } from './eval-data.js';

export interface Judged {
  c: EvalCase;
  shop: string;
  reply: string;
  handedOver: boolean;
  right: boolean;
  invented: string[];
  ms: number;
  reason: string;
}

/** Spelling differences that do not change a fact: width, case, spaces. */
export const squash = (s: string) =>
  s
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, '')
    .toLowerCase();

/** Numbers in a reply that appear nowhere in the shop's data nor in what the customer wrote. */
function unbackedNumbers(reply: string, sources: string): string[] {
  const known = new Set([...sources.matchAll(/\d+(?:\.\d+)?/g)].map((m) => String(Number(m[0]))));
  return [...reply.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).filter((n) => !known.has(String(Number(n))));
}

export function judge(
  c: EvalCase,
  shop: string,
  shopRaw: string,
  a: AiAnswer,
  guardOk: boolean,
  guardDetail: string,
  ms: number,
): Judged {
  const handedOver = a.needsHuman || !guardOk || a.confidence < 0.6;
  // what the customer would see: a blocked reply is replaced by the "I'll ask a person" line
  const reply = guardOk ? a.reply : '';
  const text = squash(reply);
  const facts = (c.mustInclude ?? []).every((group) => group.some((f) => text.includes(squash(f))));
  const wrong = (c.mustNotInclude ?? []).filter((f) => text.includes(squash(f)));
  const invented = [
    ...(guardOk ? [] : [`guardrail: ${guardDetail}`]),
    ...wrong.map((w) => `says "${w}"`),
    ...unbackedNumbers(reply, `${shopRaw} ${c.q} ${(c.history ?? []).join(' ')}`).map((n) => `number ${n}`),
  ];
  const right =
    c.expect === 'answer'
      ? !handedOver && facts && !wrong.length
      : c.expect === 'partial'
        ? handedOver && facts && !wrong.length
        : handedOver && !wrong.length;
  return { c, shop, reply: a.reply, handedOver, right, invented, ms, reason: a.reason };
}

export interface Figures {
  cases: number;
  answerable: number;
  answeredRight: number;
  invented: number;
  mustHandOff: number;
  handedOver: number;
  handedOverRight: number;
}

export function figures(judged: Judged[]): Figures {
  const answerable = judged.filter((j) => j.c.expect !== 'handoff');
  const mustHandOff = judged.filter((j) => j.c.expect !== 'answer');
  const handedOver = judged.filter((j) => j.handedOver);
  return {
    cases: judged.length,
    answerable: answerable.length,
    answeredRight: answerable.filter((j) => j.right).length,
    invented: judged.filter((j) => j.invented.length).length,
    mustHandOff: mustHandOff.length,
    handedOver: handedOver.length,
    handedOverRight: handedOver.filter((j) => j.c.expect !== 'answer').length,
  };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : '–');

export function row(f: Figures) {
  return {
    cases: f.cases,
    'answer accuracy': `${pct(f.answeredRight, f.answerable)} (${f.answeredRight}/${f.answerable})`,
    'invented facts': f.invented,
    'handoff recall': `${pct(f.handedOverRight, f.mustHandOff)} (${f.handedOverRight}/${f.mustHandOff})`,
    'handoff precision': `${pct(f.handedOverRight, f.handedOver)} (${f.handedOverRight}/${f.handedOver})`,
  };
}

export function percentile(sorted: number[], q: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! : 0;
}
