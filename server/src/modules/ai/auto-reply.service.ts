// The after-hours bot on 微信客服. For each customer message it decides: opt-out, stay silent (mode, business
// hours, a person is serving, WeCom would not accept a reply), answer (engine → guardrails → send within WeCom's
// rules), or hand over to a person with a summary to staff. The reply slot is taken before any engine runs, so a
// customer who cannot be answered costs no LLM call; a customer flooding the bot gets a limited number of engine
// runs, then one message that a person will answer. Every decision is logged.
import type { AiAnswer } from '@xiaoer/common/schemas/ai';
import type { Logger } from '../../logging/logger.js';
import { describeKfMessage } from '../conversations/kf-message-kinds.js';
import type { MessageRecord } from '../conversations/kf.repository.js';
import type { CustomerMessageContext, KfService, ReplySlot } from '../conversations/kf.service.js';
import { BOT_HISTORY } from '../conversations/kf.service.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { KnowledgeBase, KnowledgeBaseService } from '../knowledge/knowledge-base.service.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { ContactsApi } from '../wecom/api/contacts-api.js';
import type { WecomCredentials } from '../wecom/wecom-app.repository.js';
import type { AiDecision } from './ai-decision.model.js';
import type { AiDecisionRepository, NewAiDecision } from './ai-decision.repository.js';
import type { AiRateLimits } from './ai-rate-limits.js';
import { isOpen } from '../clock/business-hours.js';
import { checkReply } from './guardrails.js';
import { detectIntent } from './intents.js';
import { describeMediaWhy, type KfMediaReplies } from './kf-media-reply.js';
import { DONT_KNOW, earlierCustomerTexts, offlineAnswer } from './offline-engine.js';

export const OPT_OUT_CONFIRMATION = '已为您退订，之后不会再收到我们的活动消息。有任何问题随时在这里留言～';
/** Sent once when a customer writes faster than the bot answers (BOT_LIMIT), with the handoff to a person. */
export const FLOOD_NOTICE = '您的消息我们都收到了，稍后由店员为您回复～';
/** Below this the bot does not answer on its own. */
export const MIN_CONFIDENCE = 0.6;

/** Something that answers a customer's question; the LLM engine implements it too. */
export interface AnswerEngine {
  name: 'offline' | 'llm';
  answer(kb: KnowledgeBase, question: string, context: AnswerContext): Promise<AiAnswer>;
  /** rewrites a proactive message in the shop's own voice (engines that can; the offline one keeps its template) */
  compose?(kb: KnowledgeBase, brief: OutreachBrief): Promise<{ text: string; citedIds: string[] }>;
}

/** What a proactive message is for: the facts it may use and the template it improves on. */
export interface OutreachBrief {
  scenario: string;
  customerName: string;
  reason: string;
  draft: string;
  citedIds: string[];
  /** the industry's copy tone, as one line (templates/copy-tone.ts) */
  tone?: string;
}

export interface AnswerContext {
  externalUserId: string;
  history: MessageRecord[];
  /** when given, called with the reply written so far as it streams (the sidebar shows it being written) */
  onReplyText?: (textSoFar: string) => void;
}

export const offlineEngine: AnswerEngine = {
  name: 'offline',
  // the chat so far resolves follow-ups ("那大杯呢")
  answer: async (kb, question, context) =>
    offlineAnswer(kb, question, { history: earlierCustomerTexts(context.history, question) }),
};

export interface AutoReplyDeps {
  kf: KfService;
  knowledge: KnowledgeBaseService;
  customers: CustomerRepository;
  staff: StaffRepository;
  contactsApi: ContactsApi;
  decisions: AiDecisionRepository;
  logger: Logger;
  /** the engine for a merchant: the LLM when configured, else offline */
  engineFor: (app: WecomCredentials, kb: KnowledgeBase) => Promise<AnswerEngine>;
  /** engine runs per customer (BOT_LIMIT) */
  limits: AiRateLimits;
  /**
   * Whether the shop is open for business (golive module): `setup` — a shop still being set up, the bot stays
   * silent (the message is stored and shown to staff all the same); `test` — the owner's test conversation, answered
   * whatever the mode and the hour; `live` (also without a gate) — as the mode says.
   */
  gate?: (merchantId: WecomCredentials['merchantId'], externalUserId: string) => Promise<'live' | 'test' | 'setup'>;
  /** pictures, voice notes, locations, files and cards: understood or acknowledged (kf-media-reply.ts) */
  media?: KfMediaReplies;
  now?: () => Date;
}

type Log = (entry: Partial<NewAiDecision> & Pick<AiDecision, 'action' | 'reason' | 'engine'>) => Promise<void>;
/** Who the bot answers, and the msgid of its one reply to this message (a retry after a crash never sends twice). */
type Recipient = { openKfId: string; externalUserId: string; replyId: string };

