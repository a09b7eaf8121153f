import { CONTACT_POLICY_DEFAULTS } from '@xiaoer/common/constants/outreach';
import { describe, expect, it } from 'vitest';
import { consentVerdict, inQuietHours, policyVerdict, quietHoursEnd, sendVerdict } from './contact-policy.js';

const now = new Date('2026-11-23T02:00:00Z');
const daysAgo = (n: number) => new Date(now.getTime() - n * 86_400_000);
const ok = { optedOut: false, contactStatus: 'active', externalUserId: 'wm1' };
const policy = { ...CONTACT_POLICY_DEFAULTS };

describe('policyVerdict', () => {
  it('never messages customers who opted out, deleted staff or are not WeCom contacts', () => {
    expect(policyVerdict({ ...ok, optedOut: true }, [], undefined, policy, now)).toBe('opted_out');
    expect(policyVerdict({ ...ok, contactStatus: 'deleted_by_customer' }, [], undefined, policy, now)).toBe(
      'contact_deleted',
    );
    expect(policyVerdict({ ...ok, externalUserId: undefined }, [], undefined, policy, now)).toBe('not_wecom_contact');
    expect(policyVerdict(ok, [], undefined, policy, now)).toBeNull();
  });

  it('checks consent alone at the moment of sending: opt-out first, then the WeCom relation', () => {
    expect(consentVerdict({ ...ok, optedOut: true, contactStatus: 'deleted_by_staff' })).toBe('opted_out');
    expect(consentVerdict({ ...ok, contactStatus: 'deleted_by_staff' })).toBe('contact_deleted');
    expect(consentVerdict({ ...ok, externalUserId: null })).toBe('not_wecom_contact');
    expect(consentVerdict(ok)).toBeNull();
  });

  it('caps messages per 7 days, not counting rejected drafts', () => {
    const two = [
      { createdAt: daysAgo(1), status: 'sent' },
      { createdAt: daysAgo(6), status: 'pending' },
    ];
    expect(policyVerdict(ok, two, daysAgo(0), policy, now)).toBe('weekly_cap');
    const cancelled = [two[0]!, { createdAt: daysAgo(6), status: 'cancelled' }];
    expect(policyVerdict(ok, cancelled, daysAgo(0), policy, now)).toBeNull();
    expect(
      policyVerdict(ok, [two[0]!, { createdAt: daysAgo(6), status: 'rejected' }], daysAgo(0), policy, now),
    ).toBeNull();
    expect(policyVerdict(ok, [two[0]!, { createdAt: daysAgo(8), status: 'sent' }], daysAgo(0), policy, now)).toBeNull();
  });

  it('on a scan, allows one marketing message a day across scenarios, service notices and its own aside', () => {
    const today = { since: new Date(now.getTime() - 3_600_000), scenario: 'birthday' };
    const birthdayToday = [{ createdAt: now, status: 'pending', scenario: 'class_hours_low' }];
    expect(policyVerdict(ok, birthdayToday, undefined, policy, now, today)).toBe('daily_cap');
    expect(policyVerdict(ok, birthdayToday, undefined, policy, now)).toBeNull(); // a campaign weighs no day
    const ownOrNotice = [
      { createdAt: now, status: 'pending', scenario: 'birthday' },
      { createdAt: now, status: 'sent', scenario: 'class_reminder' },
      { createdAt: now, status: 'rejected', scenario: 'dormant_winback' },
      { createdAt: daysAgo(1), status: 'sent', scenario: 'dormant_winback' },
    ];
    expect(policyVerdict(ok, ownOrNotice, now, { ...policy, perWeek: 5 }, now, today)).toBeNull();
  });

  it('pauses after two unanswered messages, until the cool-down passes or the customer responds', () => {
    const unanswered = [
      { createdAt: daysAgo(3), status: 'sent' },
      { createdAt: daysAgo(10), status: 'sent' },
    ];
    expect(policyVerdict(ok, unanswered, daysAgo(20), policy, now)).toBe('cool_down');
    expect(policyVerdict(ok, unanswered, daysAgo(2), policy, now)).toBeNull(); // they came back after the last one
    const older = [
      { createdAt: daysAgo(8), status: 'sent' },
      { createdAt: daysAgo(15), status: 'sent' },
    ];
    expect(policyVerdict(ok, older, daysAgo(30), policy, now)).toBeNull(); // the pause is over
  });
});

describe('quiet hours and settings', () => {
  it('handles a quiet window across midnight', () => {
    expect(inQuietHours(23 * 60, policy)).toBe(true);
    expect(inQuietHours(8 * 60 + 59, policy)).toBe(true);
    expect(inQuietHours(9 * 60, policy)).toBe(false);
    expect(inQuietHours(13 * 60, { quietStart: '12:00', quietEnd: '14:00' })).toBe(true);
  });
});

describe('at the moment of sending', () => {
  const at = (iso: string) => new Date(iso);
  const zone = 'Asia/Shanghai';

  it('knows when the quiet hours around a moment end, across midnight, to the minute', () => {
    // 23:30:20 in Shanghai, quiet 22:00–09:00: until 09:00 the next morning
    expect(quietHoursEnd(at('2026-11-23T15:30:20Z'), zone, policy)).toEqual(at('2026-11-24T01:00:00Z'));
    // 07:15 in Shanghai: until 09:00 the same morning
    expect(quietHoursEnd(at('2026-11-23T23:15:00Z'), zone, policy)).toEqual(at('2026-11-24T01:00:00Z'));
    expect(quietHoursEnd(at('2026-11-23T02:30:00Z'), zone, policy)).toBeNull(); // 10:30
    expect(quietHoursEnd(at('2026-11-23T05:00:00Z'), zone, { quietStart: '12:00', quietEnd: '14:00' })).toEqual(
      at('2026-11-23T06:00:00Z'),
    );
  });

  it('cancels over the weekly cap, waits in quiet hours, and lets the rest go', () => {
    const night = at('2026-11-23T15:30:00Z');
    const day = at('2026-11-23T02:30:00Z');
    expect(sendVerdict(2, policy, day, zone)).toEqual({ cancel: 'weekly_cap' });
    expect(sendVerdict(2, policy, night, zone)).toEqual({ cancel: 'weekly_cap' }); // no point waiting for it
    expect(sendVerdict(1, policy, night, zone)).toEqual({ waitUntil: at('2026-11-24T01:00:00Z') });
    expect(sendVerdict(1, policy, day, zone)).toBeNull();
    expect(sendVerdict(0, { ...policy, perWeek: 0 }, day, zone)).toEqual({ cancel: 'weekly_cap' });
    expect(sendVerdict(1, policy, day, zone, 1)).toEqual({ cancel: 'daily_cap' });
  });
});
