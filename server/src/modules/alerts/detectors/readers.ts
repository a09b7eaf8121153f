// What the detectors read from the shop's records, as small interfaces: a detector names the few reads it needs,
// never a whole repository or a model. The shapes follow the shop-data repositories (stock items, stock movements,
// reviews), so those repositories satisfy them as they are.
import type { Types } from 'mongoose';
import type { MerchantId } from '../../../tenancy/merchant-id.js';

export interface StockLevelRow {
  name: string;
  quantity: number;
  unit: string;
  low?: number;
  critical?: number;
  batches: { batchNo?: string; quantity: number; expiresOn: string }[];
}

export interface StockReader {
  /** the merchant's items (only those named, when names are given) */
  list(merchantId: MerchantId, names?: string[]): Promise<StockLevelRow[]>;
  /** items with a batch expiring on or before `lastDay` (YYYY-MM-DD) */
  withBatchesExpiringBy(merchantId: MerchantId, lastDay: string): Promise<StockLevelRow[]>;
}

export interface SaleMovementReader {
  /** units sold per item since `since` (sale movements), for the items named */
  unitsSoldSince(merchantId: MerchantId, since: Date, items: string[]): Promise<Map<string, number>>;
}

export interface ReviewRow {
  _id: Types.ObjectId;
  platform: string;
  rating: number;
  text: string;
  orderId?: string;
  customerId?: Types.ObjectId;
}

export interface ReviewReader {
  /** of these reviews, the ones rated `maxRating` or lower and written since `since` */
  badSince(merchantId: MerchantId, ids: Types.ObjectId[], maxRating: number, since: Date): Promise<ReviewRow[]>;
}
