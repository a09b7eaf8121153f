import { z } from 'zod';

/** What every engine (offline or LLM) returns for one customer message. */
export const aiAnswerSchema = z.object({
  reply: z.string().max(2000),
  confidence: z.number().min(0).max(1),
  needsHuman: z.boolean(),
  reason: z.string().max(200),
  citedIds: z.array(z.string().max(80)).max(20),
  proposedTags: z.array(z.string().max(30)).max(10).default([]),
});
export type AiAnswer = z.infer<typeof aiAnswerSchema>;

export const AUTO_REPLY_MODES = ['off', 'after_hours', 'always'] as const;
export type AutoReplyMode = (typeof AUTO_REPLY_MODES)[number];
