// The industry template's knowledge starters (FAQ, policies, scripts, welcome texts) as the owner's setup sees them,
// and the blanks a template leaves for the owner: "【请填写：退款时限】". An item with a blank is the owner's to finish;
// the bot does not answer from it and staff cannot send it until the blank is filled.
import { z } from 'zod';
import { SOURCE_CHANNELS } from '../constants/customer.js';
import { INDUSTRIES } from '../constants/industries.js';
import { SCENARIO_KEYS } from '../constants/scenarios.js';

const BLANK_OPEN = '【请填写：';
const BLANK_CLOSE = '】';
/** Matches one blank; its label is the first group. */
export const BLANK_PATTERN = /【请填写：([^】]{1,40})】/g;

/** A blank for the owner to fill, labelled with what goes there. */
export const blank = (label: string) => `${BLANK_OPEN}${label}${BLANK_CLOSE}`;

/** The labels of the blanks still in a text, in order. */
export const blanksIn = (text: string): string[] => [...text.matchAll(BLANK_PATTERN)].map((m) => m[1]!);

/** True while a text still has a blank the owner has not filled. */
export const hasBlank = (...texts: string[]): boolean => texts.some((t) => t.includes(BLANK_OPEN));

/** Where a welcome text is used: a 联系我 channel, or `default` for any channel without its own. */
export const WELCOME_CHANNELS = ['default', ...SOURCE_CHANNELS] as const;
export type WelcomeChannel = (typeof WELCOME_CHANNELS)[number];

/**
 * A welcome text sent when a customer adds the shop through a channel. `{客户称呼}` and `{店名}` are filled for each
 * customer when it is sent; nothing else is.
 */
export const welcomeTextSchema = z
  .object({
    channel: z.enum(WELCOME_CHANNELS),
    text: z
      .string()
      .trim()
      .min(1, '请填写欢迎语')
      .max(500, '欢迎语最多 500 个字')
      .refine((t) => !hasBlank(t), '欢迎语里还有【请填写】的内容，请补上'),
  })
  .strict();
export type WelcomeText = z.infer<typeof welcomeTextSchema>;

export const welcomeTextsSchema = z
  .object({
    items: z
      .array(welcomeTextSchema)
      .max(WELCOME_CHANNELS.length)
      .refine((items) => new Set(items.map((i) => i.channel)).size === items.length, '同一个渠道只能有一条欢迎语'),
  })
  .strict();
export type WelcomeTexts = z.infer<typeof welcomeTextsSchema>;

/** How the industry's copy sounds: drafts, group posts and scripts are written in it. */
export const copyToneSchema = z
  .object({
    /** in a few words, e.g. 亲切活泼 */
    style: z.string(),
    /** how customers are addressed when their name is not known */
    address: z.string(),
    emoji: z.boolean(),
    /** a line in the tone, for the owner to recognise it */
    sample: z.string(),
  })
  .strict();
export type CopyTone = z.infer<typeof copyToneSchema>;

const countsSchema = z
  .object({ faq: z.number().int(), policy: z.number().int(), script: z.number().int(), welcome: z.number().int() })
  .strict();

/** The industry template as the knowledge step shows it before (and after) applying. */
export const knowledgeTemplateDtoSchema = z
  .object({
    industry: z.enum(INDUSTRIES),
    tone: copyToneSchema,
    /** how many starters of each kind the template has */
    counts: countsSchema,
    /** the scenarios the template switches on */
    scenarios: z.array(z.enum(SCENARIO_KEYS)),
    /** when the template was last applied to this merchant (ISO), if ever */
    appliedAt: z.string().optional(),
  })
  .strict();
export type KnowledgeTemplateDto = z.infer<typeof knowledgeTemplateDtoSchema>;

/** What applying did: what was added, what was already there (kept as the owner left it), what had to wait. */
export const knowledgeTemplateResultSchema = z
  .object({
    industry: z.enum(INDUSTRIES),
    created: countsSchema,
    /** starters applied before (kept, edited or deleted by the owner: never written again) */
    kept: z.number().int(),
    /** the template's scenario defaults were saved (`applied`), or the owner's saved settings were kept */
    scenarios: z.enum(['applied', 'kept']),
    /** welcome texts wait for WeCom to be connected (applying again afterwards adds them) */
    welcomesWaitForWecom: z.boolean(),
    /** items with blanks the owner must fill before the bot uses them */
    needsOwner: z.number().int(),
  })
  .strict();
export type KnowledgeTemplateResult = z.infer<typeof knowledgeTemplateResultSchema>;
