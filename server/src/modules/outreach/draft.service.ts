// The owner's drafts inbox: approve (as written or edited, one or many), reject. An approved draft is sent by
// DraftSender (微信客服 inside the 48-hour window, else a WeCom group-send task the staff member confirms), and WeCom's
// send results later mark it delivered or failed. A scenario the owner trusts may send without approval. Every step is
// kept in the draft's audit trail with who did it.
//
// The contact policy is checked again at the moment of sending, on every path (approve, approve many, auto-send,
// resume): consent and the weekly cap cancel the draft, quiet hours hold it until they end. A customer's waiting
// drafts are cancelled as soon as they opt out. Sending is leased: a draft whose sending was interrupted (or that
// waited out quiet hours) stays approved, and resumeInterrupted (a recurring job) finishes it once.
import { SUPPRESSION_REASONS, type DraftStatus } from '@xiaoer/common/constants/outreach';
import type { Page } from '@xiaoer/common/schemas/common';
import type { DraftDto, DraftListQuery } from '@xiaoer/common/schemas/outreach';
import type { Types } from 'mongoose';
import type { Session } from '../../auth/session.js';
import { newestFirstPage } from '../../db/newest-first-page.js';
import { AppError, conflict, notFound } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { checkReply, violationsText } from '../ai/guardrails.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import { consentVerdict } from './contact-policy.js';
import { newLease, tooLateToResume } from './draft-lease.js';
import { expiredMessage, isExpired } from './notice-expiry.js';
import { displayName, presentDraft } from './draft.presenter.js';
import type { DraftRecord } from './draft.repository.js';
import { DraftSender, HELD_FOR_BATCH, LeaseLost, merchantOf, type DraftSenderDeps } from './draft-sender.js';
import type { StaffRecord } from '../staff/staff.repository.js';

/** WeCom's per-customer send result: 1 sent; 2 not a contact (any more); 3 already got a group message today. */
const SEND_RESULT_FAILURE: Record<number, string> = {
  2: '客户已不是好友，未送达',
  3: '客户今天已收到其他群发，未送达',
};
/** how long after sending we keep asking WeCom whether the staff member confirmed */
const DELIVERY_WATCH_DAYS = 3;
/** drafts one resume run looks at most (the next run takes the rest) */
const RESUME_BATCH = 50;
const TOO_LATE = '发送中断已超过一天，没有补发';
const ALREADY_HANDLED = '这条草稿已经处理过了';
/**
 * How long an approved draft waits for the drafts like it (same scenario, day and text) the owner is still approving
 * one by one, so that they go as one group-send task per staff member rather than one each.
 */
export const BATCH_WINDOW_MS = 60 * 60_000;
/** the inbox asked for without a page: at most this many, newest first */
const WHOLE_LIST = 500;

export class DraftService {
  private sender: DraftSender;

  constructor(private d: DraftSenderDeps & { knowledge: KnowledgeBaseService; logger: Logger }) {
    this.sender = new DraftSender(d);
  }

  /**
   * The inbox, newest first: drafts of one status (`handled`: all but pending); with `limit`, one page of them, else
   * the latest 500 (today's page counts the pending ones).
   */
  async list(merchantId: MerchantId, query: DraftListQuery = {}): Promise<Page<DraftDto>> {
    const { status, limit, cursor } = query;
    // notices whose class or booking has come leave the pending list as expired before the owner reads it
    await this.d.drafts.expireOverdue(merchantId, new Date());
    const { items: rows, nextCursor } = await newestFirstPage(
      (before, n, beforeId) => this.d.drafts.inboxBefore(merchantId, status, before, n, beforeId),
      (r) => r.createdAt,
      { limit: limit ?? WHOLE_LIST, cursor },
    );
    const customers = await this.d.customers.findManyByIds(
      merchantId,
      rows.map((r) => r.customerId),
    );
    const items = rows.map((r) => presentDraft(r, displayName(customers.get(String(r.customerId)))));
    return nextCursor && limit ? { items, nextCursor } : { items };
  }

