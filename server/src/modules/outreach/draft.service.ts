// The owner's drafts inbox: approve (as written or edited, one or many), reject. An approved draft goes to a customer
// who wrote to 微信客服 in the last 48 hours straight through 微信客服 (WeCom allows it there, so it is delivered at
// once); otherwise it becomes a WeCom group-send task for the staff member who follows the customer (they confirm it
// in WeCom) and WeCom's send results later mark it delivered or failed. A scenario the owner trusts may send without
// approval. Every step is kept in the draft's audit trail with who did it.
//
// Consent is checked again at the moment of sending, on every path: a customer who opted out or is no longer a
// contact gets nothing, and the draft is cancelled with the reason (their pending drafts are cancelled as soon as
// they opt out). Sending is leased: a draft whose sending was interrupted stays approved, and resumeInterrupted
// (a recurring job) finishes it once — 微信客服 with the same msgid, the group-send task found by its key.
import { SUPPRESSION_REASONS, type DraftStatus } from '@xiaoer/common/constants/outreach';
import type { DraftDto } from '@xiaoer/common/schemas/outreach';
import { SCENARIOS } from '@xiaoer/common/constants/scenarios';
import { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import { checkReply, violationsText } from '../ai/guardrails.js';
import type { GroupSendService } from '../campaigns/group-send.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { KfService } from '../conversations/kf.service.js';
import { WecomApiError } from '../wecom/api/wecom-errors.js';
import type { WecomAppRepository } from '../wecom/wecom-app.repository.js';
import { consentVerdict } from './contact-policy.js';
import type { Draft, DraftModel } from './outreach.model.js';
import { auditedUpdate, type AuditEntry } from '../../db/audited-update.js';

type DraftRecord = Draft & { _id: Types.ObjectId };
/** WeCom's per-customer send result: 1 sent; 2 not a contact (any more); 3 already got a group message today. */
const SEND_RESULT_FAILURE: Record<number, string> = {
  2: '客户已不是好友，未送达',
  3: '客户今天已收到其他群发，未送达',
};
/** how long after sending we keep asking WeCom whether the staff member confirmed */
const DELIVERY_WATCH_DAYS = 3;
/** how long one worker owns an approved draft's sending (a send takes seconds); then another may take it over */
const DISPATCH_LEASE_MS = 5 * 60_000;
/** an interrupted send older than this is not made up for: the message would arrive out of its moment */
const RESUME_WITHIN_MS = 86_400_000;
/** drafts one resume run takes over at most (the next run takes the rest) */
const RESUME_BATCH = 50;
const APPROVALS = new Set(['approved', 'edited_and_approved', 'auto_approved']);
const UNCERTAIN_GROUP_SEND =
  '发送时中断，无法确认企业微信是否已建好群发任务：请在企业微信的客户群发记录里确认，没有的话请手动发送';
const UNCERTAIN_KF_SEND =
  '通过微信客服发送时中断，无法确认客户是否已收到：请在微信客服的聊天记录里确认，没有的话请手动发送';
const TOO_LATE = '发送中断已超过一天，没有补发';

export class DraftService {
  constructor(
    private drafts: DraftModel,
    private customers: CustomerRepository,
    private staff: StaffRepository,
    private groupSends: GroupSendService,
    private knowledge: KnowledgeBaseService,
    private kf: {
      sessions: Pick<KfRepository, 'openWindow' | 'findOutgoing'>;
      service: Pick<KfService, 'sendText'>;
      apps: Pick<WecomAppRepository, 'findByMerchant'>;
    },
    private logger: Logger,
  ) {}

  async list(merchantId: MerchantId, status?: DraftStatus): Promise<DraftDto[]> {
    const rows = await this.drafts
      .find({ merchantId: merchantObjectId(merchantId), ...(status ? { status } : {}) })
      .sort({ createdAt: -1 })
      .limit(500)
      .lean<DraftRecord[]>()
      .exec();
    const customers = await this.customers.findManyByIds(
      merchantId,
      rows.map((r) => r.customerId),
    );
    return rows.map((r) => present(r, displayName(customers.get(String(r.customerId)))));
  }

  /** Approves and sends: the text may be edited first (and is checked again). */
  async approve(session: Session, id: string, editedText?: string): Promise<DraftDto> {
    const { merchantId } = session;
    const draft = await this.find(merchantId, id);
    if (draft.status === 'cancelled')
      throw conflict(`这条草稿已取消（${draft.error ?? '客户不能再接收消息'}），不会再发送`);
    if (draft.status !== 'pending') throw conflict('这条草稿已经处理过了');
    const text = editedText?.trim() || draft.text;
    if (editedText) {
      const kb = await this.knowledge.get(merchantId);
      const guard = checkReply(text, draft.citedIds, kb, kb.merchant.industry);
      if (!guard.ok)
        throw new AppError('validation_failed', {
          message: `改过的内容没有通过核对：${violationsText(guard)}，请与店铺资料保持一致`,
        });
    }
    const claimed = await this.claim(draft, text, {
      by: session.staffId,
      action: editedText ? 'edited_and_approved' : 'approved',
    });
    if (!claimed) throw conflict('这条草稿已经处理过了'); // approved by someone else a moment ago
    return this.sendOrLeave(claimed, session.staffId);
  }

  /** A scenario the owner lets send without approval: its pending drafts of the day go out as the system's. */
  async autoSend(merchantId: MerchantId, scenario: string, day: string): Promise<number> {
    const pending = await this.drafts
      .find({ merchantId: merchantObjectId(merchantId), scenario, day, status: 'pending' })
      .lean<DraftRecord[]>()
      .exec();
    let sent = 0;
    for (const draft of pending) {
      const claimed = await this.claim(draft, draft.text, { by: 'system', action: 'auto_approved' });
      if (claimed && ['sent', 'delivered'].includes((await this.sendOrLeave(claimed)).status)) sent++;
    }
    return sent;
  }

  /**
   * Takes over approved drafts whose sending was interrupted (the lease ran out: an error, or the worker died) and
   * finishes them, each once across workers: the take-over is one atomic update that renews the lease. Platform-wide,
   * like the inbox's claim; each draft is then handled within its own merchant. Returns how many it took over.
   */
  async resumeInterrupted(now = new Date()): Promise<number> {
    let taken = 0;
    for (; taken < RESUME_BATCH; taken++) {
      const draft = await auditedUpdate<Draft, DraftRecord>(
        this.drafts,
        { status: 'approved', $or: [{ leaseUntil: { $lt: now } }, { leaseUntil: { $exists: false } }] },
        { leaseUntil: new Date(now.getTime() + DISPATCH_LEASE_MS) },
        { by: 'system', action: 'dispatch_resumed' },
      );
      if (!draft) break;
      // drafts approved before leases existed carry the time only in their audit trail
      const approvedAt = draft.approvedAt ?? draft.audit.findLast((a) => APPROVALS.has(a.action))?.at;
      if (now.getTime() - (approvedAt ?? draft.createdAt).getTime() > RESUME_WITHIN_MS) {
        await this.end(draft, 'failed', TOO_LATE);
        continue;
      }
      try {
        await this.dispatch(draft);
      } catch (err) {
        this.logger.warn({ err, draftId: String(draft._id) }, 'resumed draft send interrupted again; retried later');
      }
    }
    return taken;
  }

  /**
   * The customer opted out: their drafts still waiting for the owner will not be sent, and group-send tasks their
   * staff member has not confirmed yet are stopped in WeCom. A task WeCom could not be told about now is stopped at
   * the next delivery check (refreshDelivery), which checks consent again.
   */
  async cancelPendingFor(merchantId: MerchantId, customerId: Types.ObjectId): Promise<void> {
    const reason = SUPPRESSION_REASONS.opted_out;
    const audit = { at: new Date(), by: 'system', action: 'cancelled', note: reason };
    const mine = { merchantId: merchantObjectId(merchantId), customerId };
    await this.drafts
      .updateMany({ ...mine, status: 'pending' }, { $set: { status: 'cancelled', error: reason }, $push: { audit } })
      .exec();
    const tasks = await this.drafts
      .find({ ...mine, status: 'sent', groupSendId: { $ne: null } })
      .lean<DraftRecord[]>()
      .exec();
    for (const draft of tasks) {
      await this.stopGroupSend(merchantId, draft, reason).catch((err) =>
        this.logger.warn(
          { err, draftId: String(draft._id) },
          'group send not stopped yet; retried at the next delivery check',
        ),
      );
    }
  }

  /** Stops the draft's unconfirmed group-send task in WeCom and cancels the draft with the reason. */
  private async stopGroupSend(merchantId: MerchantId, draft: DraftRecord, reason: string): Promise<void> {
    await this.groupSends.cancel(merchantId, String(draft.groupSendId));
    await this.end(draft, 'cancelled', reason, `${reason}，已停止企业微信里未发出的群发`);
  }

  /**
   * Asks WeCom how the recently sent drafts went: delivered once the staff member confirmed and the customer got it,
   * failed when WeCom says it could not be delivered. Tasks still unconfirmed are asked again next time.
   */
  async refreshDelivery(merchantId: MerchantId, now = new Date()): Promise<{ delivered: number; failed: number }> {
    const sent = await this.drafts
      .find({
        merchantId: merchantObjectId(merchantId),
        status: 'sent',
        groupSendId: { $ne: null },
        updatedAt: { $gte: new Date(now.getTime() - DELIVERY_WATCH_DAYS * 86_400_000) },
      })
      .limit(100)
      .lean<DraftRecord[]>()
      .exec();
    const outcome = { delivered: 0, failed: 0 };
    for (const draft of sent) {
      const [results, customer] = await Promise.all([
        this.groupSends.results(merchantId, String(draft.groupSendId)),
        this.customers.findById(merchantId, String(draft.customerId)),
      ]);
      const result = results.find((r) => r.externalUserId === customer?.externalUserId);
      const refused = customer ? consentVerdict(customer) : 'not_wecom_contact';
      if (refused && result?.status === 0) {
        await this.stopGroupSend(merchantId, draft, SUPPRESSION_REASONS[refused]);
        outcome.failed++;
      } else if (result?.status === 1) {
        await this.mark(draft, 'delivered', {}, { by: 'wecom', action: 'delivered' });
        outcome.delivered++;
      } else if (result && SEND_RESULT_FAILURE[result.status]) {
        await this.mark(
          draft,
          'failed',
          { error: SEND_RESULT_FAILURE[result.status] },
          { by: 'wecom', action: 'not_delivered', note: SEND_RESULT_FAILURE[result.status] },
        );
        outcome.failed++;
      }
    }
    return outcome;
  }

  /**
   * Sends through 微信客服 when WeCom would accept it now; the draft's id as our msgid makes a retry send nothing
   * twice. A send whose outcome is unknown (no answer from WeCom) throws, so the retry goes the same way rather than
   * as a group-send task on top.
   */
  private async sendByKf(merchantId: MerchantId, draft: DraftRecord, externalUserId: string): Promise<boolean> {
    const session = await this.kf.sessions.openWindow(merchantId, externalUserId, new Date());
    const app = session && (await this.kf.apps.findByMerchant(merchantId));
    if (!session || !app) return false;
    const to = { openKfId: session.openKfId, externalUserId };
    const outcome = await this.kf.service.sendText(app, to, draft.text, kfMsgId(draft));
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
    const earlier = await this.kf.sessions.findOutgoing(merchantId, kfMsgId(draft));
    if (!earlier) return 'none';
    if (earlier.status === 'sent') return 'sent';
    const unknown =
      earlier.status === 'sending' || (earlier.status === 'failed' && !!earlier.reason?.startsWith('error:'));
    return unknown ? 'unknown' : 'refused';
  }

  /** pending → approved, once: a second tap (or a second worker) gets null. The claimer holds the sending lease. */
  private claim(draft: DraftRecord, text: string, audit: { by: string; action: string }): Promise<DraftRecord | null> {
    const now = new Date();
    return auditedUpdate<Draft, DraftRecord>(
      this.drafts,
      { _id: draft._id, merchantId: draft.merchantId, status: 'pending' },
      { status: 'approved', text, approvedAt: now, leaseUntil: new Date(now.getTime() + DISPATCH_LEASE_MS) },
      audit,
    );
  }

  /** Sends now; if sending is interrupted the draft stays approved, and resumeInterrupted finishes it later. */
  private async sendOrLeave(draft: DraftRecord, approverStaffId?: string): Promise<DraftDto> {
    try {
      return await this.dispatch(draft, approverStaffId);
    } catch (err) {
      this.logger.warn({ err, draftId: String(draft._id) }, 'draft send interrupted; resumed after its lease');
      return this.present(String(draft.merchantId) as MerchantId, (await this.reload(draft)) ?? draft);
    }
  }

  /**
   * The customer's consent first (opted out, or no longer a contact: cancelled); then 微信客服 inside the window; else
   * a group-send task for the staff member who follows the customer (else the approver).
   */
  private async dispatch(draft: DraftRecord, approverStaffId?: string): Promise<DraftDto> {
    const merchantId = String(draft.merchantId) as MerchantId;
    const customer = await this.customers.findById(merchantId, String(draft.customerId));
    const refused = customer ? consentVerdict(customer) : 'not_wecom_contact';
    if (refused) return this.end(draft, 'cancelled', SUPPRESSION_REASONS[refused]);
    if (draft.groupSendAt) return this.finishGroupSend(merchantId, draft);
    // An earlier 微信客服 attempt (its answer lost) may have reached the customer: never a group send on top of it.
    const earlierKf = await this.earlierKfSend(merchantId, draft);
    if (earlierKf === 'sent' || (await this.sendByKf(merchantId, draft, customer!.externalUserId!))) {
      return this.mark(
        draft,
        'delivered',
        {},
        { by: 'system', action: 'kf_sent', note: '客户48小时内联系过微信客服，已直接发送' },
      );
    }
    if (earlierKf === 'unknown') return this.end(draft, 'failed', UNCERTAIN_KF_SEND);
    const follower = customer!.followStaffIds[0];
    const sender =
      (follower && (await this.staff.findById(merchantId, String(follower)))) ||
      (approverStaffId && (await this.staff.findById(merchantId, approverStaffId)));
    if (!sender) {
      const audit = { by: 'system', action: 'send_failed', note: '客户没有跟进员工' };
      return this.mark(draft, 'failed', { error: '没有可以代发的员工' }, audit);
    }
    // from here WeCom may hold a task even if we never hear back: a retry looks for it rather than asking again
    const asked = await this.step(draft, { groupSendAt: new Date() }, { by: 'system', action: 'group_send_requested' });
    if (!asked) return this.present(merchantId, (await this.reload(draft)) ?? draft); // another worker finished it
    const request = { senderStaffId: String(sender._id), customerIds: [String(draft.customerId)], text: draft.text };
    try {
      const task = await this.groupSends.create(merchantId, { ...request, key: groupSendKey(draft) });
      return this.sent(draft, task.id, `由${sender.name}在企业微信确认发送`);
    } catch (err) {
      // WeCom (or our own check) said no: no task exists. Anything else (no answer, a lost write) is left to the retry.
      if (!(err instanceof AppError || err instanceof WecomApiError)) throw err;
      return this.end(draft, 'failed', err instanceof AppError ? err.message : '企业微信暂时不可用');
    }
  }

  /** A retry after WeCom was asked for the task: the task stored under the draft's key, or, without it, no guess. */
  private async finishGroupSend(merchantId: MerchantId, draft: DraftRecord): Promise<DraftDto> {
    const task = await this.groupSends.findByKey(merchantId, groupSendKey(draft));
    return task
      ? this.sent(draft, task.id, '员工在企业微信确认后发出')
      : this.end(draft, 'failed', UNCERTAIN_GROUP_SEND);
  }

  private sent(draft: DraftRecord, taskId: string, note: string): Promise<DraftDto> {
    const audit = { by: 'system', action: 'group_send_created', note };
    return this.mark(draft, 'sent', { groupSendId: new Types.ObjectId(taskId) }, audit);
  }

  /** An outcome the owner reads on the draft: the reason is its error and (unless told otherwise) its audit note. */
  private end(draft: DraftRecord, status: 'failed' | 'cancelled', reason: string, note = reason): Promise<DraftDto> {
    const action = status === 'failed' ? 'send_failed' : 'cancelled';
    return this.mark(draft, status, { error: reason }, { by: 'system', action, note });
  }

  async approveMany(
    session: Session,
    ids: string[],
  ): Promise<{ results: { id: string; status?: DraftStatus; error?: string }[] }> {
    const results = [];
    for (const id of ids) {
      try {
        const d = await this.approve(session, id);
        results.push({ id, status: d.status, ...(d.error ? { error: d.error } : {}) });
      } catch (err) {
        results.push({ id, error: (err as Error).message });
      }
    }
    return { results };
  }

  async reject(session: Session, id: string, note?: string): Promise<DraftDto> {
    const draft = await this.find(session.merchantId, id);
    const updated = await auditedUpdate<Draft, DraftRecord>(
      this.drafts,
      { _id: draft._id, merchantId: draft.merchantId, status: 'pending' },
      { status: 'rejected' },
      { by: session.staffId, action: 'rejected', note },
    );
    if (!updated) throw conflict('这条草稿已经处理过了');
    return this.present(session.merchantId, updated);
  }

  private async find(merchantId: MerchantId, id: string): Promise<DraftRecord> {
    const draft = await this.drafts
      .findOne({ _id: new Types.ObjectId(id), merchantId: merchantObjectId(merchantId) })
      .lean<DraftRecord>()
      .exec();
    if (!draft) throw notFound('没有找到这条草稿');
    return draft;
  }

  /** One audited step, only while the draft is still in the status it was read in (null: someone else moved it). */
  private step(draft: DraftRecord, set: Partial<Draft>, audit: AuditEntry): Promise<DraftRecord | null> {
    return auditedUpdate<Draft, DraftRecord>(this.drafts, { _id: draft._id, status: draft.status }, set, audit);
  }

  private async mark(
    draft: DraftRecord,
    status: DraftStatus,
    set: Partial<Draft>,
    audit: AuditEntry,
  ): Promise<DraftDto> {
    const updated = (await this.step(draft, { status, ...set }, audit)) ?? (await this.reload(draft)) ?? draft;
    return this.present(String(draft.merchantId) as MerchantId, updated);
  }

  private reload(draft: DraftRecord): Promise<DraftRecord | null> {
    return this.drafts.findOne({ _id: draft._id, merchantId: draft.merchantId }).lean<DraftRecord>().exec();
  }

  private async present(merchantId: MerchantId, d: DraftRecord): Promise<DraftDto> {
    return present(d, displayName(await this.customers.findById(merchantId, String(d.customerId))));
  }
}

/** Our msgid of a draft sent on 微信客服: a resend with it is never delivered twice. */
const kfMsgId = (draft: DraftRecord) => `draft-${draft._id.toHexString()}`;

/** The idempotency key of a draft's group-send task. */
const groupSendKey = (draft: DraftRecord) => `draft-${draft._id.toHexString()}`;

/** How staff know the customer: their remark, else their name. */
const displayName = (c: { remark?: string; name: string } | null | undefined) => c?.remark || c?.name || '已删除的客户';

const present = (d: DraftRecord, customerName: string): DraftDto => ({
  id: d._id.toHexString(),
  scenario: d.scenario,
  scenarioName: SCENARIOS[d.scenario as keyof typeof SCENARIOS]?.name ?? d.scenario,
  customer: { id: String(d.customerId), name: customerName },
  text: d.text,
  reason: d.reason,
  writtenBy: d.writtenBy ?? 'template',
  status: d.status,
  ...(d.error ? { error: d.error } : {}),
  ...(d.groupSendId ? { groupSendId: String(d.groupSendId) } : {}),
  audit: d.audit.map((a) => ({
    at: a.at.toISOString(),
    by: a.by,
    action: a.action,
    ...(a.note ? { note: a.note } : {}),
  })),
  createdAt: d.createdAt.toISOString(),
});
