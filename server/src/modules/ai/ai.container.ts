// Wiring of the shop knowledge and the AI: the knowledge base, the after-hours bot subscribed to 微信客服.
import type { Redis } from 'ioredis';
import type { Connection } from 'mongoose';
import type { Logger } from '../../logging/logger.js';
import type { ProductRepository } from '../catalog/product.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { Wecom } from '../wecom/wecom.container.js';
import { faqModel, policyModel } from '../knowledge/faq.model.js';
import { FaqRepository } from '../knowledge/faq.repository.js';
import { PolicyRepository } from '../knowledge/policy.repository.js';
import { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import { KnowledgeAdminService } from '../knowledge/knowledge-admin.service.js';
import { knowledgeChangeModel } from '../knowledge/knowledge-change.model.js';
import { KnowledgeChangeRepository } from '../knowledge/knowledge-change.repository.js';
import { KnowledgeVersion } from '../knowledge/knowledge-version.js';
import { scriptModel } from '../knowledge/script.model.js';
import { ScriptRepository } from '../knowledge/script.repository.js';
import { ScriptUseService } from '../knowledge/script-use.service.js';
import { ScriptLibraryService } from '../knowledge/script-library.service.js';
import { KnowledgeImportService } from '../knowledge/knowledge-import.service.js';
import { aiDecisionModel } from './ai-decision.model.js';
import { AiDecisionRepository } from './ai-decision.repository.js';
import { draftFeedbackModel } from './draft-feedback.model.js';
import { DraftFeedbackRepository } from './draft-feedback.repository.js';
import { SuggestionService } from './suggestions.service.js';
import { CustomerSummaryService } from './customer-summary.service.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { morningSummaryModel } from './morning-summary.model.js';
import { MorningSummaryRepository } from './morning-summary.repository.js';
import { MorningSummaryService } from './morning-summary.service.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import { AutoReplyService } from './auto-reply.service.js';
import { llmSettingsModel } from './llm-settings.model.js';
import { LlmSettingsRepository } from './llm-settings.repository.js';
import { llmUsageModel } from './llm-usage.model.js';
import { LlmUsageRepository } from './llm-usage.repository.js';
import { LlmSettingsService } from './llm-settings.service.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { OutboundGuard } from '../../net/outbound-guard.js';
import { AiRateLimits } from './ai-rate-limits.js';
import { TokenBudget } from './token-budget.js';

export interface AiDeps {
  mongo: Connection;
  redis: Redis;
  logger: Logger;
  wecom: Wecom;
  merchants: MerchantRepository;
  shops: ShopRepository;
  products: ProductRepository;
  customers: CustomerRepository;
  orders: OrderRepository;
  staff: StaffRepository;
  secrets: SecretBox;
  llmTimeoutMs: number;
  /** merchant-supplied URLs (the LLM endpoint) are reached only through it */
  outbound: OutboundGuard;
  /** the owners' (and managers') WeCom messages: the morning summary */
  notifier: Pick<OwnerNotifier, 'send'>;
}

export function buildAi(d: AiDeps) {
  const version = new KnowledgeVersion(d.redis);
  const faqs = new FaqRepository(faqModel(d.mongo), version);
  const policies = new PolicyRepository(policyModel(d.mongo), version);
  const scripts = new ScriptRepository(scriptModel(d.mongo));
  const knowledge = new KnowledgeBaseService(version, d.merchants, d.shops, d.products, faqs, policies);
  const decisions = new AiDecisionRepository(aiDecisionModel(d.mongo));
  const llmUsage = new LlmUsageRepository(llmUsageModel(d.mongo));
  const llmSettings = new LlmSettingsRepository(llmSettingsModel(d.mongo), version);
  const draftFeedback = new DraftFeedbackRepository(draftFeedbackModel(d.mongo));
  const tokenBudget = new TokenBudget(d.redis, llmUsage, d.logger);
  const llm = new LlmSettingsService(
    llmSettings,
    llmUsage,
    d.secrets,
    d.customers,
    d.llmTimeoutMs,
    tokenBudget,
    d.outbound,
  );
  const limits = new AiRateLimits(d.redis, d.logger);
  const autoReply = new AutoReplyService({
    kf: d.wecom.kf,
    knowledge,
    customers: d.customers,
    staff: d.staff,
    contactsApi: d.wecom.contactsApi,
    decisions,
    logger: d.logger,
    engineFor: (app, kb) => llm.engineFor(app.merchantId, kb),
    limits,
  });
  d.wecom.kf.onCustomerMessage((app, message, context) => autoReply.onCustomerMessage(app, message, context));
  const admin = new KnowledgeAdminService(
    { faq: faqs, policy: policies, product: d.products, script: scripts },
    new KnowledgeChangeRepository(knowledgeChangeModel(d.mongo)),
  );
  const scriptUse = new ScriptUseService(scripts, d.customers, d.orders, knowledge, (merchantId, url) =>
    d.wecom.media.imageMediaId(merchantId, url),
  );
  const scriptLibrary = new ScriptLibraryService(scripts, d.staff);
  const knowledgeImport = new KnowledgeImportService(admin, d.products, faqs);
  const morningSummary = new MorningSummaryService({
    summaries: new MorningSummaryRepository(morningSummaryModel(d.mongo)),
    decisions,
    merchants: d.merchants,
    notifier: d.notifier,
  });
  const suggestions = new SuggestionService(
    knowledge,
    d.customers,
    d.orders,
    draftFeedback,
    (merchantId, kb) => llm.engineFor(merchantId, kb),
    limits,
  );
  return {
    knowledge,
    knowledgeAdmin: admin,
    faqs,
    policies,
    decisions,
    llmSettings,
    llmUsage,
    draftFeedback,
    autoReply,
    llm,
    morningSummary,
    suggestions,
    scriptUse,
    scriptLibrary,
    scripts,
    knowledgeImport,
    customerSummary: new CustomerSummaryService(d.customers, d.orders, d.wecom.kfRepository),
  };
}

export type Ai = ReturnType<typeof buildAi>;
