// Every morning the owner and managers get one message about what the bot handled overnight: how many questions it
// answered, how many it passed to a person (and who is still waiting), opt-outs, and the questions the shop's data
// could not answer, grouped by meaning (the card opens the page where each gets its answer). Sent once per merchant per day,
// and only from 08:00 to noon in the merchant's timezone (the per-merchant job ticks every 10 minutes): the day is
// claimed with a lease by whichever worker gets there first and marked done only after WeCom took the message; a
// failed send gives the lease back, and a worker that died mid-send loses it when it runs out, so a later tick sends it.
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OwnerCard, OwnerNotifier } from '../wecom/owner-notifier.js';
import type { AiDecision } from './ai-decision.model.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import type { MorningSummaryRepository } from './morning-summary.repository.js';

const SEND_FROM_MINUTES = 8 * 60;
const SEND_UNTIL_MINUTES = 12 * 60;
const OVERNIGHT_MS = 16 * 3600_000;
/** a send takes seconds; the job ticks every 10 minutes */
const LEASE_MS = 5 * 60_000;

type Decision = Pick<AiDecision, 'action' | 'question'>;

/** The bot's decisions a summary reads (AiDecisionRepository's shape): from `from` up to, not including, `to`. */
export interface DecisionReader {
  inRange(merchantId: MerchantId, range: { from: Date; to: Date }): Promise<Decision[]>;
}

export interface OvernightCounts {
  answered: number;
  handedOver: number;
  optedOut: number;
}

export function overnightCounts(decisions: Decision[]): OvernightCounts {
  const counts = { answered: 0, handedOver: 0, optedOut: 0 };
  for (const d of decisions) {
    if (d.action === 'sent') counts.answered++;
    else if (d.action === 'handoff') counts.handedOver++;
    else if (d.action === 'opted_out') counts.optedOut++;
  }
  return counts;
}

/** A group of the night's questions the shop's data could not answer (the learning module groups them). */
export interface UnansweredDigestGroup {
  question: string;
  count: number;
}

/** The night's unanswered questions grouped by meaning, the most asked first. */
export type UnansweredDigest = (merchantId: MerchantId, from: Date, to: Date) => Promise<UnansweredDigestGroup[]>;

/** Groups named on the card; the page lists them all. */
const DIGEST_SHOWN = 3;

function digestLine(gaps: UnansweredDigestGroup[]): string {
  const named = gaps
    .slice(0, DIGEST_SHOWN)
    .map((g) => `「${g.question.slice(0, 20)}」${g.count > 1 ? `${g.count} 次` : ''}`)
    .join('、');
  const more = gaps.length > DIGEST_SHOWN ? '……' : '';
  return `小二没答上的问题（${gaps.length} 类）：${named}${more} 点开添加答案，下次小二就会回答`;
}

/**
 * The card for the owner and managers: the night in one line, then up to three questions still waiting for staff,
 * and the unanswered questions by meaning (the card then opens the page where each gets its answer).
 */
export function morningCard(
  shopName: string,
  decisions: Decision[],
  counts: OvernightCounts,
  gaps: UnansweredDigestGroup[] = [],
): OwnerCard {
  const waiting = decisions
    .filter((d) => d.action === 'handoff')
    .slice(0, 3)
    .map((d) => `「${d.question.slice(0, 20)}」`);
  const optedOut = counts.optedOut ? `，${counts.optedOut} 位客户退订` : '';
  return {
    title: `${shopName} · 夜间客服小结`,
    description: [
      `机器人昨晚回答了 ${counts.answered} 个问题，转给店员 ${counts.handedOver} 个${optedOut}。`,
      waiting.length ? `待跟进：${waiting.join('、')}` : '没有需要跟进的客户 👍',
      ...(gaps.length ? [digestLine(gaps)] : []),
    ].join('\n'),
    page: gaps.length ? 'pages/learn/index' : 'pages/home/index',
    to: 'manager',
  };
}

export class MorningSummaryService {
  constructor(
    private d: {
      summaries: MorningSummaryRepository;
      decisions: DecisionReader;
      merchants: Pick<MerchantRepository, 'findById'>;
      notifier: Pick<OwnerNotifier, 'send'>;
      /** the night's unanswered questions by meaning; without it the card has no digest */
      unanswered?: UnansweredDigest;
    },
  ) {}

  /** True when this call sent today's summary; false when it is not due, done, another worker's, or nothing to tell. */
  async runFor(merchantId: MerchantId, now = new Date()): Promise<boolean> {
    const merchant = await this.d.merchants.findById(merchantId);
    if (!merchant) return false;
    const { date: day, minutes } = localTime(now, merchantZone(merchant));
    if (minutes < SEND_FROM_MINUTES || minutes >= SEND_UNTIL_MINUTES) return false;
    const decisions = await this.d.decisions.inRange(merchantId, {
      from: new Date(now.getTime() - OVERNIGHT_MS),
      to: new Date(now.getTime() + 1), // up to and including now
    });
    const counts = overnightCounts(decisions);
    const lease = new Date(now.getTime() + LEASE_MS);
    if (!(await this.d.summaries.claim(merchantId, day, now, lease))) return false;
    if (!decisions.length) {
      await this.d.summaries.done(merchantId, day, now, { ...counts }); // a quiet night: nothing to report
      return false;
    }
    let sent: boolean;
    try {
      // the digest is a part of the card, not a reason to hold the night's numbers back
      const from = new Date(now.getTime() - OVERNIGHT_MS);
      const gaps = (await this.d.unanswered?.(merchantId, from, now).catch(() => [])) ?? [];
      sent = await this.d.notifier.send(merchantId, morningCard(merchant.name, decisions, counts, gaps));
    } catch (err) {
      await this.d.summaries.giveBack(merchantId, day, lease, now); // the next tick tries again
      throw err;
    }
    if (!sent) {
      await this.d.summaries.giveBack(merchantId, day, lease, now); // nobody to tell yet: a later tick may have someone
      return false;
    }
    await this.d.summaries.done(merchantId, day, now, { ...counts });
    return true;
  }
}
