// The shop-talk lexicon (training/shop-synonyms.tsv): the words customers use rewritten, in one pass, to the word a
// shop's data most often uses ("能带狗进店吗" → "能带宠物进店吗", "钻毛" → "钻绒"), so that a question is read against
// the FAQ, policies and facts, and by the topic lexicon, by what it means rather than how it is worded.
import { readFileSync } from 'node:fs';

export interface ShopWord {
  canonical: string;
  said: string[];
}

export function readShopWords(tsv: string): ShopWord[] {
  return tsv
    .split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'))
    .map((line) => {
      const [canonical, said] = line.split('\t');
      return {
        canonical: canonical!.trim(),
        // in the order written: the longer first, so that "寄出" is read before "寄"
        said: (said ?? '')
          .split('|')
          .map((s) => s.trim())
          .filter(Boolean),
      };
    });
}

/**
 * A rewriter from a lexicon: each said form replaced, in one pass, by its canonical word. One alternation without
 * capture groups finds the matches (hundreds of named groups made every read ten times slower); which concept matched
 * is then found by trying each concept's own pattern, in the order written, where the match starts (so look-behinds
 * still see the text before it): the first that matches there is the one the alternation took.
 */
export function compileShopWords(words: ShopWord[]) {
  const pattern = new RegExp(words.map((w) => `(?:${w.said.join('|')})`).join('|'), 'gi');
  const each = words.map((w) => new RegExp(`(?:${w.said.join('|')})`, 'iy'));
  return (text: string) =>
    text.replace(pattern, (match: string, offset: number, whole: string) => {
      for (let i = 0; i < each.length; i++) {
        const re = each[i]!;
        re.lastIndex = offset;
        if (re.test(whole)) return words[i]!.canonical;
      }
      return match;
    });
}

/** The message in the shop's words: each customer's word of the lexicon replaced by the shop's. */
export const toShopWords = compileShopWords(
  readShopWords(readFileSync(new URL('./training/shop-synonyms.tsv', import.meta.url), 'utf8')),
);
