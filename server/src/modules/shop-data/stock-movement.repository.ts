import { AppliedOnceRepository } from '../../db/applied-once-repository.js';
import type { Stored, StoreResult } from '../../db/intake-record-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { StockItemRepository } from './stock-item.repository.js';
import type { StockMovement, StockMovementModel } from './stock.model.js';

export type StockMovementRecord = Stored<StockMovement>;
export type NewStockMovement = Omit<StockMovement, 'merchantId' | 'applied'>;

/** Movements in and out: stored once by document number, each applied to its item's level exactly once. */
export class StockMovementRepository extends AppliedOnceRepository<StockMovement> {
  protected readonly target = 'item';

  constructor(
    model: StockMovementModel,
    private items: StockItemRepository,
  ) {
    super(model);
  }

  protected changes(): boolean {
    return true;
  }

  protected applyToTarget(merchantId: MerchantId, m: StockMovementRecord): Promise<boolean> {
    return this.items.applyMovement(merchantId, m);
  }

  /** Stores the movement and puts it on its level once; `changed` are the movements this call put on a level. */
  store(
    merchantId: MerchantId,
    movement: NewStockMovement,
    dryRun: boolean,
  ): Promise<{ result: StoreResult; changed: StockMovementRecord[] }> {
    return this.storeApplyingOnce(merchantId, movement, dryRun);
  }

  /** Units sold per item since `since` (sale movements), for the items named: low-stock cover days. */
  async unitsSoldSince(merchantId: MerchantId, since: Date, items: string[]): Promise<Map<string, number>> {
    const rows = await this.model
      .aggregate<{ _id: string; out: number }>([
        {
          $match: {
            merchantId: merchantObjectId(merchantId),
            at: { $gte: since },
            reason: 'sale',
            item: { $in: items },
          },
        },
        { $group: { _id: '$item', out: { $sum: '$change' } } },
      ])
      .exec();
    return new Map(rows.map((r) => [r._id, -r.out]));
  }
}
