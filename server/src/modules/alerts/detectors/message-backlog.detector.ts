import type { KfRepository, KfSessionRecord } from '../../conversations/kf.repository.js';
import type { CustomerRecord, CustomerRepository } from '../../customers/customer.repository.js';
import { MINUTE_MS, type NewAlert, type ScanDetector } from './detector.js';

type Waiting = Pick<KfSessionRecord, 'externalUserId' | 'lastCustomerMessageAt' | 'openKfId'>;
type Known = Pick<CustomerRecord, 'name' | 'remark'>;
/** customers named in the alert; the rest are counted */
const NAMED = 5;
/** a session ended by staff is closed, whatever its last message */
const OPEN_STATES = ['new', 'bot', 'queue', 'human'] as const;

/**
 * `minWaiting` or more customers, on every 微信客服 account, whose last message has waited over `minutes` for an
 * answer: the longest waits named, at most once an hour while it lasts (the key is the local hour).
 */
export function messageBacklogRule(p: {
  waiting: Waiting[];
  customers: Map<string, Known>;
  minutes: number;
  minWaiting: number;
  now: Date;
  today: string;
  localMinutes: number;
}): NewAlert[] {
  if (p.waiting.length < p.minWaiting) return [];
  const longest = [...p.waiting].sort((a, z) => a.lastCustomerMessageAt.getTime() - z.lastCustomerMessageAt.getTime());
  const waited = (s: Waiting) => Math.floor((p.now.getTime() - s.lastCustomerMessageAt.getTime()) / MINUTE_MS);
  const nameOf = (s: Waiting) => {
    const c = p.customers.get(s.externalUserId);
    return c?.remark || c?.name || '一位顾客';
  };
  const named = longest.slice(0, NAMED).map((s) => `${nameOf(s)}（${waited(s)}分钟）`);
  const more = longest.length > NAMED ? `等${longest.length}位` : '';
  const accounts = new Set(p.waiting.map((s) => s.openKfId)).size;
  const where = accounts > 1 ? `${accounts}个微信客服账号` : '微信客服';
  return [
    {
      kind: 'message_backlog',
      key: `${p.today}:${String(Math.floor(p.localMinutes / 60)).padStart(2, '0')}`,
      level: 'warning',
      title: `消息积压：${p.waiting.length}位顾客等回复超过${p.minutes}分钟`,
      body: `${where}里有${p.waiting.length}位顾客的消息超过${p.minutes}分钟没人回复：${named.join('、')}${more}。请尽快安排人手在企业微信里回复。`,
      data: {
        waiting: p.waiting.length,
        minutes: p.minutes,
        longestMinutes: waited(longest[0]!),
        externalUserIds: longest.map((s) => s.externalUserId),
      },
    },
  ];
}

/**
 * Every scan: the same unanswered-message read as 转人工待接待 (handoff_waiting), over every open session and not only
 * those handed to a person. Waits that began within two days; older ones are past WeCom's reply window.
 */
export const messageBacklogDetector = (d: {
  kf: Pick<KfRepository, 'unansweredBetween'>;
  customers: Pick<CustomerRepository, 'findManyByExternalUserIds'>;
}): ScanDetector => ({
  kind: 'message_backlog',
  async detect({ merchantId, settings, now, today, localMinutes }) {
    const { minutes, minWaiting } = settings.message_backlog;
    const waiting = await d.kf.unansweredBetween(
      merchantId,
      new Date(now.getTime() - 48 * 60 * MINUTE_MS),
      new Date(now.getTime() - minutes * MINUTE_MS),
      [...OPEN_STATES],
    );
    if (waiting.length < minWaiting) return [];
    const known = await d.customers.findManyByExternalUserIds(
      merchantId,
      waiting.map((s) => s.externalUserId),
    );
    const customers = new Map(known.flatMap((c) => (c.externalUserId ? [[c.externalUserId, c] as const] : [])));
    return messageBacklogRule({ waiting, customers, minutes, minWaiting, now, today, localMinutes });
  },
});
