import type { Types, UpdateQuery } from 'mongoose';
import type { MerchantId } from '../tenancy/merchant-id.js';
import { TenantRepository, type TenantFilter } from './tenant-repository.js';

/** What storing a record did: a new one, a changed one, or the same again (a resend). */
export type StoreResult = 'created' | 'updated' | 'unchanged';

/** A stored document, as reads return it. */
export type Stored<T> = T & { _id: Types.ObjectId };

/**
 * Base for the records a shop's own systems send (stock levels, bookings, course packages, cards, reviews): each is
 * stored under the sender's key (its id, an item's name), so a resend or a re-import updates the one record and never
 * makes a second. The unique (merchantId, key) index makes concurrent first deliveries land on one document.
 */
export abstract class IntakeRecordRepository<T> extends TenantRepository<T> {
  /** One record by its key (`{externalId}`, an item's `{name}`), or null when the merchant has none. */
  findOne(merchantId: MerchantId, key: TenantFilter<T>): Promise<Stored<T> | null> {
    return this.model.findOne(this.scoped(merchantId, key)).lean<Stored<T>>().exec();
  }

  /**
   * Stores the record under its key; in a dry run only says which it would be. `id` is the new document's id when
   * this call created it. Fields named in `follow` that this send leaves out are removed from the stored record (a
   * resend that no longer names a customer is no longer that customer's).
   */
  protected async upsertRecord(
    merchantId: MerchantId,
    key: TenantFilter<T>,
    set: Partial<T>,
    dryRun: boolean,
    follow: (keyof T & string)[] = [],
  ): Promise<{ result: StoreResult; id?: Types.ObjectId }> {
    const filter = this.scoped(merchantId, key);
    if (dryRun) return { result: (await this.model.exists(filter).exec()) ? 'updated' : 'created' };
    const gone = follow.filter((f) => set[f] === undefined);
    const kept = Object.fromEntries(Object.entries(set).filter(([f]) => !gone.includes(f as keyof T & string)));
    const update = gone.length ? { $set: kept, $unset: Object.fromEntries(gone.map((f) => [f, 1])) } : { $set: set };
    const res = await this.model.updateOne(filter, update as UpdateQuery<T>, { upsert: true }).exec();
    if (res.upsertedCount) return { result: 'created', id: res.upsertedId as Types.ObjectId };
    return { result: res.modifiedCount ? 'updated' : 'unchanged' };
  }
}
