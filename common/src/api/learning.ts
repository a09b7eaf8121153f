// The shop learns: the questions the bot handed over because it did not know (grouped by meaning, the owner adds an
// answer with one tap and it becomes an FAQ), a staff member's answer saved to the knowledge, and 问问小二 — what
// the bot would answer to any question and which shop data it used.
import { z } from 'zod';
import { idParamsSchema } from '../schemas/common.js';
import { faqInputSchema } from '../schemas/knowledge.js';
import { defineEndpoint } from './contract.js';

const text = (max: number, message: string) => z.string().trim().min(1, message).max(max);

/** One time a customer asked it. */
export const unansweredExampleSchema = z
  .object({
    question: z.string(),
    /** the customer's remark or name; 一位客户 when we have neither */
    customerName: z.string(),
    channel: z.enum(['kf', 'sidebar']),
    /** why the bot handed it over, in plain words */
    reason: z.string(),
    at: z.string(),
  })
  .strict();

/** Questions that mean the same (near-duplicates), not yet answered in the knowledge. */
export const unansweredGroupSchema = z
  .object({
    /** the group's latest question: answering or dismissing names the group by it */
    id: z.string(),
    /** the question as most often asked */
    question: z.string(),
    count: z.number().int(),
    /** the ways it was asked, each once, for the FAQ's 问法 */
    variants: z.array(z.string()),
    examples: z.array(unansweredExampleSchema),
    lastAt: z.string(),
  })
  .strict();
export type UnansweredGroup = z.infer<typeof unansweredGroupSchema>;

/** The unanswered questions of the last `days` days (14 unless said), the most asked first. */
export const unansweredQuestions = defineEndpoint({
  method: 'GET',
  path: '/learning/questions',
  request: z.object({ days: z.coerce.number().int().min(1).max(60).optional() }).strict(),
  response: z.object({ groups: z.array(unansweredGroupSchema), total: z.number().int() }).strict(),
});

/** What adding an answer did: the FAQ it made and how many asked questions it settles. */
export const learnedSchema = z.object({ faqId: z.string(), resolved: z.number().int() }).strict();

/**
 * One tap "添加答案": an FAQ with the group's ways of asking (or the ones given) and the owner's answer; the group's
 * questions are marked answered. Another merchant's id or a group already answered: 404.
 */
export const answerQuestions = defineEndpoint({
  method: 'POST',
  path: '/learning/questions/:id/answer',
  params: idParamsSchema,
  request: z
    .object({
      answer: faqInputSchema.shape.answer,
      questions: faqInputSchema.shape.questions.optional(),
    })
    .strict(),
  response: learnedSchema,
  status: 201,
});

/** "不用回答": the group leaves the list without an FAQ (a one-off, or something only a person can answer). */
export const dismissQuestions = defineEndpoint({
  method: 'POST',
  path: '/learning/questions/:id/dismiss',
  params: idParamsSchema,
  response: z.object({ resolved: z.number().int() }).strict(),
});

/** "存为常见问答" in the sidebar: the customer's question and the answer staff wrote become an FAQ. */
export const saveStaffAnswer = defineEndpoint({
  method: 'POST',
  path: '/learning/staff-answers',
  request: z.object({ question: text(100, '请填写顾客的问题'), answer: text(1000, '请填写回答') }).strict(),
  response: learnedSchema,
  status: 201,
});

/** A piece of shop data an answer rests on, as a card. */
export const citedCardSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['product', 'faq', 'policy', 'shop', 'fact', 'other']),
    /** 商品 / 常见问答 / 店铺规定 / 门店 / 店铺信息 (payment, parking, couriers …) / 店铺资料 */
    kindName: z.string(),
    title: z.string(),
    detail: z.string(),
  })
  .strict();

/** What one engine would do with the question. */
export const askVerdictSchema = z
  .object({
    engine: z.enum(['offline', 'llm']),
    /** 离线引擎 / AI 模型 */
    engineName: z.string(),
    /** answer: the reply is sent; handoff: the customer is told a person will answer and staff are called */
    action: z.enum(['answer', 'handoff']),
    /** what the customer would read */
    reply: z.string(),
    /** why it hands over, in plain words (absent when it answers) */
    handoffReason: z.string().optional(),
    confidence: z.number(),
    cited: z.array(citedCardSchema),
    /** what the guardrails stopped, in plain words */
    blocked: z.array(z.string()),
  })
  .strict();
export type AskVerdict = z.infer<typeof askVerdictSchema>;

/** 问问小二: the offline engine's verdict and, when the shop has its own AI model, the model's (or why it failed). */
export const ask = defineEndpoint({
  method: 'POST',
  path: '/learning/ask',
  request: z.object({ question: text(200, '请输入一个问题') }).strict(),
  response: z
    .object({
      offline: askVerdictSchema,
      llm: askVerdictSchema.nullable(),
      /** the model was configured but did not answer (timeout, error, budget) */
      llmError: z.string().optional(),
    })
    .strict(),
});
