import { describe, expect, it } from 'vitest';
import { median, responseWaits } from './response-time.js';

const t = (s: number) => new Date(Date.UTC(2026, 10, 23, 4, 0, s));

describe('first-response time', () => {
  it('measures each wait from the message that opened it to the first reply that was sent', () => {
    const waits = responseWaits([
      { externalUserId: 'a', direction: 'in', sentAt: t(0) },
      { externalUserId: 'a', direction: 'in', sentAt: t(20) }, // still waiting: does not restart the clock
      { externalUserId: 'a', direction: 'out', sentAt: t(25), status: 'failed' }, // never reached them
      { externalUserId: 'a', direction: 'out', sentAt: t(30), status: 'sent' },
      { externalUserId: 'a', direction: 'out', sentAt: t(40), status: 'sent' }, // no one was waiting
      { externalUserId: 'b', direction: 'in', sentAt: t(0) },
      { externalUserId: 'b', direction: 'out', sentAt: t(5), status: 'sent' },
      { externalUserId: 'c', direction: 'in', sentAt: t(0) }, // unanswered in the period
    ]);
    expect(waits).toEqual([30, 5]);
    expect(median([30, 5, 12])).toBe(12);
    expect(median([30, 5])).toBe(18);
    expect(median([])).toBe(0);
  });
});
