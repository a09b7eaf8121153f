import { describe, expect, it } from 'vitest';
import { fakeId } from './test-context.js';
import { handoffWaitingRule } from './handoff-waiting.detector.js';

describe('handoff waiting rule', () => {
  const now = new Date('2026-11-30T04:00:00Z');
  const since = new Date(now.getTime() - 12 * 60_000);

  it('names the customer (remark first), how long they waited, once per customer message', () => {
    const id = fakeId('6500000000000000000000cc');
    const [known, unknown] = handoffWaitingRule(
      [
        { externalUserId: 'wmA', lastCustomerMessageAt: since },
        { externalUserId: 'wmB', lastCustomerMessageAt: since },
      ],
      new Map([['wmA', { _id: id, name: '阿花', remark: '王姐' }]]),
      now,
    );
    expect(known).toMatchObject({
      key: `wmA:${since.toISOString()}`,
      level: 'urgent',
      title: '顾客等人工回复：王姐',
      body: '王姐在微信客服转了人工，已经等了12分钟还没人回复，请尽快在企业微信里接待。',
      data: { externalUserId: 'wmA', waitedMinutes: 12, customerId: id.toHexString() },
    });
    expect(unknown!.title).toBe('顾客等人工回复：一位顾客');
    expect(unknown!.data).not.toHaveProperty('customerId');
  });
});
