// Wiring of the shop knowledge and the AI: the knowledge base, the after-hours bot subscribed to 微信客服.
import type { Redis } from 'ioredis';
import type { Database } from '../../db/database.js';
import type { Logger } from '../../logging/logger.js';
import type { ProductRepository } from '../catalog/product.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { ShopRepository } from '../shops/shop.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { KfService } from '../conversations/kf.service.js';
import type { Wecom } from '../wecom/wecom.module.js';
import { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import { KnowledgeAdminService } from '../knowledge/knowledge-admin.service.js';
import { KnowledgeVersion } from '../knowledge/knowledge-version.js';
import { openKnowledgeRepositories } from '../knowledge/knowledge.repositories.js';
import { openAiRepositories } from './ai.repositories.js';
import { ScriptUseService } from '../knowledge/script-use.service.js';
import { ScriptLibraryService } from '../knowledge/script-library.service.js';
import { KnowledgeImportService } from '../knowledge/knowledge-import.service.js';
import { SuggestionService } from './suggestions.service.js';
import { CustomerSummaryService } from './customer-summary.service.js';
import type { OrderRepository } from '../orders/order.repository.js';
import { MorningSummaryService } from './morning-summary.service.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import { AutoReplyService } from './auto-reply.service.js';
import { LlmSettingsService } from './llm-settings.service.js';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { OutboundGuard } from '../../net/outbound-guard.js';
import { AiRateLimits } from './ai-rate-limits.js';
import { TokenBudget } from './token-budget.js';

export interface AiDeps {
  db: Database;
  redis: Redis;
  logger: Logger;
  wecom: Pick<Wecom, 'contactsApi' | 'media'>;
  /** 微信客服: the bot answers its customer messages */
  kf: KfService;
  kfRepository: KfRepository;
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
  const { faqs, policies, scripts, changes } = openKnowledgeRepositories(d.db, version);
  const { decisions, llmUsage, llmSettings, draftFeedback, morningSummaries } = openAiRepositories(d.db, version);
  const knowledge = new KnowledgeBaseService(version, d.merchants, d.shops, d.products, faqs, policies);
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
    kf: d.kf,
    knowledge,
    customers: d.customers,
    staff: d.staff,
    contactsApi: d.wecom.contactsApi,
    decisions,
    logger: d.logger,
    engineFor: (app, kb) => llm.engineFor(app.merchantId, kb),
    limits,
  });
  d.kf.onCustomerMessage((app, message, context) => autoReply.onCustomerMessage(app, message, context));
  const admin = new KnowledgeAdminService(
    { faq: faqs, policy: policies, product: d.products, script: scripts },
    changes,
  );
  const scriptUse = new ScriptUseService(scripts, d.customers, d.orders, knowledge, (merchantId, url) =>
    d.wecom.media.imageMediaId(merchantId, url),
  );
  const scriptLibrary = new ScriptLibraryService(scripts, d.staff);
  const knowledgeImport = new KnowledgeImportService(admin, d.products, faqs);
  const morningSummary = new MorningSummaryService({
    summaries: morningSummaries,
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
    customerSummary: new CustomerSummaryService(d.customers, d.orders, d.kfRepository),
  };
}

export type Ai = ReturnType<typeof buildAi>;
