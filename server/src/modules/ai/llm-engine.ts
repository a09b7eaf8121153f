// The LLM engine: any OpenAI-compatible endpoint through the `openai` SDK. The prompt carries only the shop's
// retrieved knowledge (with ids to cite), the customer's profile and the recent conversation; the model must answer
// in a fixed JSON shape, and everything it says still goes through the guardrails before a customer sees it.
import { aiAnswerSchema, type AiAnswer } from '@xiaoer/common/schemas/ai';
import OpenAI from 'openai';
import type { KnowledgeBase } from '../knowledge/knowledge-base.service.js';
import { describeHours, type Passage } from '../knowledge/passages.js';
import { closedWeekdays, WEEKDAY_NAMES } from './answers.js';
import { linkProducts, shopIndex } from './shop-index.js';
import type { MessageRecord } from '../conversations/kf.repository.js';
import { LLM_MAX_OUTPUT_TOKENS } from './ai-limits.js';
import type { AnswerContext, AnswerEngine, OutreachBrief } from './auto-reply.service.js';
import type { Reservation, TokenCharge } from './token-budget.js';

export class LlmBudgetExceeded extends Error {}

/**
 * Tokens a text may cost, on the high side: a non-ASCII (CJK) character as 1.5 tokens, an ASCII one as 0.5. The
 * tokenizers of DeepSeek, Qwen, GLM and GPT count about this or less for ordinary Chinese and English, so a
 * reservation made from this rarely falls short of the bill (and the difference is given back when the call settles).
 */
export function estimateTokens(text: string): number {
  let nonAscii = 0;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 127) nonAscii++;
  return Math.ceil(nonAscii * 1.5 + (text.length - nonAscii) * 0.5);
}

/** What a call has produced so far: the provider's usage when it reported it, the text, how it failed. */
interface Meter {
  text: string;
  usage?: OpenAI.CompletionUsage;
  failure?: unknown;
}

const SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['reply', 'confidence', 'needsHuman', 'reason', 'citedIds', 'proposedTags'],
  properties: {
    reply: { type: 'string', description: '给顾客的回复，中文，简洁友好，不超过200字' },
    confidence: { type: 'number', minimum: 0, maximum: 1 },
    needsHuman: { type: 'boolean', description: '资料中没有答案、顾客要找人、投诉或不确定时为 true' },
    reason: { type: 'string' },
    citedIds: { type: 'array', items: { type: 'string' }, description: '回复中每个事实所依据的资料编号' },
    proposedTags: { type: 'array', items: { type: 'string' } },
  },
} as const;

const COMPOSE_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  required: ['text', 'citedIds'],
  properties: {
    text: { type: 'string', description: '发给顾客的消息，中文，亲切自然，不超过80字' },
    citedIds: { type: 'array', items: { type: 'string' }, description: '消息中每个事实所依据的资料编号' },
  },
} as const;

/** The prompt for a proactive message: only the facts of the brief and the passages it cites may be used. */
export function buildComposePrompt(kb: KnowledgeBase, brief: OutreachBrief) {
  const cited = brief.citedIds.flatMap((id) => (kb.byId.get(id) ? [`[${id}] ${kb.byId.get(id)!.text}`] : []));
  const system = [
    `你是「${kb.merchant.name}」（${kb.merchant.industry}）的店员，要给一位老顾客发一条主动消息（店长审核后发出）。`,
    '用店员和熟客聊天的口吻，简短、真诚、不推销过头；只能使用下面给出的事实，不能编造价格、优惠、库存或时间。',
    '不要使用“最”“第一”“100%”等绝对化用语，不做功效或医疗承诺。用到的资料编号放进 citedIds。',
    ...(brief.tone ? [brief.tone] : []),
    `可用资料：\n${cited.join('\n') || '（无）'}`,
  ].join('\n');
  const user = `场景：${brief.scenario}\n顾客称呼：${brief.customerName}\n为什么发：${brief.reason}\n参考草稿：${brief.draft}`;
  return [
    { role: 'system' as const, content: system },
    { role: 'user' as const, content: user },
  ];
}

/** A shop's own opening hours, when the owner set them apart from the merchant's. */
function ownHours(kb: KnowledgeBase, shop: KnowledgeBase['shops'][number]): string {
  if (!shop.businessHours?.length) return '';
  const closed = closedWeekdays(kb, shop.businessHours);
  const days = closed.length ? `；${closed.map((d) => WEEKDAY_NAMES[d]).join('、')}店休（不营业）` : '；每天营业';
  return `，本店营业时间：${describeHours({ ...kb.merchant, businessHours: shop.businessHours })}${days}`;
}

/**
 * What every prompt carries whatever the question: the opening hours with the weekdays the shop is closed, the 客服
 * hours, and each shop's address, phone and parking — the facts customers ask most, stated as the data holds them.
 */
