import { Types } from 'mongoose';

/**
 * A merchant id that came from a verified session (or a trusted job payload). Repositories accept only this
 * branded type, so a query that forgets the tenant, or takes it from the request body, does not compile.
 */
export type MerchantId = string & { readonly __brand: 'MerchantId' };

export const asMerchantId = (id: string | Types.ObjectId): MerchantId => String(id) as MerchantId;

export const merchantObjectId = (id: MerchantId): Types.ObjectId => new Types.ObjectId(id);
