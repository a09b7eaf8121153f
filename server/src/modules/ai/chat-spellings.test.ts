// REVIEW (2b9a35b, message-normalizer.ts CHAT_SPELLINGS): /表(?=[买要急])/ → 不要 rewrites every 表 before 买/要/急, so
// "手表要多少钱" becomes "手不要要多少钱" and a watch shop's price question is handed over (before the change: 石英手表128元).
// 手表, 电表, 报表, 代表, 表带 are ordinary words. Right: only a standalone 表 of "表急/表买" in chat (not the second
// character of a word) reads as 不要.
import { describe, expect, it } from 'vitest';
import { knowledgeFor } from '../../../eval/eval-data.js';
import { testShop } from '../../../test/support/test-shop.js';
import { normalizeMessage } from './message-normalizer.js';
import { offlineAnswer } from './offline-engine.js';
import { shopIndex } from './shop-index.js';

const kb = knowledgeFor(
  testShop({
    name: '时光钟表',
    industry: '零售',
    products: [{ name: '石英手表', category: '手表', price: 128, aliases: ['手表'] }],
  }),
);

describe('chat spellings', () => {
  it('leaves the 表 of 手表 alone', () => {
    expect(normalizeMessage('手表要多少钱', shopIndex(kb))).toContain('手表');
    const a = offlineAnswer(kb, '手表要多少钱');
    expect(a.needsHuman).toBe(false);
    expect(a.reply).toContain('128元');
  });
});
