// A campaign's WeCom tasks: one group-send task per following staff member (each confirms it once in WeCom), never
// one per customer, for the audience reckoned at the moment of making them (CampaignAudienceReckoner) — so whoever
// opted out or reached the weekly cap since the preview or the scheduling is left out.
import type { CampaignAudience } from '@xiaoer/common/schemas/campaign';
import { AppError, conflict } from '../../errors/app-error.js';
import type { HeldLock, RedisLock } from '../../redis/lock.js';
import { tenantKey } from '../../redis/keys.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { StaffRecord } from '../staff/staff.repository.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { CampaignAudienceReckoner, Reckoning } from './campaign-audience.js';
import type { GroupSendRecord } from './group-send.repository.js';
import type { GroupSendService, WecomAttachment } from './group-send.service.js';

/** WeCom's add_msg_template takes at most this many external_userid in one task; a bigger list is split. */
export const WECOM_TASK_RECIPIENTS = 10_000;
/** How long one send may hold its campaign (WeCom answers in seconds; a task per staff member). */
const SEND_LOCK_MS = 2 * 60_000;
/** How long a part of a campaign stays marked as asked of WeCom (a retry later than that is a new campaign anyway). */
const ASKED_MARK_MS = 7 * 86_400_000;

export const chunk = <T>(list: T[], size: number): T[][] =>
  Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size));

/** The prefix of a campaign's task keys: `campaign-<key>-<staff>-<n>`. */
export const taskKeyPrefix = (key: string) => `campaign-${key}-`;

export interface MadeTasks {
  reckoning: Reckoning;
  /** every task of this campaign, also ones an earlier attempt made for recipients no longer in the audience */
  tasks: GroupSendRecord[];
  /** recipients of a part an earlier attempt asked WeCom for and never stored: not asked again */
  uncertain: number;
}

export class CampaignTasks {
  constructor(
    private d: {
      audience: Pick<CampaignAudienceReckoner, 'reckon'>;
      groupSends: Pick<GroupSendService, 'createVetted' | 'findByKey' | 'findByKeyPrefix'>;
      locks: RedisLock;
      taskLimit?: number;
    },
  ) {}

  /**
   * For each following staff member one task with all their recipients (split only past WeCom's per-task limit),
   * each stored under `campaign-<key>-<staff>-<n>`. A retried or doubled call with the same key waits for the other
   * (a Redis lock), then finds those tasks instead of asking WeCom again; this campaign's own tasks do not count
   * against its recipients' caps, so the retry reckons the same audience. After a task is made, an opt-out takes the
   * customer off it (GroupSendWithdrawal).
   */
  async make(
    merchantId: MerchantId,
    input: { audience: CampaignAudience; text: string; key: string; attachments?: WecomAttachment[] },
    now: Date,
  ): Promise<MadeTasks> {
    const prefix = taskKeyPrefix(input.key);
    const lock = await this.d.locks.tryAcquire(tenantKey(merchantId, 'campaign', input.key), SEND_LOCK_MS);
    if (!lock) throw conflict('这次群发正在创建中，请稍候查看');
    try {
      const reckoning = await this.d.audience.reckon(merchantId, input.audience, now, prefix);
      const made: GroupSendRecord[] = [];
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
          made.push(stored ?? (await this.ask(merchantId, { ...input, staff, part, key }, mark!)));
        }
      }
      const tasks = await this.d.groupSends.findByKeyPrefix(merchantId, prefix);
      return { reckoning, tasks: tasks.length ? tasks : made, uncertain };
    } finally {
      await lock.release();
    }
  }

  /** Asks WeCom for one part; when WeCom (or our check) says no, no task exists, so the part may be asked again. */
  private async ask(
    merchantId: MerchantId,
    p: {
      staff: StaffRecord;
      part: { externalUserId?: string }[];
      text: string;
      key: string;
      attachments?: WecomAttachment[];
    },
    mark: HeldLock,
  ) {
    try {
      return await this.d.groupSends.createVetted(merchantId, {
        sender: p.staff,
        externalUserIds: p.part.map((c) => c.externalUserId!),
        text: p.text,
        key: p.key,
        ...(p.attachments?.length ? { attachments: p.attachments } : {}),
      });
    } catch (err) {
      if (err instanceof AppError || err instanceof WecomApiError) await mark.release();
      throw err;
    }
  }
}
