// Group sends: who may receive one is decided here (consent, opt-out, relation, the per-customer caps) before
// WeCom is asked to create the task; the sender then confirms it in WeCom, and results are read back.
import { GROUP_SEND_CAPS } from '@xiaoer/common/constants/contact-policy';
import type { GroupSendSkipReason } from '@xiaoer/common/schemas/group-send';
import type { Types } from 'mongoose';
import { AppError, notFound } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRecord, CustomerRepository } from '../customers/customer.repository.js';
import type { StaffRecord, StaffRepository } from '../staff/staff.repository.js';
import type { WecomClient } from '../wecom/api/wecom-client.js';
import type { WecomAppRepository, WecomCredentials } from '../wecom/wecom-app.repository.js';
import { consentVerdict } from '../outreach/contact-policy.js';
import type { GroupSendRecord, GroupSendRepository } from './group-send.repository.js';
import { GroupSendWithdrawal } from './group-send-withdrawal.js';

const DAY = 86_400_000;

/** One of add_msg_template's attachments, as WeCom takes it: `{ msgtype: 'image', image: { media_id } }` and so on. */
export type WecomAttachment = { msgtype: string } & Record<string, unknown>;
/** WeCom is asked about at most this many unconfirmed tasks for one report. */
const REFRESH_AT_MOST = 20;

export class GroupSendService {
  constructor(
    private tasks: GroupSendRepository,
    private customers: CustomerRepository,
    private staff: StaffRepository,
    private apps: WecomAppRepository,
    private client: WecomClient,
    logger: Logger,
  ) {
    this.withdrawal = new GroupSendWithdrawal({
      tasks,
      customers,
      apps,
      client,
      logger,
      refresh: (merchantId, id) => this.sync(merchantId, id),
    });
  }

  private withdrawal: GroupSendWithdrawal;

  /** Why each customer may not receive a group send now (absent when they may). */
  private async skipReasons(
    merchantId: MerchantId,
    customers: CustomerRecord[],
    now: Date,
  ): Promise<Map<string, GroupSendSkipReason>> {
    const reasons = new Map<string, GroupSendSkipReason>();
    const externalIds = customers.map((c) => c.externalUserId).filter((id): id is string => Boolean(id));
    const recent = await this.tasks.sentToSince(merchantId, externalIds, new Date(now.getTime() - 30 * DAY));
    for (const c of customers) {
      const id = String(c._id);
      const refused = consentVerdict(c);
      if (refused) reasons.set(id, refused);
      else {
        const mine = recent.filter((t) => t.externalUserIds.includes(c.externalUserId!));
        if (mine.filter((t) => now.getTime() - t.createdAt.getTime() < DAY).length >= GROUP_SEND_CAPS.perDay)
          reasons.set(id, 'over_daily_cap');
        else if (mine.length >= GROUP_SEND_CAPS.perThirtyDays) reasons.set(id, 'over_monthly_cap');
      }
    }
    return reasons;
  }

  /**
   * Creates the WeCom task for the customers who may receive it. With a `key`, a task already made under that key is
   * returned instead: WeCom's add_msg_template takes no idempotency key of its own, so a retry must not ask again.
   * `beforeAsking` runs right before WeCom is asked: a leased caller (a draft's sender) throws there if it lost its
   * lease, and nothing is sent.
   */
  async create(
    merchantId: MerchantId,
    input: {
      senderStaffId: string;
      customerIds: string[];
      text: string;
      key?: string;
      beforeAsking?: () => Promise<void>;
    },
    now = new Date(),
  ): Promise<GroupSendRecord> {
    const made = input.key && (await this.findByKey(merchantId, input.key));
    if (made) return made;
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('请先接入企业微信');
    const sender = await this.staff.findById(merchantId, input.senderStaffId);
    if (!sender) throw new AppError('validation_failed', { message: '发送员工不存在或已停用' });
    const customers = (
      await Promise.all([...new Set(input.customerIds)].map((id) => this.customers.findById(merchantId, id)))
    ).filter((c): c is CustomerRecord => c !== null);
    const reasons = await this.skipReasons(merchantId, customers, now);
    const recipients = customers.filter((c) => !reasons.has(String(c._id)));
    const skipped = customers.flatMap((c) => {
      const reason = reasons.get(String(c._id));
      return reason ? [{ customerId: c._id, reason }] : [];
    });
    if (!recipients.length)
      throw new AppError('validation_failed', {
        message: '选中的客户都不能接收这次群发（已退订、已删除好友或本周期已收到过群发）',
      });
    await input.beforeAsking?.();
    const externalUserIds = recipients.map((c) => c.externalUserId!);
    return this.ask(merchantId, app, { sender, externalUserIds, text: input.text, skipped, key: input.key });
  }

