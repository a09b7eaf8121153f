// The AI for staff (the sidebar's drafts, 智能纪要, feedback on drafts) and its settings in the console.
import { z } from 'zod';
import { AUTO_REPLY_MODES } from '../schemas/ai.js';
import {
  autoReplySettingsSchema,
  draftFeedbackSchema,
  llmSettingsSchema,
  suggestionQuerySchema,
} from '../schemas/ai-settings.js';
import { idParamsSchema } from '../schemas/common.js';
import { defineEndpoint } from './contract.js';

/** The sidebar's slots, in the order it shows them: the answer to the pasted question, a follow-up, a new item. */
export const SUGGESTION_KINDS = ['answer', 'favourite', 'new_item'] as const;

export const suggestionDraftSchema = z
  .object({
    kind: z.enum(SUGGESTION_KINDS),
    text: z.string(),
    /** why this draft, in a few words staff can check */
    reason: z.string(),
    /** the shop records it cites ("product:<id>") */
    citedIds: z.array(z.string()),
  })
  .strict();
export type SuggestionDraft = z.infer<typeof suggestionDraftSchema>;

/** All drafts at once, in slot order. */
export const suggestions = defineEndpoint({
  method: 'POST',
  path: '/ai/suggestions',
  request: suggestionQuerySchema,
  response: z.object({ drafts: z.array(suggestionDraftSchema) }).strict(),
});

/**
 * The events of the suggestion stream: `answer_text` while the answer is being written (the whole text so far),
 * a `draft` as each is ready, then `done` — or `error`.
 */
export const suggestionEvents = {
  answer_text: z.object({ text: z.string() }),
  draft: suggestionDraftSchema,
  done: z.object({}),
  error: z.object({ message: z.string(), detail: z.string().optional() }),
};

/**
 * The same drafts as server-sent events (text/event-stream, not JSON: its response is the stream's text, whose
 * events are `suggestionEvents`). An unknown customer (404) or too many requests (429) still answer as JSON errors.
 */
export const suggestionStream = defineEndpoint({
  method: 'GET',
  path: '/ai/suggestions/stream',
  request: suggestionQuerySchema,
  response: z.string(),
});

/** 智能纪要: a short summary of the customer and tags their own words suggest (staff confirm them). */
export const customerSummary = defineEndpoint({
  method: 'GET',
  path: '/ai/customers/:id/summary',
  params: idParamsSchema,
  response: z.object({ summary: z.string(), proposedTags: z.array(z.string()) }).strict(),
});

/** What staff did with a draft (used, edited, rejected), for quality stats. */
export const suggestionFeedback = defineEndpoint({
  method: 'POST',
  path: '/ai/suggestions/feedback',
  request: draftFeedbackSchema,
  response: z.void(),
  status: 204,
});

/** The merchant's own LLM, the key shown masked; without one the offline engine answers. */
export const llmSettingsViewSchema = z.discriminatedUnion('configured', [
  z.object({ configured: z.literal(false), engine: z.literal('offline') }).strict(),
  z
    .object({
      configured: z.literal(true),
      engine: z.literal('llm'),
      baseUrl: z.string(),
      model: z.string(),
      /** "sk-a…9f3c" */
      apiKey: z.string(),
      dailyTokenBudget: z.number().int(),
      tokensToday: z.number().int(),
      speechModel: z.string().optional(),
      visionModel: z.string().optional(),
    })
    .strict(),
]);
export type LlmSettingsView = z.infer<typeof llmSettingsViewSchema>;

export const llmSettings = defineEndpoint({ method: 'GET', path: '/ai/llm-settings', response: llmSettingsViewSchema });

export const saveLlmSettings = defineEndpoint({
  method: 'PUT',
  path: '/ai/llm-settings',
  request: llmSettingsSchema,
  response: llmSettingsViewSchema,
});

/** When the bot answers on 微信客服: never, after hours, always. */
export const setAutoReply = defineEndpoint({
  method: 'PUT',
  path: '/ai/auto-reply',
  request: autoReplySettingsSchema,
  response: z.object({ mode: z.enum(AUTO_REPLY_MODES) }).strict(),
});
