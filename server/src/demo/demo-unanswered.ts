// A few questions the demo shop's bot could not answer over the past nights, as its decision log holds them, so the
// owner's 小二没答上的问题 has groups to answer from the first minute (the same words the bot really hands over).
import type { Container } from '../app/container.js';
import type { MerchantId } from '../tenancy/merchant-id.js';

const DAY = 86_400_000;

/** [question, which demo customer, days ago]; late evening, after the shop closed */
const ASKED: [string, number, number][] = [
  ['店里可以借充电宝吗', 3, 2],
  ['有充电宝借用吗', 17, 3],
  ['请问能借个充电宝吗？', 42, 5],
  ['门口能停车吗', 8, 2],
  ['门口好停车吗', 61, 4],
  ['有儿童座椅吗', 25, 6],
];

export async function seedDemoUnanswered(
  c: Container,
  merchantId: MerchantId,
  now: Date,
  externalUserId: (i: number) => string,
): Promise<void> {
  for (const [question, customer, daysAgo] of ASKED)
    await c.ai.decisions.record(merchantId, {
      channel: 'kf',
      externalUserId: externalUserId(customer),
      question,
      engine: 'offline',
      intent: 'unknown',
      citedIds: [],
      violations: [],
      action: 'handoff',
      reason: 'not in the shop data',
      sentText: '这个问题我需要请店员确认一下，稍后回复您～',
      at: new Date(now.getTime() - daysAgo * DAY - 2 * 3600_000),
    });
}