export class AutoReplyService {
  constructor(private d: AutoReplyDeps) {}

  /** Subscribed to KfService.onCustomerMessage (which may hand over the conversation it already read). */
  async onCustomerMessage(app: WecomCredentials, message: MessageRecord, context: CustomerMessageContext = {}) {
    // Every kind of message gets a response: words are the question; anything else goes to the media replies, and
    // stands in the log (and in what staff are told) as its one-line description ([语音], [位置] 名称 地址 …).
    const media = message.msgtype !== 'text' && this.d.media ? this.d.media : undefined;
    const question = media ? describeKfMessage(message) : message.text?.trim();
    if (message.direction !== 'in' || !question) return;
    const { merchantId } = app;
    const replyId = `bot-${String(message._id)}`;
    const to: Recipient = { openKfId: message.openKfId, externalUserId: message.externalUserId, replyId };
    const kb = await this.d.knowledge.get(merchantId);
    const intent: string = media ? 'media' : detectIntent(question);
    const base = {
      channel: 'kf' as const,
      externalUserId: to.externalUserId,
      question,
      intent,
      citedIds: [],
      violations: [],
    };
    const log: Log = (entry) => this.d.decisions.record(merchantId, { ...base, ...entry, at: new Date() });

    const gate = (await this.d.gate?.(merchantId, to.externalUserId)) ?? 'live';
    if (gate === 'setup') {
      // not live yet: an opt-out is still recorded, but nothing is said to a real customer
      if (intent === 'opt_out') await this.d.customers.optOutByExternalUserId(merchantId, to.externalUserId);
      return log({ engine: 'offline', action: 'skipped', reason: 'shop not live yet (setup)' });
    }
    // Opting out is honoured whatever the mode or the hour.
    if (intent === 'opt_out') return this.optOut(app, to, log);
    const mode = kb.merchant.autoReply?.mode ?? 'after_hours';
    const now = this.d.now?.() ?? new Date();
    if (gate === 'live' && mode === 'off')
      return log({ engine: 'offline', action: 'skipped', reason: 'auto-reply off' });
    if (gate === 'live' && mode === 'after_hours' && isOpen(kb.merchant, now))
      return log({ engine: 'offline', action: 'skipped', reason: 'within business hours' });

    // The reply slot before any engine: a person serving, a closed 48 h window or 5 spent replies cost no LLM call.
    const reserved = await this.d.kf.reserveReply(app, to);
    if (!reserved.slot) {
      const reason = reserved.reason === 'human_serving' ? 'a person is serving' : `cannot reply: ${reserved.reason}`;
      return log({ engine: 'offline', action: 'skipped', reason });
    }
    try {
      if (media) await this.respondToMedia(media, app, to, kb, message, reserved.slot, log, context);
      else await this.reply(app, to, kb, question, reserved.slot, log, context);
    } finally {
      await reserved.slot.release(); // a no-op once a send used it
    }
  }

  /** With the slot held: the customer's turn (flood limit), the engine, the guardrails, then the send or a handoff. */
  private async reply(
    app: WecomCredentials,
    to: Recipient,
    kb: KnowledgeBase,
    question: string,
    slot: ReplySlot,
    log: Log,
    context: CustomerMessageContext,
  ): Promise<void> {
    const turn = await this.d.limits.botTurn(app.merchantId, to.externalUserId);
    if (turn === 'notice') {
      await this.handOff(app, to, question, FLOOD_NOTICE, 'flood', slot);
      return log({ engine: 'offline', action: 'handoff', reason: 'flood', sentText: FLOOD_NOTICE });
    }
    if (turn === 'silent') return log({ engine: 'offline', action: 'skipped', reason: 'flood (silent)' });

    const engine = await this.d.engineFor(app, kb);
    const history =
      context.history ?? (await this.d.kf.repository.conversation(app.merchantId, to.externalUserId, BOT_HISTORY));
    let result: AiAnswer;
    let engineName = engine.name;
    try {
      result = await engine.answer(kb, question, { externalUserId: to.externalUserId, history });
    } catch (err) {
      // The LLM timed out, failed or had no budget left: never silence — the offline engine answers or hands over.
      this.d.logger.warn({ err: (err as Error).message }, 'engine failed, falling back to offline');
      result = offlineAnswer(kb, question, { history: earlierCustomerTexts(history, question) });
      engineName = 'offline';
    }
    const guard = checkReply(result.reply, result.citedIds, kb, kb.merchant.industry);
    const entry = {
      engine: engineName,
      reply: result.reply,
      confidence: result.confidence,
      citedIds: result.citedIds,
      violations: guard.violations,
    };
    if (!result.needsHuman && guard.ok && result.confidence >= MIN_CONFIDENCE) {
      const sent = await this.d.kf.sendText(app, to, result.reply, to.replyId, slot);
      return log({
        ...entry,
        action: 'sent',
        reason: sent.status === 'sent' ? result.reason : `not sent: ${sent.reason}`,
        sentText: sent.status === 'sent' ? result.reply : undefined,
      });
    }
    const why = !guard.ok
      ? `guardrail: ${guard.violations.map((v) => v.kind).join(',')}`
      : result.needsHuman
        ? result.reason
        : 'low confidence';
    const safe = result.needsHuman && guard.ok ? result.reply : DONT_KNOW;
    await this.handOff(app, to, question, safe, why, slot);
    return log({ ...entry, action: 'handoff', reason: why, sentText: safe });
  }