  /**
   * Approves and sends: the text may be edited first (and is checked again). A draft that would become a group-send
   * task while drafts like it (same scenario, day and text) still wait for the owner is held, for at most
   * BATCH_WINDOW_MS: the approval of the last of them sends them all together (one task per staff member), and the
   * resume job sends whatever is still held when the window ends.
   */
  async approve(session: Session, id: string, editedText?: string): Promise<DraftDto> {
    const claimed = await this.claimForApproval(session, id, editedText);
    const now = claimed.approvedAt!;
    const prepared = await this.orLeave([claimed], () => this.sender.prepare(claimed, now, session.staffId));
    if (!prepared) return this.leftAsIs(claimed);
    if ('done' in prepared) return prepared.done;
    const alike = await this.alike(claimed);
    if (alike.some((d) => d.status === 'pending')) {
      const until = new Date(now.getTime() + BATCH_WINDOW_MS);
      return this.sender.holdForBatch(claimed, until, '同类草稿审核完后合并成一个群发任务发出');
    }
    const taken = await this.takeHeld(alike, now);
    const [sent] = await this.sendTogether([claimed, ...taken], now, session.staffId, new Map([[claimed, prepared]]));
    return sent!;
  }

  /** The other drafts of the same scenario, day and text: those approved one by one go as one batch. */
  private async alike(draft: DraftRecord): Promise<DraftRecord[]> {
    const { scenario, day } = draft;
    const rows = await this.d.drafts.list(merchantOf(draft), { scenario, day }, 1000);
    return rows.filter((d) => d.text === draft.text && !d._id.equals(draft._id));
  }

  /** Takes up the drafts of `alike` held for their batch (each once across workers) to be sent now. */
  private async takeHeld(alike: DraftRecord[], now: Date): Promise<DraftRecord[]> {
    const taken = [];
    for (const d of alike.filter((a) => a.status === 'approved' && a.audit.at(-1)?.action === HELD_FOR_BATCH)) {
      const audit = { by: 'system', action: 'batch_complete', note: '同类草稿已审核完，一起发送' };
      const mine = await this.d.drafts.takeHeld(merchantOf(d), d._id, now, newLease(now), audit);
      if (mine) taken.push(mine);
    }
    return taken;
  }

  /**
   * A draft left the owner's list without being approved: if it was the last of its batch still waiting, the ones
   * held for it go now rather than when the window ends.
   */
  private async releaseBatchOf(draft: DraftRecord, now: Date): Promise<void> {
    const alike = await this.alike(draft);
    if (alike.some((d) => d.status === 'pending')) return;
    const taken = await this.takeHeld(alike, now);
    if (taken.length) await this.sendTogether(taken, now);
  }

  /** pending → approved by this member (the text checked again if edited), or why not. */
  private async claimForApproval(session: Session, id: string, editedText?: string): Promise<DraftRecord> {
    const { merchantId } = session;
    const draft = await this.find(merchantId, id);
    if (draft.status === 'cancelled')
      throw conflict(`这条草稿已取消（${draft.error ?? '客户不能再接收消息'}），不会再发送`);
    const now = new Date();
    // a notice whose class or booking has come is expired as the owner taps it (if the inbox did not already)
    if (draft.status === 'expired' || (draft.status === 'pending' && isExpired(draft, now))) {
      if (draft.status === 'pending') await this.sender.expire(draft);
      throw conflict(expiredMessage(draft));
    }
    if (draft.status !== 'pending') throw conflict(ALREADY_HANDLED);
    const text = editedText?.trim() || draft.text;
    if (editedText) {
      const kb = await this.d.knowledge.get(merchantId);
      const guard = checkReply(text, draft.citedIds, kb, kb.merchant.industry);
      if (!guard.ok)
        throw new AppError('validation_failed', {
          message: `改过的内容没有通过核对：${violationsText(guard)}，请与店铺资料保持一致`,
        });
    }
    const claimed = await this.claim(draft, text, now, {
      by: session.staffId,
      action: editedText ? 'edited_and_approved' : 'approved',
    });
    if (!claimed) throw conflict(ALREADY_HANDLED); // approved by someone else a moment ago
    return claimed;
  }

