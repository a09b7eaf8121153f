// The AI: the after-hours bot subscribed to 微信客服, the sidebar's suggestions and summaries, the merchant's own LLM
// with its token budget, and the morning summary. It reads the shop's knowledge, which the knowledge module builds.
import type { Redis } from 'ioredis';
import type { SecretBox } from '../../crypto/secret-box.js';
import type { Database } from '../../db/database.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { MerchantFanOut } from '../../jobs/per-merchant-job.js';
import type { Logger } from '../../logging/logger.js';
import type { OutboundGuard } from '../../net/outbound-guard.js';
import type { KfMediaService } from '../conversations/kf-media.service.js';
import type { KfRepository } from '../conversations/kf.repository.js';
import type { KfService } from '../conversations/kf.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { KnowledgeVersion } from '../knowledge/knowledge-version.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import type { OrderRepository } from '../orders/order.repository.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { OwnerNotifier } from '../wecom/owner-notifier.js';
import type { Wecom } from '../wecom/wecom.module.js';
import { AiRateLimits } from './ai-rate-limits.js';
import { openAiRepositories } from './ai.repositories.js';
import { aiRoutes } from './ai.routes.js';
import { AutoReplyService, type AutoReplyDeps } from './auto-reply.service.js';
import { CustomerSummaryService } from './customer-summary.service.js';
import { KfMediaReplies } from './kf-media-reply.js';
import { LlmSettingsService } from './llm-settings.service.js';
import { morningSummaryJob } from './morning-summary.job.js';
import { MorningSummaryService, type UnansweredDigest } from './morning-summary.service.js';
import { SuggestionService } from './suggestions.service.js';
import { TokenBudget } from './token-budget.js';

export interface AiModuleDeps {
  fanOut: MerchantFanOut;
  db: Database;
  redis: Redis;
  logger: Logger;
  wecom: Pick<Wecom, 'contactsApi'>;
  /** the shop's knowledge snapshot: what the bot and the suggestions answer from */
  knowledge: KnowledgeBaseService;
  /** the LLM settings are part of the snapshot (every process renews its engine with it): their writes bump it */
  knowledgeVersion: KnowledgeVersion;
  /** 微信客服: the bot answers its customer messages */
  kf: KfService;
  kfRepository: KfRepository;
  /** the pictures and voice notes customers sent, as stored when they arrived */
  kfMedia?: Pick<KfMediaService, 'fetch' | 'content'>;
  merchants: MerchantRepository;
  customers: CustomerRepository;
  orders: OrderRepository;
  staff: StaffRepository;
  secrets: SecretBox;
  llmTimeoutMs: number;
  /** merchant-supplied URLs (the LLM endpoint) are reached only through it */
  outbound: OutboundGuard;
  /** the owners' (and managers') WeCom messages: the morning summary */
  notifier: Pick<OwnerNotifier, 'send'>;
  /** whether the shop is live yet (the golive module, built later): a shop in setup answers only the owner's test */
  botGate?: AutoReplyDeps['gate'];
  /** the night's unanswered questions by meaning, for the morning summary (the learning module, built later) */
  unansweredDigest?: UnansweredDigest;
}

export function build(d: AiModuleDeps) {
  const { knowledge } = d;
  const { decisions, llmUsage, llmSettings, draftFeedback, morningSummaries } = openAiRepositories(
    d.db,
    d.knowledgeVersion,
  );
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
    media:
      d.kfMedia &&
      new KfMediaReplies({
        media: d.kfMedia,
        recognition: (merchantId) => llm.recognitionFor(merchantId),
        logger: d.logger,
      }),
    gate: d.botGate,
  });
  d.kf.onCustomerMessage((app, message, context) => autoReply.onCustomerMessage(app, message, context));
  const suggestions = new SuggestionService(
    knowledge,
    d.customers,
    d.orders,
    draftFeedback,
    (merchantId, kb) => llm.engineFor(merchantId, kb),
    limits,
  );
  const customerSummary = new CustomerSummaryService(d.customers, d.orders, d.kfRepository);
  const morningSummary = new MorningSummaryService({
    summaries: morningSummaries,
    decisions,
    merchants: d.merchants,
    notifier: d.notifier,
    unanswered: d.unansweredDigest,
  });
  const routes: RoutesOf = () => ({ api: [aiRoutes(llm, d.merchants, suggestions, customerSummary)] });
  const jobs = [morningSummaryJob({ ...d.fanOut, morningSummary })];
  return {
    decisions,
    llmSettings,
    llmUsage,
    draftFeedback,
    autoReply,
    llm,
    suggestions,
    customerSummary,
    morningSummary,
    routes,
    jobs,
  };
}

export type Ai = ReturnType<typeof build>;
