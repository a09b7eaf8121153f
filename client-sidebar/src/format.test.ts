import { describe, expect, it } from 'vitest';
import { daysAgo } from './format';

describe('format', () => {
  it('says how long ago in words', () => {
    const now = Date.parse('2026-11-23T12:00:00Z');
    expect(daysAgo('2026-11-23T08:00:00Z', now)).toBe('今天');
    expect(daysAgo('2026-11-22T08:00:00Z', now)).toBe('昨天');
    expect(daysAgo('2026-11-13T12:00:00Z', now)).toBe('10天前');
    expect(daysAgo('2026-08-01T12:00:00Z', now)).toBe('3个月前');
    expect(daysAgo(undefined, now)).toBe('—');
  });
});
