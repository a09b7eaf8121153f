// Okapi BM25 over tokenized passages: small, exact, and fast enough for one shop's knowledge (hundreds of passages).

export interface Scored<T> {
  item: T;
  score: number;
}

const K1 = 1.4;
const B = 0.75;

export class Bm25Index<T> {
  private docs: { item: T; tf: Map<string, number>; length: number }[] = [];
  private df = new Map<string, number>();
  private avgLength = 0;

  constructor(entries: { item: T; tokens: string[] }[]) {
    for (const { item, tokens } of entries) {
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const t of tf.keys()) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      this.docs.push({ item, tf, length: tokens.length });
    }
    this.avgLength = this.docs.reduce((s, d) => s + d.length, 0) / Math.max(1, this.docs.length);
  }

  get size(): number {
    return this.docs.length;
  }

  search(queryTokens: string[], limit = 5): Scored<T>[] {
    const n = this.docs.length;
    const terms = [...new Set(queryTokens)];
    const scored: Scored<T>[] = [];
    for (const doc of this.docs) {
      let score = 0;
      for (const term of terms) {
        const f = doc.tf.get(term);
        if (!f) continue;
        const df = this.df.get(term)!;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        score += (idf * f * (K1 + 1)) / (f + K1 * (1 - B + (B * doc.length) / this.avgLength));
      }
      if (score > 0) scored.push({ item: doc.item, score });
    }
    return scored.sort((a, b) => b.score - a.score).slice(0, limit);
  }
}
