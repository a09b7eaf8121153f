// A stock movement changes the item's level, a class attended the package's hours: two documents, and without a
// transaction the second write can be lost after the first was kept (a dropped connection, a crash). So the record is
// stored `applied: false`; its effect is ONE update of the target that also remembers the record's id there and only
// matches while the id is not remembered yet (`{appliedIds: {$ne: id}}` in its filter); then the record is marked
// applied. Repeating that update changes nothing, so whoever finds the record unapplied completes it: the sender's
// retry (whose insert is a duplicate), a concurrent duplicate, the next record for the same target, the sweep job.
//
// The target remembers the last APPLIED_IDS_KEPT ids only. That is enough because a target's pending records are
// completed oldest first before a newer one is applied to it: an id whose record is still unmarked can only be
// pushed out by that many applies from requests that were already under way when its record was stored.
import { Types, type QueryFilter } from 'mongoose';
import { asMerchantId, merchantObjectId, type MerchantId } from '../tenancy/merchant-id.js';
import { insertedOnce } from './duplicate-key.js';
import { IntakeRecordRepository, type Stored, type StoreResult } from './intake-record-repository.js';
import type { TenantFilter } from './tenant-repository.js';

export const APPLIED_IDS_KEPT = 200;

/** `$push` of a record's id onto the target's remembered ids (operator updates). */
export const rememberId = (id: string) => ({ $each: [id], $slice: -APPLIED_IDS_KEPT });

/** The same for a pipeline update: the field's ids with this one added, the oldest dropped. */
export const rememberIdIn = (field: string, id: string) => ({
  $slice: [{ $concatArrays: [{ $ifNull: [`$${field}`, []] }, [{ $literal: id }]] }, -APPLIED_IDS_KEPT],
});

export interface AppliedOnceRecord {
  merchantId: Types.ObjectId;
  externalId: string;
  /** absent on records stored before the flag existed: those were applied when they were stored */
  applied?: boolean;
}

/** How many pending records one call completes; a backlog beyond it is left to the next call and the sweep. */
const PENDING_BATCH = 500;

/** Records stored before this time: an ObjectId made from it sorts after every id minted earlier. */
const storedBefore = (at: Date) => ({ $lt: Types.ObjectId.createFromTime(Math.floor(at.getTime() / 1000)) });

/**
 * Base for records stored once by their sender's id and then applied exactly once to another document (the target).
 * The subclass names the target and makes the one conditional update of it, through the target's own repository.
 */
export abstract class AppliedOnceRepository<T extends AppliedOnceRecord> extends IntakeRecordRepository<T> {
  /** the record's field naming its target (the item, the package) */
  protected abstract readonly target: keyof T & string;

  /** whether the record changes its target at all (an absence uses no class hours) */
  protected abstract changes(record: Omit<T, 'merchantId'>): boolean;

  /** The one conditional update of the target: true when it changed the target now, false when it had already. */
  protected abstract applyToTarget(merchantId: MerchantId, record: Stored<T>): Promise<boolean>;

  /**
   * The merchants with records stored before `before` whose effect is still pending: the sweep's fan-out, and the one
   * read across tenants (each merchant is then completed on its own, scoped).
   */
  async merchantsWithPending(before: Date): Promise<MerchantId[]> {
    const filter = { applied: false, _id: storedBefore(before) } as QueryFilter<T>;
    const ids = (await this.model.distinct('merchantId', filter).exec()) as Types.ObjectId[];
    return ids.map(asMerchantId);
  }

  /** Completes the merchant's records stored before `before` that are still pending; returns how many. */
  async completePendingBefore(merchantId: MerchantId, before: Date): Promise<number> {
    return (await this.completePending(merchantId, { _id: storedBefore(before) } as TenantFilter<T>)).length;
  }

  /**
   * Completes the merchant's pending records that `filter` picks, oldest first: applies each (a no-op when its target
   * already remembers it) and marks it applied. Returns them, each with whether this call changed its target.
   */
  protected async completePending(
    merchantId: MerchantId,
    filter: TenantFilter<T>,
  ): Promise<{ record: Stored<T>; changed: boolean }[]> {
    const pending = await this.model
      .find(this.scoped(merchantId, { ...filter, applied: false } as TenantFilter<T>))
      .sort({ _id: 1 })
      .limit(PENDING_BATCH)
      .lean<Stored<T>[]>()
      .exec();
    const done: { record: Stored<T>; changed: boolean }[] = [];
    for (const record of pending) {
      const changed = await this.applyToTarget(merchantId, record);
      await this.markApplied(merchantId, record._id);
      done.push({ record, changed });
    }
    return done;
  }

  /** The second write: the record's effect is on its target. */
  protected async markApplied(merchantId: MerchantId, id: Types.ObjectId): Promise<void> {
    const filter = this.scoped(merchantId, { _id: id, applied: false } as TenantFilter<T>);
    await this.model.updateOne(filter, { $set: { applied: true } }).exec();
  }

  /**
   * Stores a record once by its sender's id and applies it exactly once. 'created' for the request that stored it,
   * 'updated' for a resend that completed the effect of a record an earlier request stored but could not apply,
   * otherwise 'unchanged'; `changed` holds the records whose effect this request made (this one, older pending ones).
   */
  protected async storeApplyingOnce(
    merchantId: MerchantId,
    doc: Omit<T, 'merchantId'>,
    dryRun: boolean,
  ): Promise<{ result: StoreResult; changed: Stored<T>[] }> {
    const key = this.scoped(merchantId, { externalId: doc.externalId } as TenantFilter<T>);
    if (dryRun) return { result: (await this.model.exists(key).exec()) ? 'unchanged' : 'created', changed: [] };
    const record = { ...doc, merchantId: merchantObjectId(merchantId), applied: !this.changes(doc) } as unknown as T;
    const inserted = await insertedOnce(() => this.model.create(record));
    // A resend completes the record an earlier request stored, if that one is still pending (by the stored record's
    // target: the resend may name another). Its target's older pending records go first, so that nothing is left behind.
    const pending = inserted
      ? record
      : await this.model
          .findOne({ ...key, applied: false })
          .lean<T>()
          .exec();
    if (!pending) return { result: 'unchanged', changed: [] };
    // generic over the target field, so the filter's type is asserted: { item: 'x' } or { packageId: 'y' }
    const targetFilter = { [this.target]: pending[this.target] } as unknown as TenantFilter<T>;
    const changed = (await this.completePending(merchantId, targetFilter))
      .filter((d) => d.changed)
      .map((d) => d.record);
    const mine = changed.some((r) => r.externalId === doc.externalId);
    return { result: inserted ? 'created' : mine ? 'updated' : 'unchanged', changed };
  }
}
