// A small multinomial naive Bayes over character n-grams, trained at start-up on the labelled questions the team
// wrote (training/asks.tsv). It decides what a message asks when no word of the topic lexicon (asks.ts) names it:
// "剪个头要多少米" has no 钱, "能放几天" no 保质期. Its answer counts only when it is clearly ahead.
import { readFileSync } from 'node:fs';
import { normalize } from '../knowledge/tokenizer.js';

const grams = (text: string): string[] => {
  const t = normalize(text).replace(/[^\u4e00-\u9fffa-z0-9]/g, '');
  const out: string[] = [];
  for (let n = 1; n <= 3; n++) for (let i = 0; i + n <= t.length; i++) out.push(t.slice(i, i + n));
  return out;
};

export class TopicClassifier {
  private logPrior = new Map<string, number>();
  private logLikelihood = new Map<string, Map<string, number>>();
  private unseen = new Map<string, number>();

  constructor(examples: { label: string; text: string }[]) {
    const counts = new Map<string, Map<string, number>>();
    const totals = new Map<string, number>();
    const docs = new Map<string, number>();
    const vocabulary = new Set<string>();
    for (const { label, text } of examples) {
      docs.set(label, (docs.get(label) ?? 0) + 1);
      const c = counts.get(label) ?? new Map<string, number>();
      counts.set(label, c);
      for (const g of grams(text)) {
        c.set(g, (c.get(g) ?? 0) + 1);
        totals.set(label, (totals.get(label) ?? 0) + 1);
        vocabulary.add(g);
      }
    }
    for (const [label, c] of counts) {
      const denominator = (totals.get(label) ?? 0) + vocabulary.size;
      this.logPrior.set(label, Math.log(docs.get(label)! / examples.length));
      this.logLikelihood.set(label, new Map([...c].map(([g, n]) => [g, Math.log((n + 1) / denominator)])));
      this.unseen.set(label, Math.log(1 / denominator));
    }
  }

  /** Labels with their posterior probability, most likely first. */
  classify(text: string): { label: string; p: number }[] {
    const gs = grams(text);
    const scores = [...this.logPrior].map(([label, prior]) => {
      const ll = this.logLikelihood.get(label)!;
      const unseen = this.unseen.get(label)!;
      return { label, score: gs.reduce((s, g) => s + (ll.get(g) ?? unseen), prior) };
    });
    const top = Math.max(...scores.map((s) => s.score));
    const z = scores.reduce((s, x) => s + Math.exp(x.score - top), 0);
    return scores.map((s) => ({ label: s.label, p: Math.exp(s.score - top) / z })).sort((a, b) => b.p - a.p);
  }
}

export function readExamples(tsv: string): { label: string; text: string }[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [label, text] = line.split('\t');
      return { label: label!.trim(), text: (text ?? '').trim() };
    });
}

/** The classifier trained on the shipped labelled set, built once per process. */
export const askClassifier = new TopicClassifier(
  readExamples(readFileSync(new URL('./training/asks.tsv', import.meta.url), 'utf8')),
);