  /**
   * A task for recipients the caller has already vetted (a campaign's reckoning): asked of WeCom and stored under
   * `key`, or the task already stored under it returned (a retry asks nothing).
   */
  async createVetted(
    merchantId: MerchantId,
    input: {
      sender: Pick<StaffRecord, '_id' | 'wecomUserId'>;
      externalUserIds: string[];
      text: string;
      key: string;
      attachments?: WecomAttachment[];
    },
  ): Promise<GroupSendRecord> {
    const made = await this.findByKey(merchantId, input.key);
    if (made) return made;
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('请先接入企业微信');
    return this.ask(merchantId, app, { ...input, skipped: [] });
  }

  private async ask(
    merchantId: MerchantId,
    app: WecomCredentials,
    input: {
      sender: Pick<StaffRecord, '_id' | 'wecomUserId'>;
      externalUserIds: string[];
      text: string;
      skipped: GroupSendRecord['skipped'];
      key?: string;
      attachments?: WecomAttachment[];
    },
  ): Promise<GroupSendRecord> {
    const res = await this.client.post(app, '/cgi-bin/externalcontact/add_msg_template', {
      chat_type: 'single',
      external_userid: input.externalUserIds,
      sender: input.sender.wecomUserId,
      text: { content: input.text },
      ...(input.attachments?.length ? { attachments: input.attachments } : {}),
    });
    return this.tasks.insert(merchantId, {
      senderStaffId: input.sender._id,
      senderUserId: input.sender.wecomUserId,
      text: input.text,
      msgid: String(res.msgid),
      externalUserIds: input.externalUserIds,
      skipped: input.skipped,
      ...(input.key ? { key: input.key } : {}),
    });
  }

  /** One campaign's tasks, by the prefix of their keys. */
  findByKeyPrefix(merchantId: MerchantId, prefix: string): Promise<GroupSendRecord[]> {
    return this.tasks.findByKeyPrefix(merchantId, prefix);
  }

  /** Tasks since a moment naming any of these customers: what WeCom's per-customer cap is checked against. */
  sentToSince(merchantId: MerchantId, externalUserIds: string[], since: Date) {
    return this.tasks.sentToSince(merchantId, externalUserIds, since);
  }

  findByKey(merchantId: MerchantId, key: string): Promise<GroupSendRecord | null> {
    return this.tasks.findByKey(merchantId, key);
  }

  /**
   * A post to customer groups: a group-send task (chat_type group) for the groups' owner, who confirms it in WeCom.
   * WeCom allows one group post per group per day from the corp; the caller's calendar keeps to that.
   */
  async createForGroups(
    merchantId: MerchantId,
    input: { senderStaffId: string; chatIds: string[]; text: string },
  ): Promise<GroupSendRecord> {
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('请先接入企业微信');
    const sender = await this.staff.findById(merchantId, input.senderStaffId);
    if (!sender) throw new AppError('validation_failed', { message: '群主不是本店员工或已停用' });
    const res = await this.client.post(app, '/cgi-bin/externalcontact/add_msg_template', {
      chat_type: 'group',
      sender: sender.wecomUserId,
      chat_id_list: input.chatIds,
      text: { content: input.text },
    });
    return this.tasks.insert(merchantId, {
      senderStaffId: sender._id,
      senderUserId: sender.wecomUserId,
      text: input.text,
      msgid: String(res.msgid),
      externalUserIds: [],
      chatIds: input.chatIds,
      skipped: [],
    });
  }

  private async task(merchantId: MerchantId, id: string | Types.ObjectId): Promise<GroupSendRecord> {
    const task = await this.tasks.findById(merchantId, id);
    if (!task) throw notFound('没有找到这次群发');
    return task;
  }

