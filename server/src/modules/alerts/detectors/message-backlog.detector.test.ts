import { describe, expect, it } from 'vitest';
import { messageBacklogDetector, messageBacklogRule } from './message-backlog.detector.js';
import { alertContext } from './test-context.js';

const MIN = 60_000;
const now = new Date('2026-11-30T06:40:00Z'); // 14:40 in Shanghai
const wait = (who: string, minutesAgo: number, openKfId = 'wk-1') => ({
  externalUserId: who,
  openKfId,
  lastCustomerMessageAt: new Date(now.getTime() - minutesAgo * MIN),
});
const base = { minutes: 30, minWaiting: 3, now, today: '2026-11-30', localMinutes: 14 * 60 + 40 };

describe('message backlog', () => {
  it('tells the owner, at most hourly, when enough customers wait, longest first and named where known', () => {
    const [alert, ...rest] = messageBacklogRule({
      ...base,
      waiting: [wait('wm-b', 35), wait('wm-a', 80, 'wk-2'), wait('wm-c', 31)],
      customers: new Map([
        ['wm-a', { name: '张三', remark: '老客张姐' }],
        ['wm-b', { name: '李四' }],
      ]),
    });
    expect(rest).toEqual([]);
    expect(alert).toMatchObject({
      kind: 'message_backlog',
      key: '2026-11-30:14',
      title: '消息积压：3位顾客等回复超过30分钟',
      body: '2个微信客服账号里有3位顾客的消息超过30分钟没人回复：老客张姐（80分钟）、李四（35分钟）、一位顾客（31分钟）。请尽快安排人手在企业微信里回复。',
    });
  });

  it('says nothing under the owner’s count', () => {
    expect(messageBacklogRule({ ...base, waiting: [wait('a', 40), wait('b', 40)], customers: new Map() })).toEqual([]);
  });

  it('reads open sessions on every account waiting over the owner’s minutes', async () => {
    const calls: unknown[][] = [];
    const detector = messageBacklogDetector({
      kf: {
        unansweredBetween: async (...args: unknown[]) => {
          calls.push(args);
          return [];
        },
      } as never,
      customers: { findManyByExternalUserIds: async () => [] },
    });
    const ctx = alertContext({ industry: '电商', now });
    expect(await detector.detect(ctx)).toEqual([]);
    expect(calls[0]![2]).toEqual(new Date(now.getTime() - 30 * MIN));
    expect(calls[0]![3]).toEqual(['new', 'bot', 'queue', 'human']);
  });
});
