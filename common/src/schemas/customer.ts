import { z } from 'zod';
import { GENDERS, type SOURCE_CHANNELS } from '../constants/customer.js';
import { isoDateSchema, objectIdSchema, paginationSchema } from './common.js';

export const customerListQuerySchema = paginationSchema
  .extend({
    q: z.string().trim().max(50).optional(),
    tag: z.string().trim().max(30).optional(),
    followStaffId: objectIdSchema.optional(),
  })
  .strict();
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const customerUpdateSchema = z
  .object({
    remark: z.string().trim().max(50),
    phone: z
      .string()
      .trim()
      .regex(/^1\d{10}$/, '手机号格式不正确'),
    gender: z.enum(GENDERS),
    birthday: isoDateSchema,
    tags: z.array(z.string().trim().min(1).max(30)).max(50),
    optedOut: z.boolean(),
    /** why an opt-out is cleared (owner only; kept in the customer's consent log) */
    optOutReason: z.string().trim().min(2, '请写明恢复接收的原因').max(200),
  })
  .partial()
  .strict();
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerNoteCreateSchema = z
  .object({ text: z.string().trim().min(1, '请填写跟进内容').max(500) })
  .strict();

export interface CustomerNoteDto {
  text: string;
  staffId: string;
  createdAt: string;
}

export interface CustomerDto {
  id: string;
  externalUserId?: string;
  name: string;
  avatar?: string;
  remark?: string;
  /** masked for staff below manager: 138****5678 */
  phone?: string;
  gender: (typeof GENDERS)[number];
  birthday?: string;
  tags: string[];
  sourceChannel: (typeof SOURCE_CHANNELS)[number];
  followStaffIds: string[];
  notes: CustomerNoteDto[];
  firstContactAt?: string;
  lastContactAt?: string;
  consentMarketing: boolean;
  optedOut: boolean;
  /** who opted the customer out or cleared it, when and why (managers and owners only) */
  consentLog?: ConsentLogEntryDto[];
}

export interface ConsentLogEntryDto {
  at: string;
  /** a staff id, or `customer` when they wrote 退订 themselves */
  by: string;
  action: 'opted_out' | 'opt_out_cleared';
  reason?: string;
}
