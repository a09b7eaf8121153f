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
import type { Model, Types } from 'mongoose';
import { insertedOnce } from '../../../db/duplicate-key.js';
import { merchantObjectId, type MerchantId } from '../../../tenancy/merchant-id.js';
import type { StoreOutcome } from '../intake-kind.js';

export const APPLIED_IDS_KEPT = 200;

/** `$push` of a record's id onto the target's remembered ids (operator updates). */
export const rememberId = (id: string) => ({ $each: [id], $slice: -APPLIED_IDS_KEPT });

/** The same for a pipeline update: the field's ids with this one added, the oldest dropped. */
export const rememberIdIn = (field: string, id: string) => ({
  $slice: [{ $concatArrays: [{ $ifNull: [`$${field}`, []] }, [{ $literal: id }]] }, -APPLIED_IDS_KEPT],
});

export interface EffectRecord {
  merchantId: Types.ObjectId;
  externalId: string;
  /** absent on records stored before the flag existed: those were applied when they were stored */
  applied?: boolean;
}

/** A stored record, as the completion reads it. */
export type Stored<T> = T & { _id: Types.ObjectId };

export interface Effect<T extends EffectRecord> {
  records: Model<T>;
  /** the record's field naming its target (the item, the package) */
  target: keyof T & string;
  /** whether the record changes its target at all (an absence uses no class hours) */
  changes(record: Omit<T, 'merchantId'>): boolean;
  /** The one conditional update of the target: true when it changed the target now, false when it had already. */
  apply(record: Stored<T>): Promise<boolean>;
}

/** How many pending records one call completes; a backlog beyond it is left to the next call and the sweep. */
const PENDING_BATCH = 500;

/**
 * Completes the merchant's pending records that `filter` picks, oldest first: applies each (a no-op when its target
 * already remembers it) and marks it applied. Returns them, each with whether this call changed its target.
 */
export async function completePending<T extends EffectRecord>(
  effect: Effect<T>,
  merchantId: Types.ObjectId,
  filter: Record<string, unknown> = {},
): Promise<{ record: Stored<T>; changed: boolean }[]> {
  const pending = (await effect.records
    .find({ ...filter, merchantId, applied: false })
    .sort({ _id: 1 })
    .limit(PENDING_BATCH)
    .lean()
    .exec()) as Stored<T>[];
  const done: { record: Stored<T>; changed: boolean }[] = [];
  for (const record of pending) {
    const changed = await effect.apply(record);
    await effect.records.updateOne({ _id: record._id, merchantId, applied: false }, { $set: { applied: true } }).exec();
    done.push({ record, changed });
  }
  return done;
}

/**
 * Stores a record once by its sender's id and applies it exactly once. 'created' for the request that stored it,
 * 'updated' for a resend that completed the effect of a record an earlier request stored but could not apply,
 * otherwise 'unchanged'; `changed` holds the records whose effect this request made (this one, older pending ones).
 */
export async function storeApplyingOnce<T extends EffectRecord>(
  effect: Effect<T>,
  merchantId: MerchantId,
  doc: Omit<T, 'merchantId'>,
  dryRun: boolean,
): Promise<{ result: StoreOutcome['result']; changed: Stored<T>[] }> {
  const key = { merchantId: merchantObjectId(merchantId), externalId: doc.externalId };
  if (dryRun) return { result: (await effect.records.exists(key).exec()) ? 'unchanged' : 'created', changed: [] };
  const record = { ...doc, ...key, applied: !effect.changes(doc) } as unknown as T;
  const inserted = await insertedOnce(() => effect.records.create(record));
  // A resend completes the record an earlier request stored, if that one is still pending (by the stored record's
  // target: the resend may name another). Its target's older pending records go first, so that nothing is left behind.
  const pending = inserted
    ? record
    : await effect.records
        .findOne({ ...key, applied: false })
        .lean<T>()
        .exec();
  if (!pending) return { result: 'unchanged', changed: [] };
  const done = await completePending(effect, key.merchantId, { [effect.target]: pending[effect.target] });
  const changed = done.filter((d) => d.changed).map((d) => d.record);
  const mine = changed.some((r) => r.externalId === doc.externalId);
  return { result: inserted ? 'created' : mine ? 'updated' : 'unchanged', changed };
}
