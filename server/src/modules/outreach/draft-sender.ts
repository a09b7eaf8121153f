// Sends an approved draft, and records each outcome as an audited step of the draft. A customer who wrote to 微信客服 in
// the last 48 hours gets it straight through 微信客服 (WeCom allows it there, so it is delivered at once); otherwise it
// becomes a WeCom group-send task for the staff member who follows the customer (they confirm it in WeCom).
//
// The contact policy is checked again here, at the moment of sending: a customer who opted out or is no longer a
// contact gets nothing, nor one the weekly cap has been reached for meanwhile (each draft cancelled with the reason);
// in quiet hours the draft waits, unleased, until they end (the resume job sends it then). A send may be retried (see
// DraftService.resumeInterrupted): 微信客服 with the same msgid, and the group-send task found by its key — never a
// second one. Only the sender holding the draft's lease sends: right before WeCom is asked it checks (and renews) the
// lease, so a sender that stalled and was taken over stops.
import { createHash } from 'node:crypto';
import { SUPPRESSION_REASONS, type DraftStatus } from '@xiaoer/common/constants/outreach';
import type { DraftDto } from '@xiaoer/common/schemas/outreach';
import type { AuditEntry } from '../../db/tenant-repository.js';
import { AppError } from '../../errors/app-error.js';
import { asMerchantId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { GroupSendRecord } from '../campaigns/group-send.repository.js';
import type { GroupSendService } from '../campaigns/group-send.service.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { KfService } from '../conversations/kf.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { StaffRecord, StaffRepository } from '../staff/staff.repository.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import { consentVerdict } from './contact-policy.js';
import { leaseFrom } from './draft-lease.js';
import { expiredMessage, isExpired } from './notice-expiry.js';
import { displayName, presentDraft } from './draft.presenter.js';
import type { DraftChange, DraftRecord, DraftRepository } from './draft.repository.js';
import { decideAtSend, type SendPolicyDeps } from './send-policy.js';

const UNCERTAIN_GROUP_SEND =
  '发送时中断，无法确认企业微信是否已建好群发任务：请在企业微信的客户群发记录里确认，没有的话请手动发送';
const UNCERTAIN_KF_SEND =
  '通过微信客服发送时中断，无法确认客户是否已收到：请在微信客服的聊天记录里确认，没有的话请手动发送';
const TAKEN_OVER = '发送已由另一个进程接手';
/** The audit action of a draft held to go with others in one group-send task. */
export const HELD_FOR_BATCH = 'held_for_batch';

export interface DraftSenderDeps extends SendPolicyDeps {
  drafts: DraftRepository;
  customers: CustomerRepository;
  staff: StaffRepository;
  groupSends: GroupSendService;
  kf: {
    sessions: Pick<KfRepository, 'openWindow' | 'findOutgoing'>;
    service: Pick<KfService, 'sendText'>;
    apps: Pick<WecomAppRepository, 'findByMerchant'>;
  };
}

/** The sender no longer holds the draft's lease (another took it over): it stops without sending. */
export class LeaseLost extends Error {
  constructor() {
    super(TAKEN_OVER);
  }
}

/** The merchant a draft belongs to (it was read within that merchant). */
export const merchantOf = (draft: DraftRecord): MerchantId => asMerchantId(draft.merchantId);

/** Our msgid of a draft sent on 微信客服, and the idempotency key of its group-send task: a retry repeats neither. */
const sendKey = (draft: DraftRecord) => `draft-${draft._id.toHexString()}`;
/** The key of a task shared by drafts approved together: the same drafts always give the same key. */
const batchKey = (drafts: DraftRecord[]) =>
  `drafts-${createHash('sha1')
    .update(
      drafts
        .map((d) => d._id.toHexString())
        .sort()
        .join(','),
    )
    .digest('hex')
    .slice(0, 24)}`;
/** Why GroupSendService left a draft's customer out of its task, as the owner reads it on the draft. */
const SKIPPED: Record<string, string> = {
  ...SUPPRESSION_REASONS,
  over_daily_cap: '客户今天已收到其他群发',
  over_monthly_cap: '客户本月收到的群发已达企业微信上限',
};

export class DraftSender {
  constructor(private d: DraftSenderDeps) {}

  /**
   * The customer's consent first (opted out, or no longer a contact: cancelled); then the contact policy of the moment
   * (over the weekly cap: cancelled; quiet hours: wait); then 微信客服 inside the window; else a group-send task for
   * the staff member who follows the customer (else the approver). `draft` is as its sender's claim or take-over
   * returned it (with that sender's lease).
   */
  async send(draft: DraftRecord, now: Date, approverStaffId?: string): Promise<DraftDto> {
    const prepared = await this.prepare(draft, now, approverStaffId);
    return 'done' in prepared ? prepared.done : (await this.groupSend([draft], prepared.sender))[0]!;
  }

  /**
   * Everything of `send` short of the group-send task: done (sent on 微信客服, cancelled, waiting out quiet hours,
   * failed, or a retry finishing), or the staff member whose task it goes in — so that drafts approved together can
   * share one task (groupSend).
   */
  async prepare(
    draft: DraftRecord,
    now: Date,
    approverStaffId?: string,
  ): Promise<{ done: DraftDto } | { sender: StaffRecord }> {
    const done = (dto: Promise<DraftDto>) => dto.then((d) => ({ done: d }));
    const merchantId = merchantOf(draft);
    const customer = await this.d.customers.findById(merchantId, String(draft.customerId));
    const refused = customer ? consentVerdict(customer) : 'not_wecom_contact';
    if (refused) return done(this.end(draft, 'cancelled', SUPPRESSION_REASONS[refused]));
    if (draft.groupSendAt) return done(this.finishGroupSend(merchantId, draft));
    // An earlier 微信客服 attempt (its answer lost) may have reached the customer: never a group send on top of it.
    const earlierKf = await this.earlierKfSend(merchantId, draft);
    if (earlierKf !== 'sent') {
      // a notice whose class or booking has come goes to nobody, however long ago it was approved
      if (isExpired(draft, now)) return done(this.expire(draft));
      const decision = await decideAtSend(this.d, merchantId, draft, now);
      if (decision && 'cancel' in decision) return done(this.end(draft, 'cancelled', decision.cancel));
      if (decision) return done(this.waitUntil(draft, decision.waitUntil, decision.note));
    }
    if (earlierKf === 'sent' || (await this.sendByKf(merchantId, draft, customer!.externalUserId!))) {
      const audit = { by: 'system', action: 'kf_sent', note: '客户48小时内联系过微信客服，已直接发送' };
      return done(this.mark(draft, 'delivered', {}, audit));
    }
    if (earlierKf === 'unknown') return done(this.end(draft, 'failed', UNCERTAIN_KF_SEND));
    const follower = customer!.followStaffIds[0];
    const sender =
      (follower && (await this.d.staff.findById(merchantId, String(follower)))) ||
      (approverStaffId && (await this.d.staff.findById(merchantId, approverStaffId)));
    if (!sender) {
      const audit = { by: 'system', action: 'send_failed', note: '客户没有跟进员工' };
      return done(this.mark(draft, 'failed', { error: '没有可以代发的员工' }, audit));
    }
    return { sender };
  }

  /**
   * One WeCom group-send task from `sender` for these drafts (prepared, same text): one draft under its own key, several
   * under a key of them all that each draft keeps (groupSendKey), so a retry of any of them finds the shared task.
   * The customers GroupSendService leaves out (opted out a moment ago, WeCom's per-customer cap) have their drafts
   * cancelled with the reason; the others are sent. Only drafts whose sender still holds the lease go in, and WeCom is
   * asked only while every one of them still does.
   */
  async groupSend(drafts: DraftRecord[], sender: StaffRecord): Promise<DraftDto[]> {
    const merchantId = merchantOf(drafts[0]!);
    const key = drafts.length === 1 ? sendKey(drafts[0]!) : batchKey(drafts);
    const out: DraftDto[] = [];
    const asked: DraftRecord[] = [];
    // from here WeCom may hold a task even if we never hear back: a retry looks for it rather than asking again
    for (const draft of drafts) {
      const change = {
        groupSendAt: new Date(),
        leaseUntil: leaseFrom(new Date()),
        ...(drafts.length > 1 ? { groupSendKey: key } : {}),
      };
      const audit = { by: 'system', action: 'group_send_requested' };
      if (await this.d.drafts.step(merchantId, draft._id, draft.status, change, audit, this.holderOf(draft)))
        asked.push(draft);
      else out.push(await this.present((await this.reload(draft)) ?? draft)); // finished or taken over elsewhere
    }
    if (!asked.length) return out;
    try {
      const task = await this.d.groupSends.create(merchantId, {
        senderStaffId: String(sender._id),
        customerIds: asked.map((d) => String(d.customerId)),
        text: asked[0]!.text,
        key,
        beforeAsking: async () => {
          for (const draft of asked) await this.mustStillHold(draft);
        },
      });
      for (const draft of asked) out.push(await this.taskCreated(draft, task, `由${sender.name}在企业微信确认发送`));
    } catch (err) {
      // WeCom (or our own check) said no: no task exists. Anything else (no answer, a lost write) is left to the retry.
      if (!(err instanceof AppError || err instanceof WecomApiError)) throw err;
      const reason = err instanceof AppError ? err.message : '企业微信暂时不可用';
      for (const draft of asked) out.push(await this.end(draft, 'failed', reason));
    }
    return out;
  }

  /**
   * Quiet hours: the draft stays approved with no holder and a lease that runs out when they end, so the resume job
   * takes it up then (and weighs the policy again). The owner reads why and when on the draft.
   */
  private waitUntil(draft: DraftRecord, until: Date, note: string): Promise<DraftDto> {
    const change = { sendAfter: until, leaseUntil: until, leaseHolder: null };
    return this.mark(draft, 'approved', change, { by: 'system', action: 'held_quiet_hours', note });
  }

  /**
   * Held to go in one task with the drafts like it the owner is still approving: approved with no holder until
   * `until`, when the resume job sends whatever is held (and the last approval of the batch sends it sooner).
   */
  holdForBatch(draft: DraftRecord, until: Date, note: string): Promise<DraftDto> {
    const change = { sendAfter: until, leaseUntil: until, leaseHolder: null };
    return this.mark(draft, 'approved', change, { by: 'system', action: HELD_FOR_BATCH, note });
  }

  /** Stops the draft's unconfirmed group-send task in WeCom and cancels the draft with the reason. */
  async stopGroupSend(draft: DraftRecord, reason: string): Promise<void> {
    // a task shared with other drafts is not stopped for all: GroupSendWithdrawal makes it again without this customer
    if (draft.groupSendKey)
      return void (await this.end(draft, 'cancelled', reason, `${reason}，已从未发出的群发中移除`));
    await this.d.groupSends.cancel(merchantOf(draft), String(draft.groupSendId));
    await this.end(draft, 'cancelled', reason, `${reason}，已停止企业微信里未发出的群发`);
  }

  /** An outcome the owner reads on the draft: the reason is its error and (unless told otherwise) its audit note. */
  end(
    draft: DraftRecord,
    status: 'failed' | 'cancelled' | 'expired',
    reason: string,
    note = reason,
  ): Promise<DraftDto> {
    const action = status === 'failed' ? 'send_failed' : status;
    return this.mark(draft, status, { error: reason }, { by: 'system', action, note });
  }

  /** A notice whose moment has come (notice-expiry.ts): expired, with why, and never sent. */
  expire(draft: DraftRecord): Promise<DraftDto> {
    return this.end(draft, 'expired', expiredMessage(draft));
  }

  /**
   * Moves the draft on from the status it was read in — an approved one only while its sender still holds the lease;
   * if someone else moved it first (or took it over), shows it as it is now.
   */
  async mark(draft: DraftRecord, status: DraftStatus, change: DraftChange, audit: AuditEntry): Promise<DraftDto> {
    const { _id, status: from } = draft;
    const stepped = await this.d.drafts.step(
      merchantOf(draft),
      _id,
      from,
      { status, ...change },
      audit,
      this.holderOf(draft),
    );
    return this.present(stepped ?? (await this.reload(draft)) ?? draft);
  }

  /** The lease the sender of an approved draft holds (drafts in other statuses are nobody's to send). */
  private holderOf(draft: DraftRecord): string | undefined {
    return draft.status === 'approved' ? (draft.leaseHolder ?? undefined) : undefined;
  }

  /**
   * Right before WeCom is asked: still this sender's draft, with a lease that has not run out (renewed); else
   * LeaseLost, and the draft is left as it is for whoever holds it now (or the resume job).
   */
  private async mustStillHold(draft: DraftRecord): Promise<void> {
    const holder = this.holderOf(draft);
    const now = new Date();
    if (!holder || !(await this.d.drafts.renewLease(merchantOf(draft), draft._id, holder, now, leaseFrom(now))))
      throw new LeaseLost();
  }

  reload(draft: DraftRecord): Promise<DraftRecord | null> {
    return this.d.drafts.findById(merchantOf(draft), draft._id);
  }

  async present(d: DraftRecord): Promise<DraftDto> {
    return presentDraft(d, displayName(await this.d.customers.findById(merchantOf(d), String(d.customerId))));
  }

  /**
   * Sends through 微信客服 when WeCom would accept it now; the draft's key as our msgid makes a retry send nothing
   * twice. A send whose outcome is unknown (no answer from WeCom) throws, so the retry goes the same way rather than
   * as a group-send task on top; so does a sender whose lease was taken over (LeaseLost: it sends nothing).
   */
  private async sendByKf(merchantId: MerchantId, draft: DraftRecord, externalUserId: string): Promise<boolean> {
    const session = await this.d.kf.sessions.openWindow(merchantId, externalUserId, new Date());
    const app = session && (await this.d.kf.apps.findByMerchant(merchantId));
    if (!session || !app) return false;
    await this.mustStillHold(draft);
    const to = { openKfId: session.openKfId, externalUserId };
    const outcome = await this.d.kf.service.sendText(app, to, draft.text, sendKey(draft));
    if (outcome.status === 'failed' && outcome.reason?.startsWith('error:')) {
      throw new Error(`微信客服 send outcome unknown (${outcome.reason})`);
    }
    return outcome.status === 'sent';
  }

  /**
   * What became of an earlier 微信客服 send of this draft: none; sent; refused by WeCom or never attempted (so a group
   * send is safe); or unknown — started and never answered ('sending', or an error that was not WeCom's).
   */
  private async earlierKfSend(
    merchantId: MerchantId,
    draft: DraftRecord,
  ): Promise<'none' | 'sent' | 'refused' | 'unknown'> {
    const earlier = await this.d.kf.sessions.findOutgoing(merchantId, sendKey(draft));
    if (!earlier) return 'none';
    if (earlier.status === 'sent') return 'sent';
    const unknown =
      earlier.status === 'sending' || (earlier.status === 'failed' && !!earlier.reason?.startsWith('error:'));
    return unknown ? 'unknown' : 'refused';
  }

  /** A retry after WeCom was asked for the task: the task stored under the draft's key, or, without it, no guess. */
  private async finishGroupSend(merchantId: MerchantId, draft: DraftRecord): Promise<DraftDto> {
    const task = await this.d.groupSends.findByKey(merchantId, draft.groupSendKey ?? sendKey(draft));
    return task
      ? this.taskCreated(draft, task, '员工在企业微信确认后发出')
      : this.end(draft, 'failed', UNCERTAIN_GROUP_SEND);
  }

  /** The draft is in the task (sent, for its staff member to confirm), or was left out of it with the reason. */
  private taskCreated(draft: DraftRecord, task: GroupSendRecord, note: string): Promise<DraftDto> {
    const left = task.skipped.find((s) => String(s.customerId) === String(draft.customerId));
    if (left) return this.end(draft, 'cancelled', SKIPPED[left.reason] ?? '客户不能接收这次群发');
    const change = { groupSendId: task._id.toHexString() };
    return this.mark(draft, 'sent', change, { by: 'system', action: 'group_send_created', note });
  }
}
