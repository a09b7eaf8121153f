import type { Model } from 'mongoose';
import type { SecretBox } from '../../crypto/secret-box.js';
import { merchantObjectId, type MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBase, KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import { localTime } from './business-hours.js';
import { offlineEngine, type AnswerEngine } from './auto-reply.service.js';
import { LlmBudgetExceeded, LlmEngine } from './llm-engine.js';
import type { LlmSettings, LlmUsage } from './llm-settings.model.js';

export interface LlmSettingsInput {
  baseUrl: string;
  model: string;
  apiKey: string;
  dailyTokenBudget: number;
}

/** "sk-…abcd": enough for the owner to recognise the key, never enough to use it. */
export const maskKey = (key: string) => (key.length > 8 ? `${key.slice(0, 3)}****${key.slice(-4)}` : '****');

export class LlmSettingsService {
  constructor(
    private settings: Model<LlmSettings>,
    private usage: Model<LlmUsage>,
    private secrets: SecretBox,
    private customers: CustomerRepository,
    private timeoutMs: number,
    /** the knowledge base service: the engine is cached with a merchant's knowledge snapshot and renewed with it */
    private knowledge: KnowledgeBaseService,
  ) {}

  private engines = new WeakMap<KnowledgeBase, Promise<AnswerEngine>>();

  async save(merchantId: MerchantId, input: LlmSettingsInput): Promise<void> {
    await this.settings
      .updateOne(
        { merchantId: merchantObjectId(merchantId) },
        { $set: { baseUrl: input.baseUrl, model: input.model, apiKeySealed: this.secrets.seal(input.apiKey), dailyTokenBudget: input.dailyTokenBudget } },
        { upsert: true },
      )
      .exec();
    await this.knowledge.changed(merchantId); // every process renews its engine with the knowledge snapshot
  }

  async view(merchantId: MerchantId) {
    const s = await this.settings.findOne({ merchantId: merchantObjectId(merchantId) }).lean().exec();
    if (!s) return { configured: false as const, engine: 'offline' as const };
    const today = await this.usage.findOne({ merchantId: merchantObjectId(merchantId), day: today_(new Date()) }).lean().exec();
    return { configured: true as const, engine: 'llm' as const, baseUrl: s.baseUrl, model: s.model, apiKey: maskKey(this.secrets.open(s.apiKeySealed)), dailyTokenBudget: s.dailyTokenBudget, tokensToday: today?.totalTokens ?? 0 };
  }

  /**
   * The LLM when the merchant configured one, the offline engine otherwise. Built once per knowledge snapshot (which
   * a settings change renews), so a message costs no settings read and no new HTTP client.
   */
  engineFor(merchantId: MerchantId, kb: KnowledgeBase): Promise<AnswerEngine> {
    let engine = this.engines.get(kb);
    if (!engine) {
      engine = this.build(merchantId);
      engine.catch(() => this.engines.delete(kb));
      this.engines.set(kb, engine);
    }
    return engine;
  }

  private async build(merchantId: MerchantId): Promise<AnswerEngine> {
    const mid = merchantObjectId(merchantId);
    const s = await this.settings.findOne({ merchantId: mid }).lean().exec();
    if (!s) return offlineEngine;
    return new LlmEngine({
      baseUrl: s.baseUrl,
      model: s.model,
      apiKey: this.secrets.open(s.apiKeySealed),
      timeoutMs: this.timeoutMs,
      budget: {
        check: async () => {
          const used = await this.usage.findOne({ merchantId: mid, day: today_(new Date()) }).lean().exec();
          if ((used?.totalTokens ?? 0) >= s.dailyTokenBudget) throw new LlmBudgetExceeded('daily token budget used up');
        },
        record: async (u) => {
          await this.usage
            .updateOne({ merchantId: mid, day: today_(new Date()) }, { $inc: { calls: 1, promptTokens: u.prompt, completionTokens: u.completion, totalTokens: u.total } }, { upsert: true })
            .exec();
        },
      },
      profile: async (externalUserId) => {
        const c = await this.customers.findByExternalUserId(merchantId, externalUserId);
        return c ? { customerName: c.remark || c.name, customerTags: c.tags } : {};
      },
    });
  }
}

const today_ = (at: Date) => localTime(at, 'Asia/Shanghai').date;
