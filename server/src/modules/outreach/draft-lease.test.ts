import { describe, expect, it } from 'vitest';
import { RESUME_WITHIN_MS, tooLateToResume } from './draft-lease.js';

const NOW = new Date('2026-11-23T02:30:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const HOUR = 3600_000;

describe('tooLateToResume', () => {
  it('resumes a send approved within the day, not one approved longer ago', () => {
    expect(tooLateToResume({ approvedAt: ago(HOUR), audit: [], createdAt: ago(3 * RESUME_WITHIN_MS) }, NOW)).toBe(
      false,
    );
    expect(tooLateToResume({ approvedAt: ago(RESUME_WITHIN_MS + HOUR), audit: [], createdAt: ago(HOUR) }, NOW)).toBe(
      true,
    );
  });

  it('reads a draft approved before leases existed by the approval in its audit trail', () => {
    const approved = (at: Date, action = 'approved') => ({ at, by: 'owner', action });
    const drafted = { at: ago(3 * RESUME_WITHIN_MS), by: 'system', action: 'drafted' };
    const old = { audit: [drafted, approved(ago(2 * RESUME_WITHIN_MS))], createdAt: drafted.at };
    expect(tooLateToResume(old, NOW)).toBe(true);
    const recent = { audit: [drafted, approved(ago(HOUR), 'edited_and_approved')], createdAt: drafted.at };
    expect(tooLateToResume(recent, NOW)).toBe(false);
  });

  it('falls back to when the draft was made', () => {
    expect(tooLateToResume({ audit: [], createdAt: ago(HOUR) }, NOW)).toBe(false);
    expect(tooLateToResume({ audit: [], createdAt: ago(2 * RESUME_WITHIN_MS) }, NOW)).toBe(true);
  });
});

describe('a draft that waited out quiet hours', () => {
  it('counts from when they ended, not from its approval', () => {
    const waited = { approvedAt: ago(2 * RESUME_WITHIN_MS), audit: [], createdAt: ago(3 * RESUME_WITHIN_MS) };
    expect(tooLateToResume({ ...waited, sendAfter: ago(HOUR) }, NOW)).toBe(false);
    expect(tooLateToResume({ ...waited, sendAfter: ago(RESUME_WITHIN_MS + HOUR) }, NOW)).toBe(true);
  });
});
