// What the operator sees of each merchant: its setup progress and today's health, read from the repositories that
// own each figure. A figure the product records nowhere yet (WeCom token errors) is left out, not estimated.
import type { SetupLinkStatus } from '@xiaoer/common/schemas/operator';
import { llmDay } from '../ai/token-budget.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import type { AiDecisionRepository } from '../ai/ai-decision.repository.js';
import type { LlmUsageRepository } from '../ai/llm-usage.repository.js';
import type { MerchantRecord } from '../merchants/merchant.repository.js';
import { addDays, startOfLocalDay } from '../clock/period.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { InboxRepository } from '../wecom/inbox/inbox.repository.js';
import { asMerchantId } from '../../tenancy/merchant-id.js';
import type { SetupLinkRecord, SetupLinkRepository } from './setup-link.repository.js';

export interface OverviewSources {
  links: Pick<SetupLinkRepository, 'latest'>;
  staff: Pick<StaffRepository, 'count' | 'findFirstByRole'>;
  inbox: Pick<InboxRepository, 'count' | 'lastReceivedAt'>;
  decisions: Pick<AiDecisionRepository, 'actionCounts'>;
  llmUsage: Pick<LlmUsageRepository, 'forDay'>;
}

export interface MerchantOverview {
  merchant: MerchantRecord;
  setup: {
    link: { status: SetupLinkStatus; expiresAt?: Date; usedAt?: Date };
    ownerJoined: boolean;
    wecomConnected: boolean;
    staffCount: number;
  };
  health: {
    lastCallbackAt: Date | null;
    botAnswersToday: number;
    handoffsToday: number;
    llmTokensToday: number;
    failedInboxEvents: number;
  };
}

export function linkStatus(link: SetupLinkRecord | null, now: Date): MerchantOverview['setup']['link'] {
  if (!link) return { status: 'none' };
  const status = link.state === 'open' && link.expiresAt <= now ? 'expired' : link.state;
  return { status, expiresAt: link.expiresAt, usedAt: link.usedAt };
}

/** One merchant's overview; `wecomConnected` comes from the caller, who reads every connected merchant at once. */
export async function merchantOverview(
  s: OverviewSources,
  merchant: MerchantRecord,
  wecomConnected: boolean,
  now = new Date(),
): Promise<MerchantOverview> {
  const merchantId = asMerchantId(merchant._id);
  const zone = merchantZone(merchant);
  const today = localTime(now, zone).date;
  const day = { from: startOfLocalDay(today, zone), to: startOfLocalDay(addDays(today, 1), zone) };
  const [link, owner, staffCount, lastCallbackAt, failedInboxEvents, actions, usage] = await Promise.all([
    s.links.latest(merchantId),
    s.staff.findFirstByRole(merchantId, 'owner'),
    s.staff.count(merchantId, { active: true }),
    s.inbox.lastReceivedAt(merchantId),
    s.inbox.count(merchantId, { status: 'failed' }),
    s.decisions.actionCounts(merchantId, { ...day, channel: 'kf' }),
    // the LLM bill is kept per budget day (Shanghai), whatever the merchant's zone
    s.llmUsage.forDay(merchantId, llmDay(now)),
  ]);
  return {
    merchant,
    setup: { link: linkStatus(link, now), ownerJoined: owner !== null, wecomConnected, staffCount },
    health: {
      lastCallbackAt,
      botAnswersToday: actions.sent ?? 0,
      handoffsToday: actions.handoff ?? 0,
      llmTokensToday: usage?.totalTokens ?? 0,
      failedInboxEvents,
    },
  };
}
