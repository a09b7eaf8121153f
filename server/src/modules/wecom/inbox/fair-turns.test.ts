import { describe, expect, it } from 'vitest';
import { FAIR_SPACING_MS, FairTurns, HEAD_START_MS, turnAt } from './fair-turns.js';

describe('FairTurns', () => {
  const now = 1_800_000_000_000;
  const LAST = HEAD_START_MS.length - 1;

  it('spreads one merchant’s turns and starts another merchant at now', () => {
    const turns = new FairTurns();
    const busy = [0, 1, 2].map(() => turns.take('busy', LAST, now).getTime());
    expect(busy).toEqual([now, now + FAIR_SPACING_MS, now + 2 * FAIR_SPACING_MS]);
    expect(turns.take('quiet', LAST, now + 10).getTime()).toBe(now + 10);
  });

  it('charges nothing for a turn given back, and forgives a flood after a while', () => {
    const turns = new FairTurns();
    turns.take('m', LAST, now);
    turns.giveBack('m', LAST, now);
    expect(turns.take('m', LAST, now).getTime()).toBe(now);
    for (let i = 0; i < 10_000; i++) turns.take('m', LAST, now);
    expect(turns.take('m', LAST, now).getTime()).toBe(now + 15 * 60_000);
  });

  it('gives urgent work a bounded head start, on a clock of its own', () => {
    const turns = new FairTurns();
    // A merchant's backlog of ordinary work does not push its new contact back ...
    for (let i = 0; i < 100; i++) turns.take('m', 2, now);
    expect(turns.take('m', 0, now).getTime()).toBe(now - HEAD_START_MS[0]);
    // ... and its flood of new contacts is spread like any other flood: another merchant's ordinary work at now
    // comes after only the few whose head start reaches past it.
    const flood = Array.from({ length: 300 }, () => turns.take('flood', 0, now).getTime());
    const other = turns.take('other', 2, now).getTime();
    expect(flood.filter((t) => t <= other).length).toBeLessThanOrEqual(HEAD_START_MS[0] / FAIR_SPACING_MS + 1);
    expect(turnAt(new Date(now), 1).getTime()).toBe(now - HEAD_START_MS[1]);
    expect(turnAt(new Date(now), 7).getTime()).toBe(now);
  });

  it('keeps only the class a promotion used when it took a turn of each', () => {
    const turns = new FairTurns();
    expect(turns.takeEach('m', now).map((t) => t.getTime())).toEqual(HEAD_START_MS.map((h) => now - h));
    turns.giveBackUnused('m', 2, now);
    expect(turns.take('m', 0, now).getTime()).toBe(now - HEAD_START_MS[0]);
    expect(turns.take('m', 2, now).getTime()).toBe(now + FAIR_SPACING_MS);
  });
});
