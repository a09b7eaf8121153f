import { z } from 'zod';
import { objectIdSchema } from './common.js';

export const groupSendCreateSchema = z
  .object({
    senderStaffId: objectIdSchema,
    customerIds: z.array(objectIdSchema).min(1, '请至少选择一位客户').max(10_000),
    text: z.string().trim().min(1, '请填写群发内容').max(1000),
  })
  .strict();

export const GROUP_SEND_SKIP_REASONS = [
  'opted_out',
  'not_wecom_contact',
  'contact_deleted',
  'over_daily_cap',
  'over_monthly_cap',
] as const;
export type GroupSendSkipReason = (typeof GROUP_SEND_SKIP_REASONS)[number];

export const groupSendDtoSchema = z
  .object({
    id: z.string(),
    status: z.enum(['created', 'confirmed', 'failed']),
    text: z.string(),
    recipients: z.number().int(),
    delivered: z.number().int(),
    skipped: z.array(z.object({ customerId: z.string(), reason: z.enum(GROUP_SEND_SKIP_REASONS) }).strict()),
    createdAt: z.string(),
  })
  .strict();
export type GroupSendDto = z.infer<typeof groupSendDtoSchema>;
