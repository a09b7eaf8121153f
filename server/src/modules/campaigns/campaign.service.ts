// Campaigns (群发) to an audience: the preview the owner reads before confirming; the send — now, or at a chosen time
// (a festival), and in the merchant's quiet hours only once they end; the cancel of one still waiting; the list and
// one campaign with how it went. The tasks themselves are CampaignTasks'; the results CampaignResultsReader's. No
// WeCom id leaves here: the console sees names and counts.
import {
  CAMPAIGN_EXCLUSION_REASONS,
  type CampaignAttachment,
  type CampaignAudience,
} from '@xiaoer/common/schemas/campaign';
import type { CampaignPreview, CampaignSendResult } from '@xiaoer/common/schemas/campaign';
import { resolveOutreachSettings } from '@xiaoer/common/schemas/merchant';
import type { Types } from 'mongoose';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { merchantZone } from '../clock/business-hours.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import { quietHoursEnd } from '../outreach/contact-policy.js';
import { explainWecomFailure, WecomApiError } from '../wecom/api/wecom-errors.js';
import type { CampaignAudienceReckoner, Reckoning } from './campaign-audience.js';
import type { CampaignRecord, CampaignRepository } from './campaign.repository.js';
import { wecomAttachments, type ImageMedia } from './campaign-attachments.js';
import type { CampaignTasks } from './campaign-tasks.js';
import type { GroupSendService } from './group-send.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';

/** Names shown per exclusion reason: enough to recognise, never the whole list. */
const SAMPLE = 5;
/** A worker that took up a campaign and has been silent this long died midway: another goes on (idempotent by key). */
const CLAIM_STALE_MS = 10 * 60_000;
/** A chosen time this far in the past is a slow form, not a mistake: it goes now. */
const PAST_GRACE_MS = 5 * 60_000;
/** A scheduled campaign WeCom keeps refusing is tried this often, RETRY_MS apart, then ends `failed` with why. */
const MAX_ATTEMPTS = 3;
const RETRY_MS = 10 * 60_000;
/** Campaigns one run of the schedule job sends for one merchant (the next tick takes the rest). */
const DUE_PER_RUN = 20;

const nameOf = (c: { remark?: string; name: string }) => c.remark || c.name;

/** Why a send failed, in the owner's words: the refusal we raised, WeCom's errcode explained, else a plain retry. */
function failureReason(err: unknown): string {
  if (err instanceof AppError && err.status < 500) return err.message;
  if (err instanceof WecomApiError) return explainWecomFailure(err).message;
  return '企业微信暂时没有响应，请稍后再发一次';
}

/** A scheduled campaign that ended `failed` after its retries, as the owner's alert tells it. */
export interface FailedCampaign {
  id: string;
  text: string;
  /** why, in the owner's words (failureReason) */
  reason: string;
  /** what to change first, when WeCom's errcode says (an app permission, the trusted IP …) */
  fix?: string;
  attempts: number;
}

/** What the owner can do about a send WeCom refused, when its errcode is one the shop must fix. */
function failureFix(err: unknown): string | undefined {
  return err instanceof WecomApiError && err.explanation?.merchantMustFix ? err.explanation.fix : undefined;
}

export interface CampaignServiceDeps {
  audience: Pick<CampaignAudienceReckoner, 'reckon'>;
  tasks: Pick<CampaignTasks, 'make'>;
  campaigns: CampaignRepository;
  merchants: Pick<MerchantRepository, 'findById'>;
  groupSends: Pick<GroupSendService, 'current'>;
  staff: Pick<StaffRepository, 'list'>;
  imageMedia: ImageMedia;
  logger: Logger;
  /** a scheduled campaign finally failed, with nobody waiting on the page: the owner is alerted */
  onFailed?: (merchantId: MerchantId, failed: FailedCampaign) => Promise<void>;
}

export class CampaignService {
  constructor(private d: CampaignServiceDeps) {}

  async preview(merchantId: MerchantId, audience: CampaignAudience, now = new Date()): Promise<CampaignPreview> {
    return present(await this.d.audience.reckon(merchantId, audience, now));
  }