  /**
   * Approves many as written and sends them together (sendTogether): drafts of one scenario with the same text whose
   * customers one staff member follows become one group-send task for that member, not one each.
   */
  async approveMany(
    session: Session,
    ids: string[],
  ): Promise<{ results: { id: string; status?: DraftStatus; error?: string }[] }> {
    const claimed: DraftRecord[] = [];
    const refused = new Map<number, string>();
    for (const [i, id] of ids.entries()) {
      try {
        claimed.push(await this.claimForApproval(session, id));
      } catch (err) {
        refused.set(i, (err as Error).message);
      }
    }
    const sent = await this.sendTogether(claimed, new Date(), session.staffId);
    let next = 0;
    const results = ids.map((id, i) => {
      const error = refused.get(i);
      if (error !== undefined) return { id, error };
      const d = sent[next++]!;
      return { id, status: d.status, ...(d.error ? { error: d.error } : {}) };
    });
    return { results };
  }

  /**
   * Sends claimed drafts, in their order: each is prepared on its own (consent, the contact policy, 微信客服), and
   * those left for a group send are grouped by scenario, staff member and text into one task each. A WeCom task
   * carries one text, so only drafts with identical text share a task: drafts written for each customer (the LLM's,
   * or a template naming the customer) stay one task each, and identical ones — however they were written — are
   * grouped. A draft whose sending is interrupted is left approved for resumeInterrupted, as with one at a time.
   */
  private async sendTogether(
    claimed: DraftRecord[],
    now: Date,
    approverStaffId?: string,
    /** drafts already prepared (a single approval finishing a batch): not prepared twice */
    ready = new Map<DraftRecord, { sender: StaffRecord }>(),
  ): Promise<DraftDto[]> {
    const done = new Map<DraftRecord, DraftDto>();
    const batches = new Map<string, { sender: StaffRecord; drafts: DraftRecord[] }>();
    for (const draft of claimed) {
      const prepared =
        ready.get(draft) ?? (await this.orLeave([draft], () => this.sender.prepare(draft, now, approverStaffId)));
      if (!prepared) done.set(draft, await this.leftAsIs(draft));
      else if ('done' in prepared) done.set(draft, prepared.done);
      else {
        const key = [draft.scenario, String(prepared.sender._id), draft.text].join('\u0000');
        const batch = batches.get(key) ?? { sender: prepared.sender, drafts: [] };
        batch.drafts.push(draft);
        batches.set(key, batch);
      }
    }
    for (const { sender, drafts } of batches.values()) {
      const sent = await this.orLeave(drafts, () => this.sender.groupSend(drafts, sender));
      for (const [i, draft] of drafts.entries()) done.set(draft, sent?.[i] ?? (await this.leftAsIs(draft)));
    }
    return claimed.map((d) => done.get(d)!);
  }

  async reject(session: Session, id: string, note?: string): Promise<DraftDto> {
    const draft = await this.find(session.merchantId, id);
    const audit = { by: session.staffId, action: 'rejected', note };
    const updated = await this.d.drafts.step(session.merchantId, draft._id, 'pending', { status: 'rejected' }, audit);
    if (!updated) throw conflict(ALREADY_HANDLED);
    await this.releaseBatchOf(updated, new Date());
    return this.sender.present(updated);
  }

  /**
   * A scenario the owner lets send without approval: its pending drafts of the day go out as the system's, by the
   * contact policy at `now` (the scan's clock). Returns how many went out now (not those waiting out quiet hours).
   */
  async autoSend(merchantId: MerchantId, scenario: string, day: string, now = new Date()): Promise<number> {
    const pending = await this.d.drafts.list(merchantId, { scenario, day, status: 'pending' });
    const claimed: DraftRecord[] = [];
    for (const draft of pending) {
      const mine = await this.claim(draft, draft.text, now, { by: 'system', action: 'auto_approved' });
      if (mine) claimed.push(mine);
    }
    return (await this.sendTogether(claimed, now)).filter((d) => ['sent', 'delivered'].includes(d.status)).length;
  }

