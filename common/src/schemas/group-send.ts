import { z } from 'zod';
import { objectIdSchema } from './common.js';

export const groupSendCreateSchema = z
  .object({
    senderStaffId: objectIdSchema,
    customerIds: z.array(objectIdSchema).min(1, '请至少选择一位客户').max(10_000),
    text: z.string().trim().min(1, '请填写群发内容').max(1000),
  })
  .strict();

export type GroupSendSkipReason =
  'opted_out' | 'not_wecom_contact' | 'contact_deleted' | 'over_daily_cap' | 'over_monthly_cap';

export interface GroupSendDto {
  id: string;
  status: 'created' | 'confirmed' | 'failed';
  text: string;
  recipients: number;
  delivered: number;
  skipped: { customerId: string; reason: GroupSendSkipReason }[];
  createdAt: string;
}
