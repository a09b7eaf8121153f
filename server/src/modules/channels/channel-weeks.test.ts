import { describe, expect, it } from 'vitest';
import { lastWeeks, weekOf } from './channel-weeks.js';

describe('channel weeks', () => {
  it('names a week by its Monday in Shanghai time', () => {
    // Sunday 23:30 in Shanghai is still the week that began on Monday the 23rd
    expect(weekOf(new Date('2026-11-29T15:30:00Z'))).toBe('2026-11-23');
    // Sunday 16:00 UTC is Monday 00:00 in Shanghai: the next week
    expect(weekOf(new Date('2026-11-29T16:00:00Z'))).toBe('2026-11-30');
    expect(weekOf(new Date('2026-11-30T03:00:00Z'))).toBe('2026-11-30');
  });

  it('lists the last weeks oldest first, across a month end', () => {
    expect(lastWeeks(3, new Date('2026-12-02T12:00:00Z'))).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });
});
