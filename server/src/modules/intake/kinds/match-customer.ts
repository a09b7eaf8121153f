import type { CustomerRef } from '@xiaoer/common/schemas/intake';
import type { Types } from 'mongoose';
import type { StoreContext } from '../intake-kind.js';

/**
 * The record as it is stored: the customer it names matched (WeCom external userid, then phone, then member number)
 * and kept as `customerId`, the reference itself dropped. `unmatched` says no customer of ours was found.
 */
export async function withCustomer<R extends { customer?: CustomerRef }>(
  ctx: StoreContext,
  record: R,
): Promise<{ fields: Omit<R, 'customer'> & { customerId?: Types.ObjectId }; unmatched: boolean }> {
  const customerId = await ctx.match(record.customer);
  const { customer: _ref, ...fields } = record;
  return { fields: { ...fields, ...(customerId ? { customerId } : {}) }, unmatched: !customerId };
}
