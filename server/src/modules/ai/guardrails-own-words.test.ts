// The guardrails refuse what the shop's data does not back; they must never refuse the shop's own words. Every FAQ
// answer, policy, fact and holiday note of every evaluation shop (written by people who never read the guardrails)
// passes as written, cited as the engines cite it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeFor, loadEvalShops } from '../../../eval/eval-data.js';
import type { Passage } from '../knowledge/passages.js';
import { checkReply, violationsText } from './guardrails.js';

/** What an engine may say of a passage as written: a product's attributes and description as its lines are said. */
function ownWords(p: Passage): string[] {
  if (p.kind === 'faq') return [p.answer];
  if (p.kind === 'policy') return [p.content];
  if (p.kind === 'fact') return [p.fact.text];
  if (p.kind !== 'product') return [];
  const { name, attributes, description } = p.product;
  // "暑期集训营上课时间：每天15:30-17:00，遇到周一照常上" of a pool closed on Mondays
  return [
    ...(attributes ?? []).map((a) => `${name}${a.name}：${a.value}`),
    ...(description ? [`${name}：${description}`] : []),
  ];
}

describe("the shop's own words", () => {
  it('pass the guardrails in every evaluation shop', () => {
    const refused: string[] = [];
    const shops = loadEvalShops(join(import.meta.dirname, '../../../eval/data'));
    expect(shops.length).toBeGreaterThan(20);
    for (const shop of shops) {
      const kb = knowledgeFor(shop.file);
      const said = [
        ...kb.passages.flatMap((p) => ownWords(p).map((text) => ({ text, cited: [p.id] }))),
        ...kb.merchant.holidays.map((h) => ({ text: h.name ?? '', cited: [] as string[] })),
      ];
      for (const { text, cited } of said) {
        const result = checkReply(text, cited, kb, shop.file.industry);
        if (!result.ok) refused.push(`${shop.file.id}: ${violationsText(result)} in ${text.slice(0, 16)}`);
      }
    }
    // …but for the catalogue lines that praise with an absolute term (a best-seller, what works or tastes best): the
    // bot does not repeat those, as the advertising law has it
    expect(refused).toEqual([
      'kids-wear: 最好 in 小象印花短袖T恤：店里卖得最好的',
      'lemon-tea: 最好 in 招牌鸭屎香柠檬茶：店里卖得最好的',
      'stride-shoes: 最好 in 隐形增高鞋垫适合：高帮鞋效果最好',
      'tea-leaf-online: 最好 in 老寿眉茶饼（2018年）喝法：煮',
    ]);
  });
});
