import type { GroupPostKind, GroupPostTopic } from '@xiaoer/common/constants/groups';
import { Types } from 'mongoose';
import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository, type AuditEntry } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { GroupPost, GroupPostModel } from './group-post.model.js';

export type GroupPostRecord = GroupPost & { _id: Types.ObjectId };
export type GroupPostStatus = GroupPost['status'];
/** A post as the calendar drafts it; its status, audit trail and timestamps are the repository's. */
export type NewGroupPost = Pick<
  GroupPost,
  'chatId' | 'date' | 'at' | 'kind' | 'topic' | 'title' | 'text' | 'citedIds' | 'namedCustomerIds'
>;
/** A drafted slot's identity: the unique index's fields. */
export type PostSlot = Pick<GroupPost, 'chatId' | 'date' | 'at' | 'topic'>;
/** What a group's report reads of its posts. */
export type PostOutcome = Pick<GroupPostRecord, '_id' | 'status' | 'groupSendId' | 'citedIds' | 'updatedAt'>;

const oid = (id: string | Types.ObjectId) => (typeof id === 'string' ? new Types.ObjectId(id) : id);

/** The group calendar's posts; GroupPostService is their writer. */
export class GroupPostRepository extends TenantRepository<GroupPost> {
  constructor(model: GroupPostModel) {
    super(model);
  }

  /** Stores a draft for the owner: false when its slot (group, date, time, topic) was drafted already. */
  insertDraft(merchantId: MerchantId, post: NewGroupPost, note: string, now: Date): Promise<boolean> {
    const doc: GroupPost = {
      ...post,
      merchantId: merchantObjectId(merchantId),
      status: 'pending',
      audit: [{ at: now, by: 'system', action: 'drafted', note }],
      createdAt: now,
      updatedAt: now,
    };
    // the driver's insert keeps the given timestamps (a week drafted "as of" a moment, in tests and reruns)
    return insertedOnce(() => this.model.collection.insertOne(doc));
  }

  /** Drops a pending post whose text may no longer go out, so that drafting the week again writes its slot anew. */
  async dropForRedraft(merchantId: MerchantId, id: Types.ObjectId): Promise<boolean> {
    return (
      (await this.model.deleteOne(this.scoped(merchantId, { _id: id, status: 'pending' })).exec()).deletedCount > 0
    );
  }

  /** The slots already drafted between two dates, every group's. */
  slotsBetween(merchantId: MerchantId, from: string, to: string): Promise<PostSlot[]> {
    return this.model
      .find(this.scoped(merchantId, { date: { $gte: from, $lte: to } }), { chatId: 1, date: 1, at: 1, topic: 1 })
      .lean<PostSlot[]>()
      .exec();
  }

  /** The kinds of a group's posts between two dates that are not rejected (the 80/20 count). */
  async kindsBetween(merchantId: MerchantId, chatId: string, from: string, to: string): Promise<GroupPostKind[]> {
    const rows = await this.model
      .find(this.scoped(merchantId, { chatId, date: { $gte: from, $lte: to }, status: { $ne: 'rejected' } }), {
        kind: 1,
      })
      .lean<Pick<GroupPost, 'kind'>[]>()
      .exec();
    return rows.map((r) => r.kind);
  }

  list(merchantId: MerchantId, status?: GroupPostStatus): Promise<GroupPostRecord[]> {
    return this.model
      .find(this.scoped(merchantId, status ? { status } : {}))
      .sort({ date: 1, at: 1 })
      .limit(500)
      .lean<GroupPostRecord[]>()
      .exec();
  }

  findById(merchantId: MerchantId, id: string | Types.ObjectId): Promise<GroupPostRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: oid(id) }))
      .lean<GroupPostRecord>()
      .exec();
  }

  /**
   * A status step taken only from `from`: a second tap, or a second worker, gets null. Without `from`, the step
   * follows one this caller already won (the task made, or why it failed).
   */
  step(
    merchantId: MerchantId,
    id: Types.ObjectId,
    from: GroupPostStatus | undefined,
    set: Partial<GroupPost>,
    audit: AuditEntry,
  ): Promise<GroupPostRecord | null> {
    return this.auditedStep<GroupPostRecord>(merchantId, from ? { _id: id, status: from } : { _id: id }, set, audit);
  }

  /** Links the group-send task approval made (its id as the task's answer gives it). */
  linkTask(
    merchantId: MerchantId,
    id: Types.ObjectId,
    taskId: string,
    audit: AuditEntry,
  ): Promise<GroupPostRecord | null> {
    return this.step(merchantId, id, undefined, { groupSendId: new Types.ObjectId(taskId) }, audit);
  }

  /** The latest sent post of a topic in some groups since a moment (a reply is counted against it). */
  latestSent(
    merchantId: MerchantId,
    chatIds: string[],
    topics: GroupPostTopic[],
    since: Date,
  ): Promise<GroupPostRecord | null> {
    return this.model
      .findOne(
        this.scoped(merchantId, {
          chatId: { $in: chatIds },
          topic: { $in: topics },
          status: 'sent',
          updatedAt: { $gte: since },
        }),
      )
      .sort({ updatedAt: -1 })
      .lean<GroupPostRecord>()
      .exec();
  }

  /** A group's posts drafted since a moment, as its report reads them. */
  outcomesSince(merchantId: MerchantId, chatId: string, since: Date): Promise<PostOutcome[]> {
    return this.model
      .find(this.scoped(merchantId, { chatId, createdAt: { $gte: since } }), {
        status: 1,
        groupSendId: 1,
        citedIds: 1,
        updatedAt: 1,
      })
      .lean<PostOutcome[]>()
      .exec();
  }
}
