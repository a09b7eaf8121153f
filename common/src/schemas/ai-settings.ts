import { z } from 'zod';

export const llmSettingsSchema = z
  .object({
    baseUrl: z
      .url('请填写完整的接口地址，例如 https://api.deepseek.com/v1')
      // the SDK appends paths to it: a query or fragment would be sent somewhere unintended (or dropped)
      .refine((u) => !/[?#]/.test(u), '接口地址不能带 ? 或 # 及后面的参数'),
    model: z.string().trim().min(1, '请填写模型名称').max(100),
    apiKey: z.string().trim().min(8, 'API Key 格式不正确').max(300),
    dailyTokenBudget: z.number().int().min(1000).max(100_000_000).default(200_000),
    /**
     * what else the endpoint offers, by the model that does it: speech-to-text (an OpenAI-style
     * /audio/transcriptions model, e.g. whisper-1) for voice notes, and a model that reads pictures. Unset: the bot
     * acknowledges voice notes and pictures and hands them to staff.
     */
    speechModel: z.string().trim().min(1).max(100).optional(),
    visionModel: z.string().trim().min(1).max(100).optional(),
  })
  .strict();

export const autoReplySettingsSchema = z.object({ mode: z.enum(['off', 'after_hours', 'always']) }).strict();

export const suggestionQuerySchema = z
  .object({
    customerId: z.string().regex(/^[0-9a-f]{24}$/i, '编号格式不正确'),
    question: z.string().trim().max(500).optional(),
  })
  .strict();

export const draftFeedbackSchema = z
  .object({
    customerId: z.string().regex(/^[0-9a-f]{24}$/i, '编号格式不正确'),
    draft: z.string().min(1).max(2000),
    outcome: z.enum(['used', 'edited', 'rejected']),
    sentText: z.string().max(2000).optional(),
  })
  .strict();
