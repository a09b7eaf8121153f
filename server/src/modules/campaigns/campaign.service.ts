// Campaigns (群发) to an audience: the preview the owner reads before confirming, and the send — one WeCom
// group-send task per following staff member (each confirms it once in WeCom), never one per customer. Both reckon the
// audience the same way (CampaignAudienceReckoner). No WeCom id leaves here: the console sees names and counts.
import {
  CAMPAIGN_EXCLUSION_REASONS,
  type CampaignAudience,
  type CampaignPreview,
  type CampaignSendResult,
} from '@xiaoer/common/schemas/campaign';
import { AppError, conflict } from '../../errors/app-error.js';
import type { HeldLock, RedisLock } from '../../redis/lock.js';
import type { StaffRecord } from '../staff/staff.repository.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import { tenantKey } from '../../redis/keys.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CampaignAudienceReckoner, Reckoning } from './campaign-audience.js';
import type { GroupSendService } from './group-send.service.js';

/** WeCom's add_msg_template takes at most this many external_userid in one task; a bigger list is split. */
export const WECOM_TASK_RECIPIENTS = 10_000;
/** Names shown per exclusion reason: enough to recognise, never the whole list. */
const SAMPLE = 5;
/** How long one send may hold its campaign (WeCom answers in seconds; a task per staff member). */
const SEND_LOCK_MS = 2 * 60_000;
/** How long a part of a campaign stays marked as asked of WeCom (a retry later than that is a new campaign anyway). */
const ASKED_MARK_MS = 7 * 86_400_000;

export const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

const nameOf = (c: { remark?: string; name: string }) => c.remark || c.name;

export class CampaignService {
  constructor(
    private d: {
      audience: CampaignAudienceReckoner;
      groupSends: Pick<GroupSendService, 'createVetted' | 'findByKey' | 'findByKeyPrefix'>;
      locks: RedisLock;
      taskLimit?: number;
    },
  ) {}

  async preview(merchantId: MerchantId, audience: CampaignAudience, now = new Date()): Promise<CampaignPreview> {
    return present(await this.d.audience.reckon(merchantId, audience, now));
  }

  /**
   * Sends to the audience as it stands now: for each following staff member one task with all their recipients
   * (split only past WeCom's per-task limit), each stored under `campaign-<key>-<staff>-<n>`. A retried or doubled
   * request with the same key waits for the other (a Redis lock), then finds those tasks instead of asking WeCom again;
   * this campaign's own tasks do not count against its recipients' caps, so the retry reckons the same audience.
   * Someone who opted out since the preview is left out here (reckoned again); after the task is made, an opt-out
   * takes them off it (GroupSendWithdrawal).
   */
  async send(
    merchantId: MerchantId,
    input: { audience: CampaignAudience; text: string; key: string },
    now = new Date(),
  ): Promise<CampaignSendResult> {
    const prefix = `campaign-${input.key}-`;
    const lock = await this.d.locks.tryAcquire(tenantKey(merchantId, 'campaign', input.key), SEND_LOCK_MS);
    if (!lock) throw conflict('这次群发正在创建中，请稍候查看');
    try {
      const reckoning = await this.d.audience.reckon(merchantId, input.audience, now, prefix);
      const made = [];
      let uncertain = 0;
      for (const [staffId, { staff, customers }] of reckoning.bySender) {
        const parts = chunk(customers, this.d.taskLimit ?? WECOM_TASK_RECIPIENTS);
        for (const [i, part] of parts.entries()) {
          const key = `${prefix}${staffId}-${i}`;
          const stored = await this.d.groupSends.findByKey(merchantId, key);
          // WeCom's add_msg_template has no idempotency key: a part is asked for once, ever. An attempt that died
          // after asking and before storing the task leaves the mark and no task — WeCom may hold it, so not again.
          const mark = stored
            ? null
            : await this.d.locks.tryAcquire(tenantKey(merchantId, 'campaign-asked', key), ASKED_MARK_MS);
          if (!stored && !mark) {
            uncertain += part.length;
            continue;
          }
          const task = stored ?? (await this.ask(merchantId, { staff, part, text: input.text, key }, mark!));
          made.push(task);
        }
      }
      // every task of this campaign, also ones an earlier attempt made for recipients no longer in the audience
      const tasks = await this.d.groupSends.findByKeyPrefix(merchantId, prefix);
      const all = tasks.length ? tasks : made;
      return {
        ...present(reckoning),
        tasks: all.map((t) => ({
          id: t._id.toHexString(),
          staffId: String(t.senderStaffId),
          recipients: t.externalUserIds.length,
        })),
        uncertain,
      };
    } finally {
      await lock.release();
    }
  }

  /** Asks WeCom for one part; when WeCom (or our check) says no, no task exists, so the part may be asked again. */
  private async ask(
    merchantId: MerchantId,
    p: { staff: StaffRecord; part: { externalUserId?: string }[]; text: string; key: string },
    mark: HeldLock,
  ) {
    try {
      return await this.d.groupSends.createVetted(merchantId, {
        sender: p.staff,
        externalUserIds: p.part.map((c) => c.externalUserId!),
        text: p.text,
        key: p.key,
      });
    } catch (err) {
      if (err instanceof AppError || err instanceof WecomApiError) await mark.release();
      throw err;
    }
  }
}

function present(r: Reckoning): CampaignPreview {
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
