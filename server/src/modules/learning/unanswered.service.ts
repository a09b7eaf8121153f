// The questions the bot handed over because the shop's data had no answer, kept as the bot's decisions
// (`ai_decisions`, action handoff) and grouped by meaning here when asked. The owner adds an answer to a group with
// one tap: it becomes an FAQ through the knowledge editor (recorded in the history; the FAQ repository bumps the
// knowledge version, so every process answers the next customer from it) and the group's questions are marked
// learned. A staff member's answer saved from the sidebar settles the questions it answers the same way.
import type { FaqInput } from '@xiaoer/common/schemas/knowledge';
import type { Session } from '../../auth/session.js';
import { conflict, notFound } from '../../errors/app-error.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import type { AiDecisionRecord, AiDecisionRepository } from '../ai/ai-decision.repository.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeAdminService } from '../knowledge/knowledge-admin.service.js';
import { groupQuestions, isKnowledgeGap, questionKey } from './question-groups.js';

const DAY_MS = 86_400_000;
/** The list's window unless asked otherwise; an answer may settle questions up to LOOKBACK_DAYS old. */
export const DEFAULT_DAYS = 14;
const LOOKBACK_DAYS = 60;
/** An FAQ holds up to 20 ways of asking, each up to 100 characters (faqInputSchema). */
const MAX_VARIANTS = 20;
const MAX_QUESTION = 100;

export interface UnansweredGroupRecord {
  /** the latest of the group: its id names the group */
  latest: AiDecisionRecord;
  members: AiDecisionRecord[];
  /** the question as most often asked */
  question: string;
  /** each way it was asked once, usable as an FAQ's 问法 */
  variants: string[];
}

export interface UnansweredList {
  groups: UnansweredGroupRecord[];
  /** externalUserId → what the shop calls the customer */
  customerNames: Map<string, string>;
}

export interface UnansweredDeps {
  decisions: Pick<AiDecisionRepository, 'unlearnedHandoffs' | 'findById' | 'markLearned' | 'settleLearned'>;
  customers: Pick<CustomerRepository, 'findManyByExternalUserIds'>;
  /** FAQ are written through the knowledge editor: history, validation and the version bump */
  knowledge: Pick<KnowledgeAdminService, 'create'>;
  now?: () => Date;
}

/** Each way of asking once (by what it is about), the most asked first, as an FAQ can hold them. */
function variantsOf(members: AiDecisionRecord[]): string[] {
  const byKey = new Map<string, { text: string; n: number }>();
  for (const m of members) {
    const text = m.question.trim().slice(0, MAX_QUESTION);
    const key = questionKey(text) || text;
    const seen = byKey.get(key);
    if (seen) seen.n++;
    else byKey.set(key, { text, n: 1 });
  }
  return [...byKey.values()]
    .sort((a, b) => b.n - a.n)
    .slice(0, MAX_VARIANTS)
    .map((v) => v.text);
}

export class UnansweredQuestionService {
  constructor(private d: UnansweredDeps) {}

  private now = () => this.d.now?.() ?? new Date();

  /** The shop's unanswered questions of the last `days` days, grouped by meaning, the most asked first. */
  async list(merchantId: MerchantId, days = DEFAULT_DAYS): Promise<UnansweredList> {
    const groups = await this.groups(merchantId, new Date(this.now().getTime() - days * DAY_MS));
    const ids = [...new Set(groups.flatMap((g) => g.members.map((m) => m.externalUserId)))];
    const customers = await this.d.customers.findManyByExternalUserIds(merchantId, ids);
    const customerNames = new Map(
      customers.map((c) => [c.externalUserId ?? '', c.remark || c.name || '一位客户'] as const),
    );
    return { groups, customerNames };
  }

  /** Only the groups (the morning summary's digest reads them for the night). */
  async groups(merchantId: MerchantId, from: Date, to = this.now()): Promise<UnansweredGroupRecord[]> {
    const handoffs = await this.d.decisions.unlearnedHandoffs(merchantId, { from, to: new Date(to.getTime() + 1) });
    return groupQuestions(handoffs.filter(isKnowledgeGap)).map((members) => {
      const variants = variantsOf(members);
      return { latest: members[0]!, members, question: variants[0]!, variants };
    });
  }

