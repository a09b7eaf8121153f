import { Types } from 'mongoose';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { KnowledgeItemRepository, type ItemFields, type Stored } from './knowledge-item.repository.js';
import type { Script, ScriptModel } from './script.model.js';

export type ScriptRecord = Stored<Script>;
/** A script as written: its use count starts at 0 and is only ever counted up by use. */
export type NewScript = Omit<ItemFields<Script>, 'usageCount'>;

/**
 * The scripts library (话术). Scripts are not part of the knowledge snapshot (the bot does not answer from them), so
 * writing one leaves the knowledge version alone.
 */
export class ScriptRepository extends KnowledgeItemRepository<Script, NewScript> {
  constructor(model: ScriptModel) {
    super(model);
  }

  /** The library by category, the most used first. */
  library(merchantId: MerchantId): Promise<ScriptRecord[]> {
    return this.model
      .find(this.scoped(merchantId))
      .sort({ category: 1, usageCount: -1 })
      .limit(500)
      .lean<ScriptRecord[]>()
      .exec();
  }

  /** The script's id when it is the merchant's, else null. */
  async idOf(merchantId: MerchantId, id: string): Promise<Types.ObjectId | null> {
    const row = await this.model
      .findOne(this.scoped(merchantId, { _id: new Types.ObjectId(id) }), { _id: 1 })
      .lean<{ _id: Types.ObjectId }>()
      .exec();
    return row?._id ?? null;
  }

  /** Counts one use of the script: the script with its new count, or null when it is not the merchant's. */
  countUse(merchantId: MerchantId, id: string): Promise<ScriptRecord | null> {
    return this.model
      .findOneAndUpdate(
        this.scoped(merchantId, { _id: new Types.ObjectId(id) }),
        { $inc: { usageCount: 1 } },
        { returnDocument: 'after' },
      )
      .lean<ScriptRecord>()
      .exec();
  }
}