export function shopBasics(kb: KnowledgeBase): string {
  const closed = closedWeekdays(kb);
  const lines = [
    kb.merchant.businessHours.length
      ? `营业时间：${describeHours(kb.merchant)}${closed.length ? `；${closed.map((d) => WEEKDAY_NAMES[d]).join('、')}店休（不营业）` : '；每天营业'}`
      : '',
    kb.merchant.serviceHours?.length
      ? `客服在线时间：${describeHours({ ...kb.merchant, businessHours: kb.merchant.serviceHours })}`
      : '',
    ...kb.shops.map(
      (s) =>
        `[shop:${s._id}] ${s.name}${s.address ? `，地址：${s.address}` : ''}${s.phone ? `，电话：${s.phone}` : ''}${s.parking ? `，停车：${s.parking}` : ''}${ownHours(kb, s)}`,
    ),
  ];
  return lines.filter(Boolean).join('\n');
}

export function buildPrompt(
  kb: KnowledgeBase,
  question: string,
  context: { customerName?: string; customerTags?: string[]; history: MessageRecord[] },
) {
  // the products the question or the chat names come first (with their variants, attributes and stock), then what
  // retrieval finds for the question
  const earlier = context.history.filter((m) => m.direction === 'in' && m.text).map((m) => m.text!);
  const index = shopIndex(kb);
  const named = [question, ...earlier.slice(-3).reverse()]
    .flatMap((t) => linkProducts(index, t).map((l) => kb.byId.get(`product:${l.product._id}`)))
    .filter((p): p is Passage => !!p);
  const passages = [...new Set([...named, ...kb.search(question, 6).map((s) => s.item)])].slice(0, 8);
  const knowledge = passages.map((p) => `[${p.id}] ${p.text}`).join('\n');
  const system = [
    `你是「${kb.merchant.name}」（${kb.merchant.industry}）的线上店员，在微信客服里回复顾客。`,
    '只能使用下面“店铺资料”中的信息回答：价格、优惠、库存、营业时间必须与资料完全一致，不能编造任何资料中没有的事实。',
    '资料中没有答案、顾客要求人工、投诉或你不确定时，needsHuman 设为 true，reply 写一句礼貌的转人工说明。',
    '不要使用“最”“第一”“100%”等绝对化用语，不做功效或医疗承诺。',
    '商品有多个规格（大小、颜色、尺码等）时，价格和库存按规格回答；问到某天是否营业，要明确说那天是否店休。',
    '一条消息问了几件事时逐一回答；能回答的先回答，资料中没有的部分说明请店员确认，并把 needsHuman 设为 true。',
    '回复中用到的每一条资料，把它的编号放进 citedIds。',
    `店铺基本信息：\n${shopBasics(kb)}`,
    `店铺资料：\n${knowledge || '（没有找到相关资料）'}`,
  ].join('\n');
  const profile = context.customerName
    ? `顾客：${context.customerName}${context.customerTags?.length ? `（标签：${context.customerTags.join('、')}）` : ''}`
    : '';
  const history = context.history
    .filter((m) => m.text)
    .slice(-8)
    .map((m) => ({ role: m.direction === 'in' ? ('user' as const) : ('assistant' as const), content: m.text! }));
  return {
    messages: [
      { role: 'system' as const, content: [system, profile].filter(Boolean).join('\n') },
      ...history,
      { role: 'user' as const, content: question },
    ],
    passages,
  };
}

export interface LlmEngineOptions {
  baseUrl: string;
  apiKey: string;
  model: string;
  timeoutMs: number;
  /** the HTTP client (the outbound guard's, for a merchant's endpoint); the SDK's default otherwise */
  fetch?: typeof globalThis.fetch;
  /** reserves tokens for a call before it starts (null: the day's budget has no room for it) */
  budget: { reserve(estimate: number): Promise<Reservation | null> };
  profile: (externalUserId: string) => Promise<{ customerName?: string; customerTags?: string[] }>;
}

export class LlmEngine implements AnswerEngine {
  readonly name = 'llm' as const;
  private client: OpenAI;

  constructor(private options: LlmEngineOptions) {
    // No SDK retries: one token reservation covers one HTTP attempt (a retried attempt could be billed unreported),
    // and the offline engine is the fallback a failed call gets anyway, without the customer waiting twice.
    this.client = new OpenAI({
      baseURL: options.baseUrl,
      apiKey: options.apiKey,
      timeout: options.timeoutMs,
      maxRetries: 0,
      fetch: options.fetch,
    });
  }

