import type { CustomerRef } from '@xiaoer/common/schemas/intake';
import type { Types } from 'mongoose';
import type { StoreContext } from '../intake-kind.js';

/**
 * The record as it is stored: the customer it names matched (WeCom external userid, then phone, then member number)
 * and kept as `customerId`, the reference itself dropped; a reference none of ours matched is kept as `customerRef`,
 * for the shop to link by hand (models without the path drop it). `unmatched` says no customer of ours was found.
 */
export async function withCustomer<R extends { customer?: CustomerRef }>(
  ctx: StoreContext,
  record: R,
): Promise<{
  fields: Omit<R, 'customer'> & { customerId?: Types.ObjectId; customerRef?: CustomerRef };
  unmatched: boolean;
}> {
  const customerId = await ctx.match(record.customer);
  const { customer: ref, ...fields } = record;
  const named = ref && Object.values(ref).some(Boolean);
  const link = customerId ? { customerId } : named ? { customerRef: ref } : {};
  return { fields: { ...fields, ...link }, unmatched: !customerId };
}
