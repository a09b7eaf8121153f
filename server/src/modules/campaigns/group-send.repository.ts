import { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { GroupSendModel, GroupSendTask } from './group-send.model.js';

export type GroupSendRecord = GroupSendTask & { _id: Types.ObjectId };
/** A task as WeCom made it; whether its sender confirmed it, and who got it, come from WeCom later. */
export type NewGroupSend = Pick<GroupSendTask, 'senderStaffId' | 'senderUserId' | 'text' | 'msgid' | 'skipped'> &
  Partial<Pick<GroupSendTask, 'externalUserIds' | 'chatIds' | 'key'>>;

const oid = (id: string | Types.ObjectId) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** Group-send tasks (群发); GroupSendService is their writer. */
export class GroupSendRepository extends TenantRepository<GroupSendTask> {
  constructor(model: GroupSendModel) {
    super(model);
  }

  async insert(merchantId: MerchantId, task: NewGroupSend): Promise<GroupSendRecord> {
    const created = await this.model.create({ ...task, merchantId: merchantObjectId(merchantId) });
    return created.toObject() as GroupSendRecord;
  }

  findById(merchantId: MerchantId, id: string | Types.ObjectId): Promise<GroupSendRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: oid(id) }))
      .lean<GroupSendRecord>()
      .exec();
  }

  /** The task made under a caller's idempotency key (`draft-<id>`). */
  findByKey(merchantId: MerchantId, key: string): Promise<GroupSendRecord | null> {
    return this.model.findOne(this.scoped(merchantId, { key })).lean<GroupSendRecord>().exec();
  }

  /** The tasks made under keys starting with this prefix (one campaign's tasks: `campaign-<key>-…`), oldest first. */
  findByKeyPrefix(merchantId: MerchantId, prefix: string): Promise<GroupSendRecord[]> {
    const key = { $regex: `^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}` };
    return this.model
      .find(this.scoped(merchantId, { key }))
      .sort({ _id: 1 })
      .limit(1000)
      .lean<GroupSendRecord[]>()
      .exec();
  }

  /**
   * Tasks since a moment that include any of these customers: the local cap check. A task stopped before its sender
   * confirmed it reached no one and does not count (one made again without an opted-out customer counts once).
   */
  sentToSince(
    merchantId: MerchantId,
    externalUserIds: string[],
    since: Date,
  ): Promise<Pick<GroupSendRecord, 'externalUserIds' | 'createdAt' | 'key'>[]> {
    const filter = {
      externalUserIds: { $in: externalUserIds },
      createdAt: { $gte: since },
      $or: [{ cancelledAt: { $exists: false } }, { status: 'confirmed' as const }],
    };
    return this.model
      .find(this.scoped(merchantId, filter), {
        externalUserIds: 1,
        createdAt: 1,
        key: 1,
      })
      .lean<Pick<GroupSendRecord, 'externalUserIds' | 'createdAt' | 'key'>[]>()
      .exec();
  }

  async markCancelled(
    merchantId: MerchantId,
    id: Types.ObjectId,
    at: Date,
    replacedBy?: Types.ObjectId,
  ): Promise<void> {
    const set = { cancelledAt: at, ...(replacedBy ? { replacedBy } : {}) };
    await this.model.updateOne(this.scoped(merchantId, { _id: id }), { $set: set }).exec();
  }

  /**
   * The customer's tasks made by hand, by a campaign or for drafts approved together (not a single draft's, which the
   * drafts inbox stops; to customers, not groups) since a moment that are not known to be confirmed or stopped: what an opt-out takes them off.
   */
  openNaming(merchantId: MerchantId, externalUserId: string, since: Date): Promise<GroupSendRecord[]> {
    const filter = {
      externalUserIds: externalUserId,
      createdAt: { $gte: since },
      status: 'created' as const,
      cancelledAt: { $exists: false },
      $or: [{ key: { $exists: false } }, { key: { $regex: '^(campaign|drafts)-' } }],
      chatIds: { $exists: false },
    };
    return this.model.find(this.scoped(merchantId, filter)).limit(100).lean<GroupSendRecord[]>().exec();
  }

  /**
   * Claims an open task for one opt-out to stop and make again: true for the one caller that claimed it. Two opt-outs
   * reading the same task must not both stop it and each make it again minus only their own customer. A claim older
   * than `staleAfterMs` is of a worker that died midway and may be taken over.
   */
  async claimForWithdrawal(
    merchantId: MerchantId,
    id: Types.ObjectId,
    now: Date,
    staleAfterMs: number,
  ): Promise<boolean> {
    const filter = {
      _id: id,
      status: 'created' as const,
      cancelledAt: { $exists: false },
      $or: [{ withdrawingAt: { $exists: false } }, { withdrawingAt: { $lt: new Date(now.getTime() - staleAfterMs) } }],
    };
    const res = await this.model.updateOne(this.scoped(merchantId, filter), { $set: { withdrawingAt: now } }).exec();
    return res.modifiedCount === 1;
  }

  /**
   * Gives a claimed task back, so that a later opt-out or the retry job may claim it again; `retryAt` when it could
   * not be stopped (the retry job looks for it), none when it need not be withdrawn after all.
   */
  async releaseWithdrawal(merchantId: MerchantId, id: Types.ObjectId, retryAt?: Date): Promise<void> {
    const update = retryAt
      ? { $set: { withdrawRetryAt: retryAt }, $unset: { withdrawingAt: 1 } }
      : { $unset: { withdrawingAt: 1, withdrawRetryAt: 1 } };
    await this.model.updateOne(this.scoped(merchantId, { _id: id }), update).exec();
  }

  /** Open tasks an opt-out could not withdraw: WeCom refused to stop them, or their claim is older than `staleBefore`. */
  withdrawalsDue(merchantId: MerchantId, staleBefore: Date, limit: number): Promise<GroupSendRecord[]> {
    const filter = {
      status: 'created' as const,
      cancelledAt: { $exists: false },
      $or: [{ withdrawRetryAt: { $exists: true } }, { withdrawingAt: { $lt: staleBefore } }],
    };
    return this.model.find(this.scoped(merchantId, filter)).limit(limit).lean<GroupSendRecord[]>().exec();
  }

  /** WeCom's view of the task as read now: confirmed by its sender or not, and each recipient's result. */
  recordCheck(
    merchantId: MerchantId,
    id: Types.ObjectId,
    check: Pick<GroupSendTask, 'status' | 'results'>,
    at: Date,
  ): Promise<GroupSendRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: id }),
        { $set: { ...check, checkedAt: at } },
        { returnDocument: 'after' },
      )
      .lean<GroupSendRecord>()
      .exec();
  }

  /** Which of these tasks are not yet known to be confirmed (at most `limit`). */
  async openAmong(merchantId: MerchantId, ids: Types.ObjectId[], limit: number): Promise<Types.ObjectId[]> {
    const rows = await this.model
      .find(this.scoped(merchantId, { _id: { $in: ids }, status: 'created' }), { _id: 1 })
      .limit(limit)
      .lean<{ _id: Types.ObjectId }[]>()
      .exec();
    return rows.map((r) => r._id);
  }

  countConfirmed(merchantId: MerchantId, ids: Types.ObjectId[]): Promise<number> {
    return this.count(merchantId, { _id: { $in: ids }, status: 'confirmed' });
  }
}
