import type { SecretBox } from '../../crypto/secret-box.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { offlineEngine, type AnswerEngine } from './auto-reply.service.js';
import { LlmEngine } from './llm-engine.js';
import { MediaRecognition } from './media-recognition.js';
import type { OutboundGuard } from '../../net/outbound-guard.js';
import { checkLlmBaseUrl, llmFetch } from './llm-endpoint.js';
import type { LlmSettingsRepository } from './llm-settings.repository.js';
import type { LlmUsageRepository } from './llm-usage.repository.js';
import { llmDay, type TokenBudget } from './token-budget.js';

export interface LlmSettingsInput {
  baseUrl: string;
  model: string;
  apiKey: string;
  dailyTokenBudget: number;
  speechModel?: string;
  visionModel?: string;
}

/** "sk-…abcd": enough for the owner to recognise the key, never enough to use it. */
export const maskKey = (key: string) => (key.length > 8 ? `${key.slice(0, 3)}****${key.slice(-4)}` : '****');

export class LlmSettingsService {
  constructor(
    private settings: LlmSettingsRepository,
    private usage: LlmUsageRepository,
    private secrets: SecretBox,
    private customers: CustomerRepository,
    private timeoutMs: number,
    /** every call reserves its tokens here first */
    private budget: TokenBudget,
    /** the endpoint is the merchant's URL: checked when saved, and every connection made through the guard */
    private outbound: OutboundGuard,
  ) {}

  private engines = new WeakMap<KnowledgeBase, Promise<AnswerEngine>>();

  async save(merchantId: MerchantId, input: LlmSettingsInput): Promise<void> {
    await checkLlmBaseUrl(this.outbound, input.baseUrl);
    // the repository bumps the knowledge version: every process renews its engine with the snapshot
    await this.settings.save(merchantId, {
      baseUrl: input.baseUrl,
      model: input.model,
      apiKeySealed: this.secrets.seal(input.apiKey),
      dailyTokenBudget: input.dailyTokenBudget,
      speechModel: input.speechModel,
      visionModel: input.visionModel,
    });
  }

  async view(merchantId: MerchantId) {
    const s = await this.settings.find(merchantId);
    if (!s) return { configured: false as const, engine: 'offline' as const };
    const today = await this.usage.forDay(merchantId, llmDay(new Date()));
    return {
      configured: true as const,
      engine: 'llm' as const,
      baseUrl: s.baseUrl,
      model: s.model,
      apiKey: maskKey(this.secrets.open(s.apiKeySealed)),
      dailyTokenBudget: s.dailyTokenBudget,
      tokensToday: today?.totalTokens ?? 0,
      ...(s.speechModel && { speechModel: s.speechModel }),
      ...(s.visionModel && { visionModel: s.visionModel }),
    };
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

  /**
   * The endpoint's speech recognition and vision, where the owner's settings name a model for them; null when
   * neither is offered (or no LLM is configured): voice notes and pictures then go to staff.
   */
  async recognitionFor(merchantId: MerchantId): Promise<MediaRecognition | null> {
    const s = await this.settings.find(merchantId);
    if (!s || !(s.speechModel || s.visionModel)) return null;
    return new MediaRecognition({
      baseUrl: s.baseUrl,
      apiKey: this.secrets.open(s.apiKeySealed),
      timeoutMs: this.timeoutMs,
      fetch: llmFetch(this.outbound),
      speechModel: s.speechModel,
      visionModel: s.visionModel,
      budget: { reserve: (estimate) => this.budget.reserve(merchantId, s.dailyTokenBudget, estimate) },
    });
  }

  private async build(merchantId: MerchantId): Promise<AnswerEngine> {
    const s = await this.settings.find(merchantId);
    if (!s) return offlineEngine;
    return new LlmEngine({
      baseUrl: s.baseUrl,
      model: s.model,
      apiKey: this.secrets.open(s.apiKeySealed),
      timeoutMs: this.timeoutMs,
      fetch: llmFetch(this.outbound),
      budget: { reserve: (estimate) => this.budget.reserve(merchantId, s.dailyTokenBudget, estimate) },
      profile: async (externalUserId) => {
        const c = await this.customers.findByExternalUserId(merchantId, externalUserId);
        return c ? { customerName: c.remark || c.name, customerTags: c.tags } : {};
      },
    });
  }
}
