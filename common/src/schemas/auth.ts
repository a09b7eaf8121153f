import { z } from 'zod';
import { STAFF_ROLES } from '../constants/roles.js';
import { objectIdSchema } from './common.js';

/** Demo mode only: sign in as one of the demo merchant's staff without WeCom. */
export const demoLoginSchema = z
  .object({ staffId: objectIdSchema.optional(), role: z.enum(['owner', 'manager', 'staff']).optional() })
  .strict();

export const sessionDtoSchema = z
  .object({
    token: z.string(),
    expiresAt: z.string(),
    staff: z.object({ id: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), merchantId: z.string() }).strict(),
  })
  .strict();
export type SessionDto = z.infer<typeof sessionDtoSchema>;

export const wecomLoginSchema = z
  .object({ corpId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, '企业ID格式不正确'), code: z.string().min(1).max(512) })
  .strict();
export const miniProgramLoginSchema = z.object({ code: z.string().min(1).max(512) }).strict();
export const miniProgramBindSchema = z
  .object({ bindTicket: z.string().min(1).max(2048), inviteCode: z.string().trim().min(6).max(16) })
  .strict();
export const inviteCreateSchema = z.object({ staffId: objectIdSchema }).strict();
export const jssdkSignatureQuerySchema = z.object({ url: z.url('页面地址格式不正确').max(2048) }).strict();
