import { Schema, Types, type UpdateQuery } from 'mongoose';
import type { MerchantId } from '../tenancy/merchant-id.js';
import { IntakeRecordRepository, type Stored } from './intake-record-repository.js';
import type { TenantFilter } from './tenant-repository.js';

/** What a record named its customer by when none of ours matched: kept so the shop can link it by hand. */
export interface CustomerRef {
  externalUserId?: string;
  phone?: string;
  memberNo?: string;
}

/** The schema path of a kept reference (absent once the record names a customer of ours). */
export const customerRefPath = {
  type: new Schema<CustomerRef>({ externalUserId: String, phone: String, memberNo: String }, { _id: false }),
  default: undefined,
};

/**
 * Records from the shop's systems that name a customer (bookings, course packages): a record whose customer matched
 * none of ours keeps the reference, is listed for the shop and linked by hand to one; linked, it is the customer's
 * like any matched record (their timeline, their visits).
 */
export abstract class CustomerRecordRepository<
  T extends { customerId?: Types.ObjectId; customerRef?: CustomerRef },
> extends IntakeRecordRepository<T> {
  /** Records that named a customer none of ours matched, newest first by `dateField` (keyset paging). */
  unmatched(
    merchantId: MerchantId,
    dateField: keyof T & string,
    page: { before: Date; limit: number; beforeId?: string },
  ): Promise<Stored<T>[]> {
    const unlinked = { customerId: null, customerRef: { $exists: true } } as unknown as TenantFilter<T>;
    return this.newestBefore(merchantId, unlinked, dateField, page.before, page.limit, page.beforeId);
  }

  /** Links an unmatched record to a customer; null when it is not (or no longer) unmatched. */
  async linkCustomer(merchantId: MerchantId, id: string, customerId: Types.ObjectId): Promise<Stored<T> | null> {
    const _id = new Types.ObjectId(id);
    // the conditional update decides (a second link finds nothing); the read after it returns the record, as a
    // find-and-modify would drop it where the model hides a path from reads (a package's applied attendance)
    const linked = await this.model
      .updateOne(this.scoped(merchantId, { _id, customerId: null } as unknown as TenantFilter<T>), {
        $set: { customerId },
      } as UpdateQuery<T>)
      .exec();
    return linked.modifiedCount
      ? this.model
          .findOne(this.scoped(merchantId, { _id } as TenantFilter<T>))
          .lean<Stored<T>>()
          .exec()
      : null;
  }
}
