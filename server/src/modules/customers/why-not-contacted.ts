// 为什么没联系他: every reason the shop's proactive messages would not reach a customer now, each weighed by the
// functions the outreach scan and the sender use (consent, the weekly cap at sending, the cool-down, quiet hours), so
// the page never tells the owner something the sender would not do.
import { SUPPRESSION_REASONS } from '@xiaoer/common/constants/outreach';
import type { ContactBlockDto, WhyNotContactedDto } from '@xiaoer/common/schemas/customer';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import { addDays, startOfLocalDay } from '../clock/period.js';
import { consentVerdict, coolingDown, isServiceNotice, quietHoursEnd } from '../outreach/contact-policy.js';
import type { DraftRepository } from '../outreach/draft.repository.js';
import { decideAtSend, type SendPolicyDeps } from '../outreach/send-policy.js';
import type { CustomerRecord } from './customer.repository.js';
import type { VisitReader } from './visit-reader.js';

const DAY_MS = 86_400_000;
const REACHED = new Set(['sent', 'delivered']);

export interface WhyNotContactedDeps extends SendPolicyDeps {
  drafts: SendPolicyDeps['drafts'] & Pick<DraftRepository, 'recentFor'>;
  /** a visit of any kind (order, booking, class, card use) answers a message */
  visits: Pick<VisitReader, 'figuresSince'>;
}

export async function whyNotContacted(
  d: WhyNotContactedDeps,
  merchantId: MerchantId,
  customer: CustomerRecord,
  now: Date,
): Promise<WhyNotContactedDto> {
  const kb = await d.knowledge.get(merchantId);
  const { policy } = resolveOutreachSettings(kb.merchant.outreach, kb.merchant.industry);
  const since = new Date(now.getTime() - Math.max(30, policy.coolDownDays) * DAY_MS);
  const [recent, visits, atSend] = await Promise.all([
    d.drafts.recentFor(merchantId, [customer._id], since),
    d.visits.figuresSince(merchantId, since),
    // the sender's own decision for a message to this customer now (the customer's id stands for a new draft's)
    decideAtSend(d, merchantId, { _id: customer._id, customerId: customer._id }, now),
  ]);
  const blocks: ContactBlockDto[] = [];

  const consent = consentVerdict(customer);
  if (consent) {
    const since = consent === 'opted_out' ? customer.optedOutAt : customer.contactStatusAt;
    blocks.push({ reason: consent, text: SUPPRESSION_REASONS[consent], ...(since && { since: since.toISOString() }) });
  }

  // the scan also counts drafts still waiting for the owner; here only messages that reached the customer count
  const reached = recent.filter((m) => REACHED.has(m.status));

  if (atSend && 'cancel' in atSend && atSend.reason === 'weekly_cap') {
    const week = reached
      .filter((m) => now.getTime() - m.createdAt.getTime() < 7 * DAY_MS)
      .map((m) => m.createdAt)
      .sort((a, b) => a.getTime() - b.getTime());
    const frees = week[week.length - policy.perWeek];
    blocks.push({
      reason: 'weekly_cap',
      text: `${SUPPRESSION_REASONS.weekly_cap}（每周最多 ${policy.perWeek} 条）`,
      dates: week.map((at) => at.toISOString()),
      ...(frees && { until: new Date(frees.getTime() + 7 * DAY_MS).toISOString() }),
    });
  }

  // one marketing message a day: the sender refuses another until the merchant-local midnight
  if (atSend && 'cancel' in atSend && atSend.reason === 'daily_cap') {
    const zone = merchantZone(kb.merchant);
    const today = localTime(now, zone).date;
    const midnight = startOfLocalDay(today, zone);
    blocks.push({
      reason: 'daily_cap',
      text: `${SUPPRESSION_REASONS.daily_cap}（每天最多 1 条）`,
      dates: reached
        .filter((m) => m.createdAt >= midnight && !isServiceNotice(m.scenario))
        .map((m) => m.createdAt.toISOString()),
      until: startOfLocalDay(addDays(today, 1), zone).toISOString(),
    });
  }

  const cooling = coolingDown(reached, visits.get(String(customer._id))?.last, policy, now);
  if (cooling)
    blocks.push({
      reason: 'cool_down',
      text: `${SUPPRESSION_REASONS.cool_down}（连续 ${policy.unansweredBeforeCoolDown} 条没有回应）`,
      until: cooling.until.toISOString(),
      dates: cooling.messages.map((m) => m.createdAt.toISOString()),
    });

  const quietUntil = quietHoursEnd(now, merchantZone(kb.merchant), policy);
  if (quietUntil)
    blocks.push({
      reason: 'quiet_hours',
      text: `现在是免打扰时段（${policy.quietStart}–${policy.quietEnd}），结束后才会发送`,
      until: quietUntil.toISOString(),
    });

  return { canContactNow: blocks.length === 0, blocks };
}
