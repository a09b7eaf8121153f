import { z } from 'zod';
import { STAFF_ROLES } from '../constants/roles.js';
import { objectIdSchema } from './common.js';

/** A member of staff as the clients see them. */
export const staffDtoSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    role: z.enum(STAFF_ROLES),
    wecomUserId: z.string(),
    shopIds: z.array(z.string()),
    /** WeCom withheld the member's name and they have not given it yet: `name` is their userid until then */
    nameMissing: z.boolean(),
    /** their WeChat is bound to the mini-program (through an invite) */
    miniProgramBound: z.boolean(),
  })
  .strict();
export type StaffDto = z.infer<typeof staffDtoSchema>;

/** What the owner (role and shops) or a manager (shops) changes about a member. */
export const staffUpdateSchema = z
  .object({
    role: z.enum(STAFF_ROLES, { message: '请选择角色' }).optional(),
    shopIds: z.array(objectIdSchema).max(5, { message: '最多 5 家门店' }).optional(),
  })
  .strict()
  .refine((v) => v.role !== undefined || v.shopIds !== undefined, { message: '没有要修改的内容' });

/** The member's own name, given at first sign-in where WeCom withheld it. */
export const staffNameSchema = z
  .object({
    name: z
      .string({ message: '请填写姓名' })
      .trim()
      .min(1, { message: '请填写姓名' })
      .max(20, { message: '姓名最多 20 个字' }),
  })
  .strict();

/** The owner, signed in by the setup link, says which synced WeCom member they are. */
export const staffClaimSchema = z.object({ staffId: objectIdSchema }).strict();

/** A sync of the members in the app's visible range: progress and, when it failed, WeCom's reason and the fix. */
export const staffSyncDtoSchema = z
  .object({
    status: z.enum(['running', 'done', 'failed']),
    /** members found in the visible range so far */
    total: z.number().int(),
    /** of them, saved */
    synced: z.number().int(),
    /** of them, whose name WeCom withheld */
    namesWithheld: z.number().int(),
    /** members no longer in the visible range, deactivated */
    deactivated: z.number().int(),
    startedAt: z.string(),
    finishedAt: z.string().optional(),
    error: z.object({ errcode: z.number().int().optional(), message: z.string(), fix: z.string() }).strict().optional(),
  })
  .strict();
export type StaffSyncDto = z.infer<typeof staffSyncDtoSchema>;

/** A one-time mini-program invite for a member: the code, and the link its QR code opens. */
export const staffInviteDtoSchema = z
  .object({ code: z.string(), expiresAt: z.string(), link: z.string(), qrImage: z.string() })
  .strict();
export type StaffInviteDto = z.infer<typeof staffInviteDtoSchema>;
