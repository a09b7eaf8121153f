// The operator: the provider who sells and runs Xiaoer (seed 001). Signs in apart from any merchant, creates
// merchants, hands each owner a one-time setup link and watches every shop's setup and health.
import { z } from 'zod';
import { INDUSTRIES } from '../constants/industries.js';
import { sessionDtoSchema } from './auth.js';

/** Operator logins: lower-case letters, digits, dot, dash and underscore. */
export const operatorLoginNameSchema = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9._-]{3,32}$/, '登录名为 3-32 位小写字母、数字、点、横线或下划线');

/** A new operator's password: long enough that the per-address and per-account limits make guessing hopeless. */
export const operatorPasswordSchema = z.string().min(10, '密码至少 10 位').max(200, '密码最多 200 位');

export const operatorLoginSchema = z
  .object({ login: operatorLoginNameSchema, password: z.string().min(1, '请输入密码').max(200, '密码最多 200 位') })
  .strict();

export const operatorDtoSchema = z.object({ id: z.string(), login: z.string(), name: z.string() }).strict();
export type OperatorDto = z.infer<typeof operatorDtoSchema>;

export const operatorSessionDtoSchema = z
  .object({ token: z.string(), expiresAt: z.string(), operator: operatorDtoSchema })
  .strict();
export type OperatorSessionDto = z.infer<typeof operatorSessionDtoSchema>;

/** How long a new setup link stays valid, in hours (72 unless said). */
export const setupLinkHoursSchema = z
  .number()
  .int()
  .min(1, '有效期至少 1 小时')
  .max(168, '有效期最长 7 天（168 小时）');
export const SETUP_LINK_DEFAULT_HOURS = 72;

export const operatorMerchantCreateSchema = z
  .object({
    name: z.string().trim().min(1, '请填写商户名称').max(50, '商户名称最多 50 个字'),
    industry: z.enum(INDUSTRIES, { error: `行业只能是：${INDUSTRIES.join('、')}` }),
    linkHours: setupLinkHoursSchema.optional(),
  })
  .strict();
export type OperatorMerchantCreate = z.infer<typeof operatorMerchantCreateSchema>;

export const setupLinkIssueSchema = z.object({ linkHours: setupLinkHoursSchema.optional() }).strict();

/** A freshly issued link: the only time its URL (which holds the token) is ever shown. */
export const setupLinkDtoSchema = z.object({ url: z.string(), expiresAt: z.string() }).strict();
export type SetupLinkDto = z.infer<typeof setupLinkDtoSchema>;

export const SETUP_LINK_STATUSES = ['none', 'open', 'expired', 'used', 'revoked'] as const;
export type SetupLinkStatus = (typeof SETUP_LINK_STATUSES)[number];

/** Where a merchant stands in its setup, from what the product already knows. */
export const merchantSetupDtoSchema = z
  .object({
    /** the latest setup link: none issued, waiting (open), expired, used by the owner, or revoked */
    link: z
      .object({ status: z.enum(SETUP_LINK_STATUSES), expiresAt: z.string().optional(), usedAt: z.string().optional() })
      .strict(),
    ownerJoined: z.boolean(),
    wecomConnected: z.boolean(),
    staffCount: z.number().int(),
  })
  .strict();

/** A merchant's health today (the merchant's local day). Figures the product has no source for are left out. */
export const merchantHealthDtoSchema = z
  .object({
    /** the last WeCom callback stored (handled events are kept 30 days; null: none in that time) */
    lastCallbackAt: z.string().nullable(),
    botAnswersToday: z.number().int(),
    handoffsToday: z.number().int(),
    llmTokensToday: z.number().int(),
    /** inbox events given up on after their retries, kept for support */
    failedInboxEvents: z.number().int(),
  })
  .strict();

export const operatorMerchantDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    industry: z.enum(INDUSTRIES),
    createdAt: z.string(),
    setup: merchantSetupDtoSchema,
    health: merchantHealthDtoSchema,
  })
  .strict();
export type OperatorMerchantDto = z.infer<typeof operatorMerchantDtoSchema>;

export const AUDIT_ACTOR_KINDS = ['operator', 'staff', 'cli', 'system'] as const;

/** One entry of a merchant's audit list: who did what, and to which record (never a secret). */
export const merchantAuditEntryDtoSchema = z
  .object({
    at: z.string(),
    actor: z.object({ kind: z.enum(AUDIT_ACTOR_KINDS), id: z.string() }).strict(),
    action: z.string(),
    target: z.string().optional(),
  })
  .strict();
export type MerchantAuditEntryDto = z.infer<typeof merchantAuditEntryDtoSchema>;

export const operatorMerchantDetailDtoSchema = operatorMerchantDtoSchema
  .extend({ audit: z.array(merchantAuditEntryDtoSchema) })
  .strict();

export const operatorMerchantCreatedDtoSchema = z
  .object({ merchant: operatorMerchantDtoSchema, setupLink: setupLinkDtoSchema })
  .strict();

/** A setup link's token: 32 random bytes, base64url. */
export const setupTokenSchema = z.string().regex(/^[A-Za-z0-9_-]{43}$/, '开通链接不完整，请复制完整的链接再打开');

export const setupRedeemSchema = z
  .object({
    token: setupTokenSchema,
    /** how the owner would like to be called, when the owner's record is created now */
    name: z.string().trim().min(1, '请填写你的称呼').max(20, '称呼最多 20 个字').optional(),
  })
  .strict();

export const setupRedeemResultSchema = z
  .object({
    session: sessionDtoSchema,
    merchant: z.object({ name: z.string(), industry: z.enum(INDUSTRIES) }).strict(),
  })
  .strict();
export type SetupRedeemResult = z.infer<typeof setupRedeemResultSchema>;

/** The owner console's page that redeems a setup link (hash router, so the token never reaches a server log). */
export const SETUP_PAGE = 'pages/setup/index';

/** The link the operator sends the owner, built from the server's configured public URL. */
export const setupLinkUrl = (publicUrl: string, token: string) =>
  `${publicUrl.replace(/\/+$/, '')}/console/#/${SETUP_PAGE}?token=${token}`;
