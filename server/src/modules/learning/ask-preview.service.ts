// 问问小二: what the bot would do with any question the owner types — the offline engine's answer and, when the shop
// has its own AI model, the model's — each through the guardrails and the bot's own rule for sending or handing
// over, with the shop data it rests on. Nothing is sent and nothing is logged as a customer's decision.
import type { AiAnswer } from '@xiaoer/common/schemas/ai';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { MIN_CONFIDENCE, offlineEngine, type AnswerEngine } from '../ai/auto-reply.service.js';
import { checkReply, type GuardrailResult } from '../ai/guardrails.js';
import { DONT_KNOW } from '../ai/offline-engine.js';
import type { KnowledgeBase, KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';

/** What one engine would do. */
export interface AskOutcome {
  engine: AnswerEngine['name'];
  /** sent as it is, or the customer is told a person will answer */
  action: 'answer' | 'handoff';
  /** what the customer would read */
  reply: string;
  answer: AiAnswer;
  violations: GuardrailResult['violations'];
  /** the passages of the shop's data it cited (ids the knowledge does not hold are left out) */
  cited: { id: string; kind: string; title: string; text: string }[];
}

export interface AskResult {
  offline: AskOutcome;
  llm: AskOutcome | null;
  /** the model is configured but did not answer */
  llmFailed: boolean;
}

export class AskPreviewService {
  constructor(
    private knowledge: Pick<KnowledgeBaseService, 'get'>,
    /** the merchant's engine, as the bot gets it: the LLM when configured, else the offline one */
    private engineFor: (merchantId: MerchantId, kb: KnowledgeBase) => Promise<AnswerEngine>,
  ) {}

  async ask(merchantId: MerchantId, question: string): Promise<AskResult> {
    const kb = await this.knowledge.get(merchantId);
    const context = { externalUserId: '', history: [] };
    const offline = this.outcome(kb, 'offline', await offlineEngine.answer(kb, question, context));
    const engine = await this.engineFor(merchantId, kb);
    if (engine.name !== 'llm') return { offline, llm: null, llmFailed: false };
    try {
      return { offline, llm: this.outcome(kb, 'llm', await engine.answer(kb, question, context)), llmFailed: false };
    } catch {
      // a timeout, an error or no budget left: the bot would fall back to the offline answer shown
      return { offline, llm: null, llmFailed: true };
    }
  }

  /** The bot's own rule (AutoReplyService): sent when no person is needed, the guardrails pass and it is sure. */
  private outcome(kb: KnowledgeBase, engine: AnswerEngine['name'], answer: AiAnswer): AskOutcome {
    const guard = checkReply(answer.reply, answer.citedIds, kb, kb.merchant.industry);
    const sends = !answer.needsHuman && guard.ok && answer.confidence >= MIN_CONFIDENCE;
    const reply = sends || (answer.needsHuman && guard.ok) ? answer.reply : DONT_KNOW;
    const cited = answer.citedIds.flatMap((id) => {
      const p = kb.byId.get(id);
      return p ? [{ id, kind: p.kind as string, title: p.title, text: passageDetail(p) }] : [];
    });
    return { engine, action: sends ? 'answer' : 'handoff', reply, answer, violations: guard.violations, cited };
  }
}

/** What a card shows of a passage: an FAQ's answer, a policy's content, else the passage's own text. */
function passageDetail(p: { kind: string; text: string; answer?: string; content?: string }): string {
  return (p.kind === 'faq' ? p.answer : p.kind === 'policy' ? p.content : undefined) ?? p.text;
}
