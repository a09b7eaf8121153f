import type { Model } from 'mongoose';
import { merchantObjectId, type MerchantId } from '../../../tenancy/merchant-id.js';
import type { CustomerRef } from '@xiaoer/common/schemas/intake';
import type { StoreContext, StoreOutcome } from '../intake-kind.js';

/**
 * Stores a record by its sender's id (a resend updates it, never a second one); in a dry run only says which it
 * would be. Returns the stored document's id when there is one.
 */
export async function upsertRecord<T>(
  model: Model<T>,
  merchantId: MerchantId,
  externalId: string,
  set: Record<string, unknown>,
  dryRun: boolean,
): Promise<{ result: StoreOutcome['result']; id?: unknown }> {
  const key = { merchantId: merchantObjectId(merchantId), externalId };
  if (dryRun) return { result: (await model.exists(key).exec()) ? 'updated' : 'created' };
  const res = await model.updateOne(key, { $set: set }, { upsert: true }).exec();
  return { result: res.upsertedCount ? 'created' : res.modifiedCount ? 'updated' : 'unchanged', id: res.upsertedId };
}

/**
 * The usual record: matched to its customer, its ISO time fields made dates, stored by its sender's id. `unmatched`
 * says no customer of ours was found.
 */
export async function storeWithCustomer<T>(
  model: Model<T>,
  ctx: StoreContext,
  record: { externalId: string; customer?: CustomerRef } & Record<string, unknown>,
  dateFields: string[] = [],
): Promise<StoreOutcome & { id?: unknown }> {
  const customerId = await ctx.match(record.customer);
  const { customer: _ref, externalId, ...rest } = record;
  for (const field of dateFields) rest[field] = new Date(rest[field] as string);
  const { result, id } = await upsertRecord(
    model,
    ctx.merchantId,
    externalId,
    { ...rest, ...(customerId ? { customerId } : {}) },
    ctx.dryRun,
  );
  return { result, id, unmatched: !customerId };
}
