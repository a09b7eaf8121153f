// Chinese-aware tokens for retrieval: jieba's search-mode words, plus character bigrams of every CJK run so a
// product name jieba splits ("杨枝|甘露") or a word it does not know still matches.
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';

const jieba = Jieba.withDict(dict);
const CJK_RUN = /[\u4e00-\u9fff]+/g;
// Words that carry no meaning for matching a question to shop knowledge.
const STOP = new Set([
  '的',
  '了',
  '吗',
  '呢',
  '吧',
  '啊',
  '呀',
  '是',
  '有',
  '我',
  '你',
  '你们',
  '我们',
  '请问',
  '一下',
  '这个',
  '那个',
  '在',
  '和',
  '还',
  '就',
  '都',
  '也',
  '要',
  '想',
  '么',
  '什么',
  '怎么',
  '？',
  '?',
  '，',
  ',',
  '。',
  '！',
  '!',
  ' ',
]);

/** Full-width to half-width and lower case, so "ＡＢＣ１２" and "abc12" are the same. */
export const normalize = (text: string): string =>
  text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, ' ')
    .toLowerCase();

export function tokenize(text: string): string[] {
  const clean = normalize(text);
  const words = jieba
    .cutForSearch(clean, true)
    .map((w) => w.trim())
    .filter((w) => w && !STOP.has(w));
  const bigrams: string[] = [];
  for (const run of clean.match(CJK_RUN) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) bigrams.push(run.slice(i, i + 2));
  }
  return [...words, ...bigrams];
}

/** jieba's words of a text in reading order (no stop-word removal): where one word ends and the next begins. */
export const cutWords = (text: string): string[] => jieba.cut(normalize(text), false);
