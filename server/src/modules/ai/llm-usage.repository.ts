import type { Collection } from 'mongodb';
import type { Types } from 'mongoose';
import { BatchedWrites } from '../../db/batched-writes.js';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { LlmUsage, LlmUsageModel } from './llm-usage.model.js';

export type LlmUsageRecord = LlmUsage & { _id: Types.ObjectId };
export type UsageIncrement = Partial<
  Pick<LlmUsage, 'calls' | 'promptTokens' | 'completionTokens' | 'totalTokens' | 'estimatedTokens'>
>;

/** Tokens charged per merchant and day. Increments are group-committed: concurrent LLM calls share a round trip. */
export class LlmUsageRepository extends TenantRepository<LlmUsage> {
  private writes: BatchedWrites<LlmUsage>;

  constructor(model: LlmUsageModel) {
    super(model);
    this.writes = new BatchedWrites(model.collection as unknown as Collection<LlmUsage>);
  }

  forDay(merchantId: MerchantId, day: string): Promise<LlmUsageRecord | null> {
    return this.model.findOne(this.scoped(merchantId, { day })).lean<LlmUsageRecord>().exec();
  }

  async add(merchantId: MerchantId, day: string, inc: UsageIncrement): Promise<void> {
    await this.writes.write({
      updateOne: { filter: { merchantId: merchantObjectId(merchantId), day }, update: { $inc: inc }, upsert: true },
    });
  }
}
