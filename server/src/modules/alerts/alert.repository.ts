import { Types } from 'mongoose';
import { insertedOnce } from '../../db/duplicate-key.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { Alert, AlertModel, NotifyState } from './alert.model.js';

export type AlertRecord = Alert & { _id: Types.ObjectId };
/** What a detector raises: the rest (status, telling state, clock) is the repository's. */
export type AlertFields = Pick<Alert, 'kind' | 'key' | 'level' | 'title' | 'body'> & { data?: Alert['data'] };

/** The owner's alerts, one writer: raised once per (merchant, kind, key), claimed for telling with a lease. */
export class AlertRepository extends TenantRepository<Alert> {
  constructor(model: AlertModel) {
    super(model);
  }

  /** Inserts the alert unless its (kind, key) was raised before: true when it is new. */
  insertOnce(merchantId: MerchantId, alert: AlertFields, now: Date): Promise<boolean> {
    const doc = {
      ...alert,
      merchantId: merchantObjectId(merchantId),
      data: alert.data ?? {},
      status: 'open' as const,
      notify: 'pending' as const,
      notifyAttempts: 0,
      createdAt: now,
      updatedAt: now,
    };
    // through the driver: the alert carries the caller's clock (scans run on a controllable one), which Mongoose's
    // timestamps would overwrite
    return insertedOnce(() => this.model.collection.insertOne(doc));
  }

  /**
   * The oldest alert still to be told whose lease (if any) ran out, now leased to the caller and its attempt
   * counted; null when none is left. Two workers never hold the same alert.
   */
  claimPending(merchantId: MerchantId, now: Date, leaseUntil: Date): Promise<AlertRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, {
          notify: 'pending',
          $or: [{ notifyLeaseUntil: null }, { notifyLeaseUntil: { $lt: now } }],
        }),
        { $set: { notifyLeaseUntil: leaseUntil }, $inc: { notifyAttempts: 1 } },
        { sort: { createdAt: 1 }, returnDocument: 'after' },
      )
      .lean<AlertRecord>()
      .exec();
  }

  /** Telling is over: sent, nobody to tell, or given up after the last attempt. */
  async settle(merchantId: MerchantId, id: Types.ObjectId, notify: Exclude<NotifyState, 'pending'>, at?: Date) {
    await this.model
      .updateOne(this.scoped(merchantId, { _id: id }), {
        $set: { notify, ...(at ? { notifiedAt: at } : {}) },
        $unset: { notifyLeaseUntil: 1 },
      })
      .exec();
  }

  /** A failed attempt: the alert stays pending, untouched until `until` (the next scan tries again). */
  async holdUntil(merchantId: MerchantId, id: Types.ObjectId, until: Date) {
    await this.model.updateOne(this.scoped(merchantId, { _id: id }), { $set: { notifyLeaseUntil: until } }).exec();
  }

  /** The console's list, newest first. */
  list(merchantId: MerchantId, status?: Alert['status'], limit = 200): Promise<AlertRecord[]> {
    return this.model
      .find(this.scoped(merchantId, status ? { status } : {}))
      .sort({ createdAt: -1 })
      .limit(limit)
      .lean<AlertRecord[]>()
      .exec();
  }

  /** `id` has passed objectIdSchema; another merchant's alert is null, like a missing one. */
  findById(merchantId: MerchantId, id: string): Promise<AlertRecord | null> {
    return this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) }))
      .lean<AlertRecord>()
      .exec();
  }

  resolve(merchantId: MerchantId, id: string, by: string, at: Date): Promise<AlertRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id) }),
        { $set: { status: 'resolved', resolvedAt: at, resolvedBy: by } },
        { returnDocument: 'after' },
      )
      .lean<AlertRecord>()
      .exec();
  }

  /** Which of these keys of one kind have been raised (the scan's check before a heavy detector reads). */
  async keysRaised(merchantId: MerchantId, kind: Alert['kind'], keys: string[]): Promise<Set<string>> {
    if (!keys.length) return new Set();
    const found = await this.model.distinct('key', this.scoped(merchantId, { kind, key: { $in: keys } })).exec();
    return new Set(found.map(String));
  }

  /** Alerts raised in [start, end) by kind (reports). */
  async countsByKind(merchantId: MerchantId, start: Date, end: Date): Promise<Record<string, number>> {
    const rows = await this.model
      .aggregate<{ _id: string; n: number }>([
        { $match: { merchantId: merchantObjectId(merchantId), createdAt: { $gte: start, $lt: end } } },
        { $group: { _id: '$kind', n: { $sum: 1 } } },
      ])
      .exec();
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }

  /** The merchant's alerts of one kind (or all) in the order they were raised, with their telling state (support). */
  raised(merchantId: MerchantId, kind?: Alert['kind']): Promise<AlertRecord[]> {
    return this.model
      .find(this.scoped(merchantId, kind ? { kind } : {}))
      .sort({ createdAt: 1, _id: 1 })
      .lean<AlertRecord[]>()
      .exec();
  }
}
