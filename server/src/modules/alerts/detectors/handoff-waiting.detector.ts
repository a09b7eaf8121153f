import type { KfRepository, KfSessionRecord } from '../../conversations/kf.repository.js';
import type { CustomerRecord, CustomerRepository } from '../../customers/customer.repository.js';
import { MINUTE_MS, type NewAlert, type ScanDetector } from './detector.js';

type Waiting = Pick<KfSessionRecord, 'externalUserId' | 'lastCustomerMessageAt'>;
type Known = Pick<CustomerRecord, '_id' | 'name' | 'remark'>;

/** Customers handed to a person on 微信客服 and still unanswered: urgent, once per customer message. */
export function handoffWaitingRule(waiting: Waiting[], customers: Map<string, Known>, now: Date): NewAlert[] {
  return waiting.map((s) => {
    const c = customers.get(s.externalUserId);
    const name = c?.remark || c?.name || '一位顾客';
    const waited = Math.floor((now.getTime() - s.lastCustomerMessageAt.getTime()) / MINUTE_MS);
    return {
      kind: 'handoff_waiting' as const,
      key: `${s.externalUserId}:${s.lastCustomerMessageAt.toISOString()}`,
      level: 'urgent' as const,
      title: `顾客等人工回复：${name}`,
      body: `${name}在微信客服转了人工，已经等了${waited}分钟还没人回复，请尽快在企业微信里接待。`,
      data: {
        externalUserId: s.externalUserId,
        waitedMinutes: waited,
        ...(c ? { customerId: c._id.toHexString() } : {}),
      },
    };
  });
}

/** Waits that began within two days and over `minutes` ago, with the customers' names where we know them. */
export const handoffWaitingDetector = (d: {
  kf: Pick<KfRepository, 'waitingForStaff'>;
  customers: Pick<CustomerRepository, 'findManyByExternalUserIds'>;
}): ScanDetector => ({
  kind: 'handoff_waiting',
  async detect({ merchantId, settings, now }) {
    const waiting = await d.kf.waitingForStaff(
      merchantId,
      new Date(now.getTime() - 48 * 60 * MINUTE_MS),
      new Date(now.getTime() - settings.handoff_waiting.minutes * MINUTE_MS),
    );
    if (!waiting.length) return [];
    const known = await d.customers.findManyByExternalUserIds(
      merchantId,
      waiting.map((s) => s.externalUserId),
    );
    const byId = new Map(known.flatMap((c) => (c.externalUserId ? [[c.externalUserId, c] as const] : [])));
    return handoffWaitingRule(waiting, byId, now);
  },
});
