import { rememberId } from '../../db/applied-once-repository.js';
import { isDuplicateKey } from '../../db/duplicate-key.js';
import { IntakeRecordRepository, type Stored, type StoreResult } from '../../db/intake-record-repository.js';
import type { TenantFilter } from '../../db/tenant-repository.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { StockItem, StockItemModel, StockMovement } from './stock.model.js';

export type StockItemRecord = Stored<StockItem>;
/** An item's level as the inventory system counts it; the item's name is its key. */
export type StockLevel = Pick<StockItem, 'name' | 'quantity' | 'unit' | 'low' | 'critical' | 'batches'>;

/** The most items an alert scan reads at once (a shop's stock list is tens to hundreds of items). */
const SCAN_LIMIT = 2000;

/** Stock on hand per item: the only writer of `stock_items` (snapshots, and movements applied once). */
export class StockItemRepository extends IntakeRecordRepository<StockItem> {
  constructor(model: StockItemModel) {
    super(model);
  }

  /** A snapshot replaces the item's level and batches (creating the item the first time). */
  storeLevel(
    merchantId: MerchantId,
    { name, ...level }: StockLevel,
    dryRun: boolean,
  ): Promise<{ result: StoreResult }> {
    return this.upsertRecord(merchantId, { name }, level, dryRun);
  }

  /**
   * A movement's change on its item's level, made once: the update matches only while the item does not remember the
   * movement (see db/applied-once-repository.ts). A movement for an unknown item creates it. True when it changed the
   * level now, false when the level already had it.
   */
  async applyMovement(
    merchantId: MerchantId,
    m: Pick<StockMovement, 'externalId' | 'item' | 'change' | 'expiresOn'>,
  ): Promise<boolean> {
    const filter = this.scoped(merchantId, { name: m.item, appliedMovements: { $ne: m.externalId } });
    const update = {
      $inc: { quantity: m.change },
      $push: {
        appliedMovements: rememberId(m.externalId),
        ...(m.change > 0 && m.expiresOn ? { batches: { quantity: m.change, expiresOn: m.expiresOn } } : {}),
      },
    };
    try {
      const res = await this.model.updateOne(filter, update, { upsert: true }).exec();
      return res.matchedCount + res.upsertedCount > 0;
    } catch (err) {
      // The item exists after all: a concurrent first movement made it, or it remembers this one.
      if (!isDuplicateKey(err)) throw err;
      return (await this.model.updateOne(filter, update).exec()).matchedCount > 0;
    }
  }

  /** The merchant's items (only those named, when names are given): the low-stock scan. */
  list(merchantId: MerchantId, names?: string[]): Promise<StockItemRecord[]> {
    const filter: TenantFilter<StockItem> = names ? { name: { $in: names } } : {};
    return this.model.find(this.scoped(merchantId, filter)).limit(SCAN_LIMIT).lean<StockItemRecord[]>().exec();
  }

  /** Items with a batch expiring on or before `lastDay` (YYYY-MM-DD): the expiry scan. */
  withBatchesExpiringBy(merchantId: MerchantId, lastDay: string): Promise<StockItemRecord[]> {
    return this.model
      .find(this.scoped(merchantId, { 'batches.expiresOn': { $lte: lastDay } }))
      .limit(SCAN_LIMIT)
      .lean<StockItemRecord[]>()
      .exec();
  }
}