  /** The morning summary's digest: [from, to)'s groups, each its question and how often it was asked. */
  async digest(merchantId: MerchantId, from: Date, to: Date) {
    return (await this.groups(merchantId, from, to)).map((g) => ({ question: g.question, count: g.members.length }));
  }

  /**
   * "添加答案": the group named by one of its questions becomes an FAQ with the owner's answer (and the group's ways
   * of asking unless the owner gave theirs). Its questions are claimed before the FAQ is written, so two taps make
   * one FAQ; a failed write gives them back.
   */
  async answer(session: Session, id: string, input: { answer: string; questions?: string[] }) {
    const group = await this.groupOf(session.merchantId, id);
    const questions = input.questions ?? group.variants;
    return this.learn(session, group.members, { questions, answer: input.answer });
  }

  /** "不用回答": the group leaves the list, no FAQ. */
  async dismiss(session: Session, id: string): Promise<{ resolved: number }> {
    const group = await this.groupOf(session.merchantId, id);
    const resolved = await this.claim(session, group.members, 'dismissed');
    return { resolved: resolved.count };
  }

  /**
   * "存为常见问答" from the sidebar: the customer's question and the staff member's answer become an FAQ, and the
   * unanswered questions that mean the same are settled by it.
   */
  async learnFromStaff(session: Session, input: { question: string; answer: string }) {
    const since = new Date(this.now().getTime() - LOOKBACK_DAYS * DAY_MS);
    const handoffs = (await this.d.decisions.unlearnedHandoffs(session.merchantId, { from: since, to: this.now() }))
      .filter(isKnowledgeGap)
      .map((d) => ({ question: d.question, decision: d as AiDecisionRecord | undefined }));
    // the staff member's question first: the group it starts is the one it answers
    const [answered] = groupQuestions([{ question: input.question, decision: undefined }, ...handoffs]).filter((g) =>
      g.some((m) => !m.decision),
    );
    const members = (answered ?? []).flatMap((m) => (m.decision ? [m.decision] : []));
    return this.learn(session, members, { questions: [input.question.slice(0, MAX_QUESTION)], answer: input.answer });
  }

  /** The unanswered group the decision belongs to; another merchant's, an answered one or no such group: 404. */
  private async groupOf(merchantId: MerchantId, id: string): Promise<UnansweredGroupRecord> {
    const decision = await this.d.decisions.findById(merchantId, id);
    const gone = notFound('没有找到这组问题，可能已经处理过了');
    if (!decision || decision.learned) throw gone;
    const since = new Date(Math.min(decision.at.getTime(), this.now().getTime() - LOOKBACK_DAYS * DAY_MS));
    const group = (await this.groups(merchantId, since)).find((g) => g.members.some((m) => m._id.equals(decision._id)));
    if (!group) throw gone;
    return group;
  }

  private async claim(session: Session, members: AiDecisionRecord[], how: 'faq' | 'dismissed') {
    const at = this.now();
    const ids = members.map((m) => m._id);
    const count = await this.d.decisions.markLearned(session.merchantId, ids, { at, how, staffId: session.staffId });
    if (members.length && !count) throw conflict('这组问题刚刚已经有人处理了');
    return { ids, at, count };
  }

  private async learn(session: Session, members: AiDecisionRecord[], faq: FaqInput) {
    const claimed = await this.claim(session, members, 'faq');
    try {
      const created = await this.d.knowledge.create(session, 'faq', faq);
      const faqId = created._id.toHexString();
      await this.d.decisions.settleLearned(session.merchantId, claimed.ids, claimed.at, faqId);
      return { faqId, resolved: claimed.count };
    } catch (err) {
      await this.d.decisions.settleLearned(session.merchantId, claimed.ids, claimed.at, null);
      throw err;
    }
  }
}