  /** Stops a task in WeCom before its sender confirms it (停止企业群发); what was already sent stays sent. */
  async cancel(merchantId: MerchantId, id: string, now = new Date()): Promise<void> {
    const task = await this.task(merchantId, id);
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('请先接入企业微信');
    await this.client.post(app, '/cgi-bin/externalcontact/cancel_groupmsg_send', { msgid: task.msgid });
    await this.tasks.markCancelled(merchantId, task._id, now);
  }

  /**
   * A customer opted out: each task made by hand that names them and that its sender has not confirmed is stopped in
   * WeCom and made again for the others (GroupSendWithdrawal). Returns how many tasks were made again.
   */
  withdraw(merchantId: MerchantId, customerId: string, now = new Date()): Promise<number> {
    return this.withdrawal.withdraw(merchantId, customerId, now);
  }

  /** Tries again the tasks an opt-out could not withdraw (WeCom refused to stop them, or the worker died midway). */
  retryWithdrawals(merchantId: MerchantId, now = new Date()): Promise<number> {
    return this.withdrawal.retry(merchantId, now);
  }

  /** Reads WeCom's view of the task: has the sender confirmed it, and who received it. */
  refresh(merchantId: MerchantId, id: string): Promise<GroupSendRecord> {
    return this.sync(merchantId, id);
  }

  /** Each recipient's send result as WeCom reports it now (0 not yet, 1 sent, 2 not a contact, 3 already had one). */
  async results(merchantId: MerchantId, id: string): Promise<{ externalUserId: string; status: number }[]> {
    return (await this.sync(merchantId, await this.latest(merchantId, id))).results;
  }

  /**
   * A task as it stands (followed to the one that replaced it after an opt-out); with `check`, WeCom is asked first
   * whether its sender confirmed it and who received it.
   */
  async current(merchantId: MerchantId, id: Types.ObjectId, check: boolean): Promise<GroupSendRecord> {
    const latest = await this.latest(merchantId, id);
    return check ? this.sync(merchantId, latest) : this.task(merchantId, latest);
  }

  /** The task as it stands now: one made again without an opted-out customer is followed to the one replacing it. */
  private async latest(merchantId: MerchantId, id: string | Types.ObjectId): Promise<Types.ObjectId> {
    let task = await this.task(merchantId, id);
    for (let hops = 0; task.replacedBy && hops < 10; hops++) task = await this.task(merchantId, task.replacedBy);
    return task._id;
  }

  /**
   * How many of these tasks their senders have confirmed in WeCom: the ones not yet known to be are asked about first
   * (the sender confirms in the WeCom client, which tells us nothing). A WeCom that cannot answer leaves them open.
   */
  async confirmedAmong(merchantId: MerchantId, ids: Types.ObjectId[]): Promise<number> {
    if (!ids.length) return 0;
    const open = await this.tasks.openAmong(merchantId, ids, REFRESH_AT_MOST);
    await Promise.all(open.map((id) => this.sync(merchantId, id).catch(() => undefined)));
    return this.tasks.countConfirmed(merchantId, ids);
  }

  private async sync(merchantId: MerchantId, id: string | Types.ObjectId): Promise<GroupSendRecord> {
    const task = await this.task(merchantId, id);
    const app = await this.apps.findByMerchant(merchantId);
    if (!app) throw notFound('请先接入企业微信');
    const state = await this.client.post(app, '/cgi-bin/externalcontact/get_groupmsg_task', {
      msgid: task.msgid,
      limit: 1000,
    });
    const confirmed = ((state.task_list ?? []) as { status: number }[]).some((t) => t.status === 2);
    const sent = await this.client.post(app, '/cgi-bin/externalcontact/get_groupmsg_send_result', {
      msgid: task.msgid,
      userid: task.senderUserId,
      limit: 1000,
    });
    const results = ((sent.send_list ?? []) as { external_userid: string; status: number }[]).map((r) => ({
      externalUserId: r.external_userid,
      status: r.status,
    }));
    const updated = await this.tasks.recordCheck(
      merchantId,
      task._id,
      { status: confirmed ? 'confirmed' : task.status, results },
      new Date(),
    );
    return updated!;
  }
}