  /**
   * Records the campaign under the console's key and sends it now, or — at a chosen later time, or when asked inside
   * the merchant's quiet hours — leaves it scheduled for the schedule job (the preview returned is the audience as it
   * stands now; the audience is reckoned again when it goes). A retried request finds the same campaign.
   */
  async send(
    merchantId: MerchantId,
    input: {
      audience: CampaignAudience;
      text: string;
      key: string;
      attachment?: CampaignAttachment;
      sendAt?: string;
    },
    now = new Date(),
  ): Promise<CampaignSendResult> {
    const chosen = input.sendAt ? new Date(input.sendAt) : now;
    if (chosen.getTime() < now.getTime() - PAST_GRACE_MS)
      throw new AppError('validation_failed', { message: '发送时间已经过了，请重新选择' });
    const at = (await this.quietEnd(merchantId, chosen)) ?? chosen;
    // a picture WeCom cannot take is said now, not when a scheduled campaign goes
    await wecomAttachments(merchantId, input.attachment, this.d.imageMedia);
    const { sendAt: _chosen, ...asked } = input;
    const campaign = await this.d.campaigns.open(merchantId, { ...asked, ...(at > now ? { sendAt: at } : {}) }, now);
    if (campaign.status === 'cancelled') throw conflict('这次群发已取消');
    if (campaign.status === 'failed') {
      // the owner sends a failed campaign again: their choice, so it goes now (its tasks are keyed, never doubled)
      const again = await this.d.campaigns.reclaimFailed(merchantId, campaign._id, now);
      if (!again) throw conflict('这次群发正在重新发送，请稍后刷新');
      return this.dispatchOrFail(merchantId, again, now);
    }
    if (campaign.status === 'scheduled') {
      const reckoning = await this.d.audience.reckon(merchantId, campaign.audience, now);
      const shown = present(reckoning);
      await this.d.campaigns.noteExcluded(merchantId, campaign._id, shown.excluded);
      return {
        ...shown,
        tasks: [],
        uncertain: 0,
        campaignId: campaign._id.toHexString(),
        status: 'scheduled',
        sendAt: campaign.sendAt!.toISOString(),
      };
    }
    return this.dispatchOrFail(merchantId, campaign, now);
  }

  /**
   * Sends a campaign the owner is waiting on; one that fails ends `failed` with why (and the owner is told now), so
   * no job sends it later behind their back — sending it again is theirs to choose.
   */
  private async dispatchOrFail(merchantId: MerchantId, campaign: CampaignRecord, now: Date) {
    try {
      return await this.dispatch(merchantId, campaign, now);
    } catch (err) {
      await this.d.campaigns.markFailed(merchantId, campaign._id, failureReason(err), (campaign.attempts ?? 0) + 1);
      throw err;
    }
  }

  /**
   * Sends the campaigns whose time has come (the schedule job, every minute). Each is taken up atomically, so of
   * several workers one sends it; one a dead worker left is taken up again after a while, and its tasks are found by
   * key rather than made twice. The audience is reckoned now: who opted out or is over the cap since is left out.
   */
  async sendDue(merchantId: MerchantId, now = new Date()): Promise<number> {
    let sent = 0;
    for (let i = 0; i < DUE_PER_RUN; i++) {
      const campaign = await this.d.campaigns.claimDue(merchantId, now, new Date(now.getTime() - CLAIM_STALE_MS));
      if (!campaign) break;
      try {
        await this.dispatch(merchantId, campaign, now);
        sent++;
      } catch (err) {
        this.d.logger.error({ err, merchantId: String(merchantId), campaignId: String(campaign._id) }, 'campaign send');
        const attempts = (campaign.attempts ?? 0) + 1;
        if (attempts >= MAX_ATTEMPTS) {
          const reason = failureReason(err);
          if (await this.d.campaigns.markFailed(merchantId, campaign._id, reason, attempts))
            await this.tellFailed(merchantId, { ...campaign, attempts }, reason, failureFix(err));
          continue;
        }
        const later = new Date(now.getTime() + RETRY_MS);
        await this.d.campaigns.retryAt(
          merchantId,
          campaign._id,
          (await this.quietEnd(merchantId, later)) ?? later,
          attempts,
        );
      }
    }
    return sent;
  }

  /** The owner hears of a scheduled campaign that ended failed; a failure to tell leaves the campaign as it is. */
  private async tellFailed(merchantId: MerchantId, campaign: CampaignRecord, reason: string, fix?: string) {
    const failed: FailedCampaign = {
      id: campaign._id.toHexString(),
      text: campaign.text,
      reason,
      ...(fix && { fix }),
      attempts: campaign.attempts ?? MAX_ATTEMPTS,
    };
    try {
      await this.d.onFailed?.(merchantId, failed);
    } catch (err) {
      this.d.logger.warn({ err, campaignId: failed.id }, 'campaign failure alert');
    }
  }

