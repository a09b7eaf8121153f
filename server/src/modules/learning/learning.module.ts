// The shop learns: the questions the bot could not answer, grouped for the owner, each answered once into the FAQ;
// staff answers saved to the knowledge; 问问小二, the owner's preview of what the bot would answer. It reads the AI's
// decisions and engine and writes FAQ through the knowledge editor; it keeps no collection of its own.
import type { RoutesOf } from '../../http/module-routes.js';
import type { AiDecisionRepository } from '../ai/ai-decision.repository.js';
import type { AnswerEngine } from '../ai/auto-reply.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeAdminService } from '../knowledge/knowledge-admin.service.js';
import type { KnowledgeBase, KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { AskPreviewService } from './ask-preview.service.js';
import { learningRoutes } from './learning.routes.js';
import { UnansweredQuestionService } from './unanswered.service.js';

export interface LearningModuleDeps {
  decisions: AiDecisionRepository;
  customers: CustomerRepository;
  knowledge: Pick<KnowledgeBaseService, 'get'>;
  knowledgeAdmin: Pick<KnowledgeAdminService, 'create'>;
  /** the merchant's engine as the bot gets it (LlmSettingsService.engineFor) */
  engineFor: (merchantId: MerchantId, kb: KnowledgeBase) => Promise<AnswerEngine>;
}

export function build(d: LearningModuleDeps) {
  const unanswered = new UnansweredQuestionService({
    decisions: d.decisions,
    customers: d.customers,
    knowledge: d.knowledgeAdmin,
  });
  const preview = new AskPreviewService(d.knowledge, d.engineFor);
  const routes: RoutesOf = () => ({ api: [learningRoutes(unanswered, preview)] });
  return { unanswered, preview, routes };
}

export type Learning = ReturnType<typeof build>;