  /**
   * With the slot held, a picture, voice note, location or card: words read from it go the normal way (logged as
   * the question they are), a nearest-shop answer is sent, anything else is acknowledged and handed to staff.
   */
  private async respondToMedia(
    media: KfMediaReplies,
    app: WecomCredentials,
    to: Recipient,
    kb: KnowledgeBase,
    message: MessageRecord,
    slot: ReplySlot,
    log: Log,
    context: CustomerMessageContext,
  ): Promise<void> {
    const outcome = await media.understand(app, message, kb);
    if (outcome.kind === 'question') {
      const intent = detectIntent(outcome.text);
      const asked: Log = (entry) => log({ question: outcome.text, intent, ...entry });
      // 退订 said in a voice note is an opt-out as much as the typed word
      if (intent === 'opt_out') return this.optOut(app, to, asked, slot);
      return this.reply(app, to, kb, outcome.text, slot, asked, context);
    }
    if (outcome.kind === 'answer') {
      const sent = await this.d.kf.sendText(app, to, outcome.text, to.replyId, slot);
      return log({
        engine: 'offline',
        action: 'sent',
        reason: sent.status === 'sent' ? outcome.reason : `not sent: ${sent.reason}`,
        citedIds: outcome.citedIds,
        sentText: sent.status === 'sent' ? outcome.text : undefined,
      });
    }
    await this.handOff(app, to, describeKfMessage(message), outcome.ack, outcome.why, slot);
    return log({ engine: 'offline', action: 'handoff', reason: outcome.why, sentText: outcome.ack });
  }

  /** Records the opt-out first, then confirms it once (the reply id makes a retried message confirm only once). */
  private async optOut(app: WecomCredentials, to: Recipient, log: Log, slot?: ReplySlot): Promise<void> {
    await this.d.customers.optOutByExternalUserId(app.merchantId, to.externalUserId);
    const sent = await this.d.kf.sendText(app, to, OPT_OUT_CONFIRMATION, to.replyId, slot);
    return log({
      engine: 'offline',
      action: 'opted_out',
      reason: `opt-out (${sent.status})`,
      sentText: OPT_OUT_CONFIRMATION,
    });
  }

  /** Tells the customer a person is coming, transfers the session, and notifies staff with what was asked. */
  private async handOff(
    app: WecomCredentials,
    to: Recipient,
    question: string,
    reply: string,
    why: string,
    slot: ReplySlot,
  ): Promise<void> {
    await this.d.kf.sendText(app, to, reply, to.replyId, slot);
    const servicer =
      (await this.d.staff.findFirstByRole(app.merchantId, 'manager')) ??
      (await this.d.staff.findFirstByRole(app.merchantId, 'owner'));
    if (!servicer) return;
    try {
      await this.d.kf.handOff(app, to, servicer.wecomUserId);
    } catch (err) {
      this.d.logger.warn({ err: (err as Error).message }, 'kf handoff failed');
    }
    const customer = await this.d.customers.findByExternalUserId(app.merchantId, to.externalUserId);
    await this.d.contactsApi
      .sendAppTextCard(app, [servicer.wecomUserId], {
        title: '微信客服有客户需要你',
        description: `${customer?.remark || customer?.name || '一位客户'}：「${question.slice(0, 60)}」\n原因：${describeWhy(why)}`,
        url: 'https://work.weixin.qq.com/kf',
      })
      .catch((err: Error) => this.d.logger.warn({ err: err.message }, 'handoff notification failed'));
  }
}

function describeWhy(why: string): string {
  if (why.startsWith('media:')) return describeMediaWhy(why);
  if (why.startsWith('guardrail')) return '机器人的回答没有通过核对，已拦截';
  if (why === 'complaint') return '客户在投诉';
  if (why === 'customer asked for a person') return '客户要求人工';
  if (why === 'flood') return '客户短时间内发了很多消息，机器人已暂停回答';
  return '机器人不确定怎么回答';
}