  /** Cancels a campaign still waiting for its time; one already gone (or going) cannot be. */
  async cancel(merchantId: MerchantId, id: string, now = new Date()): Promise<CampaignRecord> {
    const cancelled = await this.d.campaigns.cancel(merchantId, id, now);
    if (cancelled) return cancelled;
    const campaign = await this.d.campaigns.findById(merchantId, id);
    if (!campaign) throw notFound('没有找到这次群发');
    if (campaign.status === 'cancelled') return campaign;
    throw conflict('这次群发已经发出，不能取消了');
  }

  list(merchantId: MerchantId): Promise<CampaignRecord[]> {
    return this.d.campaigns.list(merchantId);
  }

  async get(merchantId: MerchantId, id: string): Promise<CampaignRecord> {
    const campaign = await this.d.campaigns.findById(merchantId, id);
    if (!campaign) throw notFound('没有找到这次群发');
    return campaign;
  }

  /** Each staff member's task of a sent campaign as last read back: how many it is for, and whether they confirmed. */
  async senders(merchantId: MerchantId, campaign: CampaignRecord) {
    const [tasks, staff] = await Promise.all([
      Promise.all(campaign.taskIds.map((id) => this.d.groupSends.current(merchantId, id, false))),
      this.d.staff.list(merchantId),
    ]);
    const names = new Map(staff.map((s) => [String(s._id), s.name]));
    return tasks.map((t) => ({
      staffId: String(t.senderStaffId),
      name: names.get(String(t.senderStaffId)) ?? '已停用的员工',
      recipients: t.externalUserIds.length,
      confirmed: t.status === 'confirmed',
    }));
  }

  private async dispatch(merchantId: MerchantId, campaign: CampaignRecord, now: Date): Promise<CampaignSendResult> {
    const attachments = await wecomAttachments(merchantId, campaign.attachment, this.d.imageMedia);
    const made = await this.d.tasks.make(merchantId, { ...campaign, attachments }, now);
    const shown = present(made.reckoning);
    const ids = externalToCustomer(made.reckoning);
    const recipients = made.tasks.flatMap((t) =>
      t.externalUserIds.flatMap((externalUserId) => {
        const customerId = ids.get(externalUserId);
        return customerId ? [{ customerId, externalUserId }] : [];
      }),
    );
    await this.d.campaigns.markSent(
      merchantId,
      campaign._id,
      { taskIds: made.tasks.map((t) => t._id), recipients, excluded: shown.excluded },
      campaign.sentAt ?? now,
    );
    return {
      ...shown,
      tasks: made.tasks.map((t) => ({
        id: t._id.toHexString(),
        staffId: String(t.senderStaffId),
        recipients: t.externalUserIds.length,
      })),
      uncertain: made.uncertain,
      campaignId: campaign._id.toHexString(),
      status: 'sent',
    };
  }

  /** When the merchant's quiet hours `at` falls in end, or null outside them. */
  private async quietEnd(merchantId: MerchantId, at: Date): Promise<Date | null> {
    const merchant = await this.d.merchants.findById(merchantId);
    const { policy } = resolveOutreachSettings(merchant?.outreach, merchant?.industry ?? '餐饮');
    return quietHoursEnd(at, merchantZone(merchant ?? {}), policy);
  }
}

/** Every customer the audience matched, by WeCom id: whoever a task names was matched. */
function externalToCustomer(r: Reckoning): Map<string, Types.ObjectId> {
  const all = [...[...r.bySender.values()].flatMap((e) => e.customers), ...[...r.excluded.values()].flat()];
  return new Map(all.flatMap((c) => (c.externalUserId ? [[c.externalUserId, c._id] as const] : [])));
}

export function present(r: Reckoning): CampaignPreview {
  const order = Object.keys(CAMPAIGN_EXCLUSION_REASONS);
  return {
    matched: r.matched,
    senders: [...r.bySender].map(([staffId, { staff, customers }]) => ({
      staffId,
      name: staff.name,
      recipients: customers.length,
    })),
    excluded: [...r.excluded]
      .sort((a, b) => order.indexOf(a[0]) - order.indexOf(b[0]))
      .map(([reason, customers]) => ({
        reason,
        count: customers.length,
        sample: customers.slice(0, SAMPLE).map(nameOf),
      })),
  };
}
