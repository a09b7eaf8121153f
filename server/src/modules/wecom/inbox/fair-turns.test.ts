import { describe, expect, it } from 'vitest';
import { FAIR_SPACING_MS, FairTurns } from './fair-turns.js';

describe('FairTurns', () => {
  const now = 1_800_000_000_000;

  it('spreads one merchant’s turns and starts another merchant at now', () => {
    const turns = new FairTurns();
    const busy = [0, 1, 2].map(() => turns.take('busy', now).getTime());
    expect(busy).toEqual([now, now + FAIR_SPACING_MS, now + 2 * FAIR_SPACING_MS]);
    expect(turns.take('quiet', now + 10).getTime()).toBe(now + 10);
  });

  it('charges nothing for a turn given back, and forgives a flood after a while', () => {
    const turns = new FairTurns();
    turns.take('m', now);
    turns.giveBack('m', now);
    expect(turns.take('m', now).getTime()).toBe(now);
    for (let i = 0; i < 10_000; i++) turns.take('m', now);
    expect(turns.take('m', now).getTime()).toBe(now + 15 * 60_000);
  });
});
