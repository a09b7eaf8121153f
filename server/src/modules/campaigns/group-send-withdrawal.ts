// Taking an opted-out customer off the group sends made by hand that name them. WeCom cannot drop one recipient from
// a task, so each such task its sender has not confirmed is stopped (cancel_groupmsg_send) and made again for those
// of the others who may still receive it (same sender and text), or just stopped when no one is left.
import type { Types } from 'mongoose';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRecord, CustomerRepository } from '../customers/customer.repository.js';
import { consentVerdict } from '../outreach/contact-policy.js';
import type { WecomClient } from '../wecom/api/wecom-client.js';
import type { WecomAppRepository, WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { GroupSendRecord, GroupSendRepository } from './group-send.repository.js';

const DAY = 86_400_000;
/** A withdrawal claim older than this is of a worker that died midway: another opt-out may take the task over. */
const CLAIM_STALE_MS = 10 * 60_000;
/** How many times in a row a task is made again for customers who opted out while it was being made. */
const MAX_REMAKES = 3;
/** Customers read per query when consent is checked again (the repository returns at most 500 at once). */
const CONSENT_BATCH = 500;

export interface GroupSendWithdrawalDeps {
  tasks: GroupSendRepository;
  customers: CustomerRepository;
  apps: WecomAppRepository;
  client: WecomClient;
  logger: Logger;
  /** reads WeCom's view of a task (has its sender confirmed it) and stores it */
  refresh: (merchantId: MerchantId, id: Types.ObjectId) => Promise<GroupSendRecord>;
}

export class GroupSendWithdrawal {
  constructor(private d: GroupSendWithdrawalDeps) {}

  /**
   * A customer opted out. A task WeCom reports confirmed once stopped has gone out and is not made again. Tasks of
   * drafts are the drafts inbox's to stop; posts to groups cannot leave a member out. One task WeCom refuses to stop
   * is logged, marked for the retry job and left; the others are still withdrawn. Returns how many were made again.
   */
  async withdraw(merchantId: MerchantId, customerId: string, now: Date): Promise<number> {
    const customer = await this.d.customers.findById(merchantId, customerId);
    if (!customer?.externalUserId) return 0;
    const since = new Date(now.getTime() - 30 * DAY);
    return this.each(merchantId, await this.d.tasks.openNaming(merchantId, customer.externalUserId, since), now);
  }

  /**
   * The tasks an opt-out could not withdraw, tried again: the ones WeCom refused to stop, and the ones whose worker
   * died midway (claim gone stale). A task whose recipients may all still receive it is just unmarked.
   */
  async retry(merchantId: MerchantId, now: Date): Promise<number> {
    const due = await this.d.tasks.withdrawalsDue(merchantId, new Date(now.getTime() - CLAIM_STALE_MS), 50);
    const refusing: GroupSendRecord[] = [];
    for (const task of due) {
      if ((await this.consentOf(merchantId, task.externalUserIds)).refused.length) refusing.push(task);
      else await this.d.tasks.releaseWithdrawal(merchantId, task._id);
    }
    return this.each(merchantId, refusing, now);
  }

  private async each(merchantId: MerchantId, tasks: GroupSendRecord[], now: Date): Promise<number> {
    const app = tasks.length ? await this.d.apps.findByMerchant(merchantId) : null;
    let remade = 0;
    for (const task of app ? tasks : []) {
      try {
        if (await this.remake(merchantId, app!, task, now)) remade++;
      } catch (err) {
        this.d.logger.error(
          { err, merchantId: String(merchantId), groupSendId: String(task._id) },
          'group send naming an opted-out customer not withdrawn; the retry job tries again',
        );
      }
    }
    return remade;
  }

  /**
   * Stops one task and makes it again for those of its recipients who may still receive it. The task is claimed
   * first, so of two opt-outs reading it at once only one stops and remakes it; consent is read again for every
   * recipient, so the other's customer is left out too, and the new task is checked once more after it is made for a
   * customer who opted out in between (whose own withdraw found the old task claimed and skipped it).
   */
  private async remake(
    merchantId: MerchantId,
    app: WecomCredentials,
    task: GroupSendRecord,
    now: Date,
    depth = 0,
  ): Promise<boolean> {
    if (!(await this.d.tasks.claimForWithdrawal(merchantId, task._id, now, CLAIM_STALE_MS))) return false;
    try {
      await this.d.client.post(app, '/cgi-bin/externalcontact/cancel_groupmsg_send', { msgid: task.msgid });
      if ((await this.d.refresh(merchantId, task._id)).status === 'confirmed') return false; // it went out before
    } catch (err) {
      await this.d.tasks.releaseWithdrawal(merchantId, task._id, now);
      throw err;
    }
    // stopped for good before it is made again: a failure from here leaves at most a task without the customer
    await this.d.tasks.markCancelled(merchantId, task._id, now);
    const { allowed, refused } = await this.consentOf(merchantId, task.externalUserIds);
    if (!allowed.length) return false;
    const res = await this.d.client.post(app, '/cgi-bin/externalcontact/add_msg_template', {
      chat_type: 'single',
      external_userid: allowed,
      sender: task.senderUserId,
      text: { content: task.text },
    });
    const made = await this.d.tasks.insert(merchantId, {
      senderStaffId: task.senderStaffId,
      senderUserId: task.senderUserId,
      text: task.text,
      msgid: String(res.msgid),
      externalUserIds: allowed,
      skipped: [...task.skipped, ...refused],
    });
    await this.d.tasks.markCancelled(merchantId, task._id, now, made._id);
    const late = await this.consentOf(merchantId, allowed);
    if (late.refused.length && depth < MAX_REMAKES) await this.remake(merchantId, app, made, now, depth + 1);
    return true;
  }

  /** Which of these recipients may still receive a group send; one without a customer record here may not. */
  private async consentOf(
    merchantId: MerchantId,
    externalUserIds: string[],
  ): Promise<{ allowed: string[]; refused: GroupSendRecord['skipped'] }> {
    const found: CustomerRecord[] = [];
    for (let i = 0; i < externalUserIds.length; i += CONSENT_BATCH)
      found.push(
        ...(await this.d.customers.findManyByExternalUserIds(merchantId, externalUserIds.slice(i, i + CONSENT_BATCH))),
      );
    const byId = new Map(found.map((c) => [c.externalUserId!, c]));
    const allowed = externalUserIds.filter((id) => byId.has(id) && !consentVerdict(byId.get(id)!));
    const refused = found.flatMap((c) => {
      const reason = consentVerdict(c);
      return reason ? [{ customerId: c._id, reason }] : [];
    });
    return { allowed, refused };
  }
}