  async compose(kb: KnowledgeBase, brief: OutreachBrief): Promise<{ text: string; citedIds: string[] }> {
    const request = {
      model: this.options.model,
      messages: buildComposePrompt(kb, brief),
      temperature: 0.5,
      max_tokens: LLM_MAX_OUTPUT_TOKENS.compose,
      response_format: {
        type: 'json_schema' as const,
        json_schema: {
          name: 'outreach_message',
          strict: true,
          schema: COMPOSE_SCHEMA as unknown as Record<string, unknown>,
        },
      },
    };
    const text = await this.metered(request, async (meter, signal) => {
      const completion = await this.client.chat.completions.create(request, { signal });
      meter.usage = completion.usage;
      meter.text = completion.choices[0]?.message.content ?? '';
    });
    const out = JSON.parse(text) as { text?: unknown; citedIds?: unknown };
    if (typeof out.text !== 'string' || !out.text.trim() || !Array.isArray(out.citedIds))
      throw new Error('malformed outreach message');
    return { text: out.text.trim(), citedIds: out.citedIds.map(String) };
  }

  async answer(kb: KnowledgeBase, question: string, context: AnswerContext): Promise<AiAnswer> {
    const { messages } = buildPrompt(kb, question, {
      ...(await this.options.profile(context.externalUserId)),
      history: context.history,
    });
    const request = {
      model: this.options.model,
      messages,
      temperature: 0.2,
      max_tokens: LLM_MAX_OUTPUT_TOKENS.answer,
      response_format: {
        type: 'json_schema' as const,
        json_schema: { name: 'shop_answer', strict: true, schema: SCHEMA as unknown as Record<string, unknown> },
      },
    };
    const onReplyText = context.onReplyText;
    const text = await this.metered(request, async (meter, signal) => {
      if (!onReplyText) {
        const completion = await this.client.chat.completions.create(request, { signal });
        meter.usage = completion.usage;
        meter.text = completion.choices[0]?.message.content ?? '';
        return;
      }
      // Streamed for the sidebar: staff watch the reply being written; the guardrails still judge the whole answer.
      const stream = await this.client.chat.completions.create(
        { ...request, stream: true, stream_options: { include_usage: true } },
        { signal },
      );
      let shown = '';
      for await (const chunk of stream) {
        meter.text += chunk.choices[0]?.delta.content ?? '';
        meter.usage = chunk.usage ?? meter.usage;
        const reply = partialReply(meter.text);
        if (reply !== undefined && reply !== shown) onReplyText((shown = reply));
      }
    });
    return aiAnswerSchema.parse(JSON.parse(text)); // malformed output throws: the caller falls back to offline
  }

  /**
   * Runs one call inside a token reservation: its worst case (the whole request as the prompt, plus max_tokens) is
   * reserved first, or the call is not made; afterwards it is settled with what the call cost. Returns the text.
   * The timeout bounds the whole call, a streamed body included: the SDK's own timeout ends at the response headers,
   * so a provider that stalls mid-stream would otherwise hold the customer (and the reservation) indefinitely.
   */
  private async metered(
    request: { max_tokens: number },
    call: (meter: Meter, signal: AbortSignal) => Promise<void>,
  ): Promise<string> {
    const prompt = estimateTokens(JSON.stringify(request));
    const reservation = await this.options.budget.reserve(prompt + request.max_tokens);
    if (!reservation) throw new LlmBudgetExceeded('the daily token budget has no room for this call');
    const meter: Meter = { text: '' };
    try {
      await call(meter, AbortSignal.timeout(this.options.timeoutMs));
      return meter.text;
    } catch (err) {
      meter.failure = err;
      throw err;
    } finally {
      await reservation.settle(charged(meter, prompt));
    }
  }
}

/**
 * What a finished or failed call is charged: the usage the provider reported; nothing when it answered with an HTTP
 * error (it refused the request, nothing is billed); else — a timeout, a dropped connection or stream, no usage in
 * the answer — our estimate of what it read and what we saw it write, since the provider may bill for it.
 */
function charged(meter: Meter, promptEstimate: number): TokenCharge {
  if (meter.usage)
    return {
      prompt: meter.usage.prompt_tokens,
      completion: meter.usage.completion_tokens,
      total: meter.usage.total_tokens,
    };
  if (meter.failure instanceof OpenAI.APIError && typeof meter.failure.status === 'number')
    return { prompt: 0, completion: 0, total: 0 };
  const completion = estimateTokens(meter.text);
  return { prompt: promptEstimate, completion, total: promptEstimate + completion, estimated: true };
}

/**
 * The `reply` field's text so far, from an unfinished JSON answer (the schema puts it first, so it streams first).
 * Undefined until the field starts; an escape cut in half at the end of a chunk waits for the next chunk.
 */
export function partialReply(json: string): string | undefined {
  const start = /"reply"\s*:\s*"/.exec(json);
  if (!start) return undefined;
  const body = /^(?:[^"\\]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*/.exec(json.slice(start.index + start[0].length))![0];
  return JSON.parse(`"${body}"`) as string;
}
