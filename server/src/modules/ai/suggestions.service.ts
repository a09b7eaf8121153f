// Drafts for staff in the sidebar: up to three grounded replies for a customer (to what they asked, when the staff
// member pasted it; a personal follow-up from their own orders; a new item worth telling them about). Each draft
// passes the guardrails and says why it was drafted and what it rests on. Staff send, edit or reject — all recorded.
import { notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { ProductRecord } from '../catalog/product.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBase, KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import { yuanText } from '@xiaoer/common/money';
import type { OrderRepository } from '../orders/order.repository.js';
import { checkReply } from './guardrails.js';
import { offlineAnswer } from './offline-engine.js';
import type { AnswerEngine } from './auto-reply.service.js';
import type { AiRateLimits } from './ai-rate-limits.js';
import type { DraftFeedbackRepository, NewDraftFeedback } from './draft-feedback.repository.js';

export const DRAFT_KINDS = ['answer', 'favourite', 'new_item'] as const;

export interface Draft {
  /** which slot in the sidebar: the answer to the pasted question, a follow-up from their orders, a new item */
  kind: (typeof DRAFT_KINDS)[number];
  text: string;
  reason: string;
  citedIds: string[];
}

const soldOut = (p: ProductRecord) => !p.available || p.stock === 0;

export class SuggestionService {
  constructor(
    private knowledge: KnowledgeBaseService,
    private customers: CustomerRepository,
    private orders: OrderRepository,
    private feedback: DraftFeedbackRepository,
    /** the merchant's engine (the LLM when configured) for the answer draft; the offline engine otherwise */
    private engineFor: (merchantId: MerchantId, kb: KnowledgeBase) => Promise<AnswerEngine>,
    private limits: AiRateLimits,
  ) {}

  /**
   * Counts the request against the staff member's and the customer's rate limits (429 beyond), finds the customer
   * (so an unknown id is a plain 404 before anything streams), then returns the drafts as they become ready. The
   * answer draft may be written by an LLM: `onAnswerText` sees it being written; only the finished draft, once
   * through the guardrails, is yielded.
   */
  async open(merchantId: MerchantId, staffId: string, customerId: string) {
    await this.limits.suggestion(merchantId, staffId, customerId);
    const customer = await this.customers.findById(merchantId, customerId);
    if (!customer) throw notFound('没有找到这位客户，可能已被删除');
    const kb = await this.knowledge.get(merchantId);
    const call = customer.remark || customer.name;
    const makers: Record<
      Draft['kind'],
      (question: string, onAnswerText?: (text: string) => void) => Promise<Omit<Draft, 'kind'> | null>
    > = {
      answer: async (question, onAnswerText) => {
        if (!question) return null;
        const engine = await this.engineFor(merchantId, kb);
        const context = { externalUserId: customer.externalUserId ?? '', history: [], onReplyText: onAnswerText };
        // An LLM failure must not cost the staff member their drafts: the offline engine answers instead.
        const a = await engine.answer(kb, question, context).catch(() => offlineAnswer(kb, question));
        if (a.needsHuman) return null;
        return { text: a.reply, reason: `回答顾客的问题（${a.reason}）`, citedIds: a.citedIds };
      },
      favourite: async () => {
        const [favourite] = await this.orders.favouriteItems(merchantId, customer._id, 1);
        const product = favourite && kb.products.find((p) => p.name === favourite.name);
        if (!product || soldOut(product)) return null;
        return {
          text: `${call}，您常点的${product.name}今天有货哦，需要的话我先帮您备上～`,
          reason: `顾客买过 ${favourite!.quantity} 次${product.name}`,
          citedIds: [`product:${product._id}`],
        };
      },
      new_item: async () => {
        const pick = kb.products.find((p) => p.tags.includes('新品') && !soldOut(p));
        if (!pick) return null;
        return {
          text: `${call}，店里上了新品${pick.name}（${yuanText(pick.price)}元），有空来尝尝～`,
          reason: '店里有新品可以推荐',
          citedIds: [`product:${pick._id}`],
        };
      },
    };
    return async function* drafts(question?: string, onAnswerText?: (text: string) => void): AsyncGenerator<Draft> {
      const pending = new Map(
        DRAFT_KINDS.map(
          (kind) => [kind, makers[kind](question?.trim() ?? '', onAnswerText).then((d) => ({ kind, d }))] as const,
        ),
      );
      while (pending.size) {
        const { kind, d } = await Promise.race(pending.values());
        pending.delete(kind);
        if (d && checkReply(d.text, d.citedIds, kb, kb.merchant.industry).ok) yield { kind, ...d };
      }
    };
  }

  async recordFeedback(merchantId: MerchantId, staffId: string, input: NewDraftFeedback) {
    await this.feedback.record(merchantId, staffId, input);
  }
}
