import type { Model, QueryFilter } from 'mongoose';
import { merchantObjectId, type MerchantId } from '../tenancy/merchant-id.js';

/** A filter that cannot name the tenant itself: the tenant always comes from the MerchantId argument. */
export type TenantFilter<T> = Omit<QueryFilter<T>, 'merchantId'> & { merchantId?: never };

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
}
