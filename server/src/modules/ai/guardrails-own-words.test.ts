// The guardrails refuse what the shop's data does not back; they must never refuse the shop's own words. Every FAQ
// answer, policy, fact and holiday note of every evaluation shop (written by people who never read the guardrails)
// passes as written, cited as the engines cite it.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { knowledgeFor, loadEvalShops } from '../../../eval/eval-data.js';
import { checkReply, violationsText } from './guardrails.js';

describe("the shop's own words", () => {
  it('pass the guardrails in every evaluation shop', () => {
    const refused: string[] = [];
    const shops = loadEvalShops(join(import.meta.dirname, '../../../eval/data'));
    expect(shops.length).toBeGreaterThan(20);
    for (const shop of shops) {
      const kb = knowledgeFor(shop.file);
      const said = [
        ...kb.passages.flatMap((p) =>
          p.kind === 'faq'
            ? [{ text: p.answer, cited: [p.id] }]
            : p.kind === 'policy'
              ? [{ text: p.content, cited: [p.id] }]
              : p.kind === 'fact'
                ? [{ text: p.fact.text, cited: [p.id] }]
                : [],
        ),
        ...kb.merchant.holidays.map((h) => ({ text: h.name ?? '', cited: [] as string[] })),
      ];
      for (const { text, cited } of said) {
        const result = checkReply(text, cited, kb, shop.file.industry);
        if (!result.ok) refused.push(`${shop.file.id}: ${violationsText(result)} in ${text.slice(0, 40)}`);
      }
    }
    expect(refused).toEqual([]);
  });
});
