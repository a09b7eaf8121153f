// REVIEW (ee38316, asks.ts haggle): the commit says "能少糖/少点冰 is no haggling", but the exclusion after 能少 does not
// allow 点/一点, so the commonest way to ask — "能少点冰吗", "能少一点糖吗" — still reads 能少 as haggling and is handed
// to a person; and 少一?点 excludes only 糖冰辣油盐甜, so "少点葱", "少点香菜" are haggling too (while 能少葱 is not).
// Not a regression (d77f28b read these as haggle too) but the fix the commit claims does not reach them.
// Right: asking for less of an ingredient is a request about the order, never haggle.
import { describe, expect, it } from 'vitest';
import { lexiconAsks } from './asks.js';

describe('less of an ingredient is no haggling', () => {
  it('reads 能少点冰 / 能少一点糖 / 少点葱 as no haggle', () => {
    for (const q of ['奶茶能少点冰吗', '能少一点糖吗', '包子能少点葱吗', '少点香菜']) {
      expect(lexiconAsks(q), q).not.toContain('haggle');
    }
  });

  it('still reads a price haggle as haggle', () => {
    expect(lexiconAsks('能少点吗')).toContain('haggle');
    expect(lexiconAsks('能少10块吗')).toContain('haggle');
  });
});