  /**
   * Takes over approved drafts whose sending was interrupted (the lease ran out: an error, or the worker died), or
   * that waited out quiet hours, and finishes them, each once across workers: the take-over is one atomic update that
   * leases it to a new holder. Platform-wide, like the inbox's claim; each draft is then handled within its own
   * merchant, by its contact policy at `now`. Returns how many it took over.
   */
  async resumeInterrupted(now = new Date()): Promise<number> {
    let taken = 0;
    // sent together at the end: drafts held for a batch whose window ended go as one task per staff member
    const toSend: DraftRecord[] = [];
    for (let looked = 0; looked < RESUME_BATCH; looked++) {
      const next = await this.d.drafts.nextInterrupted(now);
      if (!next) break;
      const audit = !next.heldBy
        ? { by: 'system', action: 'dispatch_resumed' }
        : next.heldBy === HELD_FOR_BATCH
          ? { by: 'system', action: 'batch_window_over', note: '同类草稿等待已满一小时，开始发送' }
          : { by: 'system', action: 'quiet_hours_over', note: '免打扰时段结束，开始发送' };
      const draft = await this.d.drafts.takeOver(next.merchantId, next.id, now, newLease(now), audit);
      if (!draft) continue; // another worker took it over a moment ago
      taken++;
      if (tooLateToResume(draft, now)) {
        await this.sender.end(draft, 'failed', TOO_LATE);
        continue;
      }
      toSend.push(draft);
    }
    await this.sendTogether(toSend, now);
    return taken;
  }

  /**
   * The customer opted out: their drafts still waiting (for the owner, or for quiet hours to end) will not be sent,
   * and group-send tasks their staff member has not confirmed yet are stopped in WeCom — a draft's task WeCom could
   * not be told about now is stopped at the next delivery check (refreshDelivery), which checks consent again — and
   * group sends made by hand that name them are made again without them (GroupSendService.withdraw).
   */
  async cancelPendingFor(merchantId: MerchantId, customerId: Types.ObjectId): Promise<void> {
    const reason = SUPPRESSION_REASONS.opted_out;
    await this.d.drafts.cancelPending(merchantId, customerId, reason, new Date());
    for (const draft of await this.d.drafts.awaitingDelivery(merchantId, { customerId }, 1000)) {
      await this.sender
        .stopGroupSend(draft, reason)
        .catch((err) =>
          this.d.logger.warn(
            { err, draftId: String(draft._id) },
            'group send not stopped yet; retried at the next delivery check',
          ),
        );
    }
    await this.d.groupSends
      .withdraw(merchantId, String(customerId))
      .catch((err) => this.d.logger.error({ err }, 'opted-out customer not taken off their unconfirmed group sends'));
  }

  /**
   * Notices already handed to WeCom as a group-send task whose moment has come (the class began, the birthday is over):
   * the task is stopped in WeCom (cancel_groupmsg_send), so its staff member can no longer confirm a stale notice, and
   * each of its drafts is expired with why and that it was withdrawn — unless WeCom reports its customer already got it
   * (confirmed in time): that one is delivered. A task several drafts share is stopped once the last of them has
   * expired. A WeCom that refuses or does not answer is logged and tried again at the next check (the drafts stay
   * sent meanwhile). Returns how many drafts were withdrawn.
   */
  async withdrawExpired(merchantId: MerchantId, now = new Date()): Promise<number> {
    const taskIds = new Map<string, Types.ObjectId>();
    for (const d of await this.d.drafts.sentOverdue(merchantId, now))
      taskIds.set(String(d.groupSendId), d.groupSendId!);
    let withdrawn = 0;
    for (const taskId of taskIds.values()) {
      const drafts = await this.d.drafts.inTask(merchantId, taskId);
      if (drafts.some((d) => !isExpired(d, now))) continue; // the others in the task still hold
      try {
        const task = await this.d.groupSends.current(merchantId, taskId, false);
        await this.d.groupSends.cancel(merchantId, String(task._id), now);
        const results = await this.d.groupSends.results(merchantId, String(task._id));
        const customers = await this.d.customers.findManyByIds(
          merchantId,
          drafts.map((d) => d.customerId),
        );
        for (const draft of drafts) {
          const externalUserId = customers.get(String(draft.customerId))?.externalUserId;
          if (results.some((r) => r.externalUserId === externalUserId && r.status === 1)) {
            await this.sender.mark(draft, 'delivered', {}, { by: 'wecom', action: 'delivered' });
            continue;
          }
          const reason = expiredMessage(draft);
          const audit = {
            by: 'system',
            action: 'group_send_withdrawn',
            note: `${reason}，已停止企业微信里未发出的群发`,
          };
          if ((await this.sender.mark(draft, 'expired', { error: reason }, audit)).status === 'expired') withdrawn++;
        }
      } catch (err) {
        this.d.logger.warn(
          { err, groupSendId: String(taskId), draftIds: drafts.map((d) => String(d._id)) },
          'expired notice not withdrawn from WeCom yet; tried again at the next check',
        );
      }
    }
    return withdrawn;
  }

