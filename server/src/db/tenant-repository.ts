import { Types, type Model, type QueryFilter, type UpdateQuery } from 'mongoose';
import { merchantObjectId, type MerchantId } from '../tenancy/merchant-id.js';

/** A filter that cannot name the tenant itself: the tenant always comes from the MerchantId argument. */
export type TenantFilter<T> = Omit<QueryFilter<T>, 'merchantId'> & { merchantId?: never };

/** One step in the audit trail of a reviewed record (customer drafts, group posts). */
export interface AuditEntry {
  by: string;
  action: string;
  note?: string;
}

/**
 * Base for repositories of per-merchant collections. Every query goes through `scoped`, which pins merchantId, so
 * another tenant's document is indistinguishable from a missing one (and the caller answers 404, not 403).
 */
export abstract class TenantRepository<T> {
  constructor(protected readonly model: Model<T>) {}

  protected scoped(merchantId: MerchantId, filter: TenantFilter<T> = {} as TenantFilter<T>): QueryFilter<T> {
    return { ...filter, merchantId: merchantObjectId(merchantId) } as QueryFilter<T>;
  }

  count(merchantId: MerchantId, filter?: TenantFilter<T>): Promise<number> {
    return this.model.countDocuments(this.scoped(merchantId, filter)).exec();
  }

  /**
   * The newest `limit` records matching `filter` dated strictly before `before` by `dateField`, newest first: one
   * page of a customer's timeline from this collection (each source is read this way and the pages merged).
   */
  newestBefore(
    merchantId: MerchantId,
    filter: TenantFilter<T>,
    dateField: keyof T & string,
    before: Date,
    limit: number,
    /** the last entry's id at `before`: entries sharing that instant continue after it (keyset paging) */
    beforeId?: string,
  ): Promise<(T & { _id: Types.ObjectId })[]> {
    const dated = {
      $and: [filter, keysetBefore(dateField, before, beforeId)],
    } as unknown as TenantFilter<T>;
    return this.model
      .find(this.scoped(merchantId, dated))
      .sort({ [dateField]: -1, _id: -1 })
      .limit(limit)
      .lean<(T & { _id: Types.ObjectId })[]>()
      .exec();
  }

  /**
   * A reviewed record's status step: sets its fields and appends who did what, in one atomic update. With a status
   * in the filter the step happens once: a second tap, or a second worker, gets null.
   */
  protected auditedStep<R = T>(
    merchantId: MerchantId,
    filter: TenantFilter<T>,
    set: Partial<T>,
    audit: AuditEntry,
  ): Promise<R | null> {
    const update = { $set: set, $push: { audit: { at: new Date(), ...audit } } } as UpdateQuery<T>;
    return this.model
      .findOneAndUpdate(this.scoped(merchantId, filter), update, { returnDocument: 'after' })
      .lean<R>()
      .exec();
  }

  /** One new document of this merchant, validated and given its defaults by the schema. */
  protected async insertOne<R = T>(merchantId: MerchantId, fields: Partial<T>): Promise<R> {
    const doc = await this.model.create({ ...fields, merchantId: merchantObjectId(merchantId) });
    return doc.toObject() as R;
  }

  /** Sets fields of one of the merchant's documents: the document before and after, or null when it has none. */
  protected async setById<R = T>(
    merchantId: MerchantId,
    id: string | Types.ObjectId,
    set: Partial<T>,
  ): Promise<{ before: R; after: R } | null> {
    const filter = this.scoped(merchantId, { _id: new Types.ObjectId(id) } as TenantFilter<T>);
    const before = await this.model
      .findOneAndUpdate(filter, { $set: set } as UpdateQuery<T>)
      .lean<R>()
      .exec();
    const after = before && (await this.model.findOne(filter).lean<R>().exec());
    return before && after ? { before, after } : null;
  }

  /** Deletes one of the merchant's documents: what it was, or null when it has none. */
  protected deleteById<R = T>(merchantId: MerchantId, id: string | Types.ObjectId): Promise<R | null> {
    return this.model
      .findOneAndDelete(this.scoped(merchantId, { _id: new Types.ObjectId(id) } as TenantFilter<T>))
      .lean<R>()
      .exec();
  }
}

/** Newest-first keyset: strictly before the instant, or at it with a smaller id (the sort's tie-break). */
export const keysetBefore = (dateField: string, before: Date, beforeId?: string) =>
  beforeId
    ? {
        $or: [{ [dateField]: { $lt: before } }, { [dateField]: before, _id: { $lt: new Types.ObjectId(beforeId) } }],
      }
    : { [dateField]: { $lt: before } };
