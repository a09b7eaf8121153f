import type { Types } from 'mongoose';
import { TenantRepository } from '../../db/tenant-repository.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { KnowledgeVersion } from '../knowledge/knowledge-version.js';
import type { LlmSettings, LlmSettingsModel } from './llm-settings.model.js';

export type LlmSettingsRecord = LlmSettings & { _id: Types.ObjectId };
export type LlmSettingsFields = Omit<LlmSettings, 'merchantId'>;

/**
 * A merchant's LLM settings. Every process builds its engine once per knowledge snapshot, so each write bumps the
 * knowledge version: all of them renew their engine.
 */
export class LlmSettingsRepository extends TenantRepository<LlmSettings> {
  constructor(
    model: LlmSettingsModel,
    private version: KnowledgeVersion,
  ) {
    super(model);
  }

  find(merchantId: MerchantId): Promise<LlmSettingsRecord | null> {
    return this.model.findOne(this.scoped(merchantId)).lean<LlmSettingsRecord>().exec();
  }

  async save(merchantId: MerchantId, fields: LlmSettingsFields): Promise<void> {
    // an optional capability the owner cleared (no speech model any more) is removed, not kept
    const set = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
    const unset = Object.fromEntries(
      Object.keys(fields)
        .filter((k) => !(k in set))
        .map((k) => [k, 1]),
    );
    const update = Object.keys(unset).length ? { $set: set, $unset: unset } : { $set: set };
    await this.model.updateOne({ merchantId: merchantObjectId(merchantId) }, update, { upsert: true }).exec();
    await this.version.bump(merchantId);
  }

  /** Back to the offline engine. */
  async remove(merchantId: MerchantId): Promise<void> {
    await this.model.deleteOne(this.scoped(merchantId)).exec();
    await this.version.bump(merchantId);
  }
}