  /**
   * Asks WeCom how the recently sent drafts went: delivered once the staff member confirmed and the customer got it,
   * failed when WeCom says it could not be delivered. Tasks still unconfirmed are asked again next time.
   */
  async refreshDelivery(merchantId: MerchantId, now = new Date()): Promise<{ delivered: number; failed: number }> {
    const sentSince = new Date(now.getTime() - DELIVERY_WATCH_DAYS * 86_400_000);
    const sent = await this.d.drafts.awaitingDelivery(merchantId, { sentSince }, 100);
    const outcome = { delivered: 0, failed: 0 };
    // drafts approved together share a task: WeCom is asked about each task once
    const asked = new Map<string, ReturnType<DraftSenderDeps['groupSends']['results']>>();
    const resultsOf = (taskId: string) => {
      if (!asked.has(taskId)) asked.set(taskId, this.d.groupSends.results(merchantId, taskId));
      return asked.get(taskId)!;
    };
    for (const draft of sent) {
      const [results, customer] = await Promise.all([
        resultsOf(String(draft.groupSendId)),
        this.d.customers.findById(merchantId, String(draft.customerId)),
      ]);
      const result = results.find((r) => r.externalUserId === customer?.externalUserId);
      const refused = customer ? consentVerdict(customer) : 'not_wecom_contact';
      const failure = result && SEND_RESULT_FAILURE[result.status];
      if (refused && result?.status === 0) {
        await this.sender.stopGroupSend(draft, SUPPRESSION_REASONS[refused]);
        outcome.failed++;
      } else if (result?.status === 1) {
        await this.sender.mark(draft, 'delivered', {}, { by: 'wecom', action: 'delivered' });
        outcome.delivered++;
      } else if (failure) {
        await this.sender.mark(
          draft,
          'failed',
          { error: failure },
          { by: 'wecom', action: 'not_delivered', note: failure },
        );
        outcome.failed++;
      }
    }
    return outcome;
  }

  /** pending → approved, once: a second tap (or a second worker) gets null. The claimer holds the sending lease. */
  private claim(
    draft: DraftRecord,
    text: string,
    now: Date,
    audit: { by: string; action: string },
  ): Promise<DraftRecord | null> {
    const lease = newLease(now);
    const change = {
      status: 'approved' as const,
      text,
      approvedAt: now,
      leaseUntil: lease.until,
      leaseHolder: lease.holder,
    };
    return this.d.drafts.step(merchantOf(draft), draft._id, 'pending', change, audit);
  }

  /** Runs a send; interrupted (or taken over: LeaseLost), it is logged and null returned, the drafts left as they are. */
  private async orLeave<T>(drafts: DraftRecord[], send: () => Promise<T>): Promise<T | null> {
    try {
      return await send();
    } catch (err) {
      const draftIds = drafts.map((d) => String(d._id));
      if (err instanceof LeaseLost) this.d.logger.info({ draftIds }, 'draft taken over; not sent');
      else this.d.logger.warn({ err, draftIds }, 'draft send interrupted; resumed after its lease');
      return null;
    }
  }

  private async leftAsIs(draft: DraftRecord): Promise<DraftDto> {
    return this.sender.present((await this.sender.reload(draft)) ?? draft);
  }

  private async find(merchantId: MerchantId, id: string): Promise<DraftRecord> {
    const draft = await this.d.drafts.findById(merchantId, id);
    if (!draft) throw notFound('没有找到这条草稿');
    return draft;
  }
}
