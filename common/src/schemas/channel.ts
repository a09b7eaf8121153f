import { z } from 'zod';
import { SOURCE_CHANNELS } from '../constants/customer.js';
import { objectIdSchema } from './common.js';

export const channelCodeCreateSchema = z
  .object({
    channel: z.enum(SOURCE_CHANNELS),
    label: z.string().trim().min(1, '请填写名称，例如“3号桌”').max(30),
    staffIds: z.array(objectIdSchema).min(1, '至少选择一位接待员工').max(100),
  })
  .strict();

export interface ChannelCodeDto {
  id: string;
  channel: (typeof SOURCE_CHANNELS)[number];
  label: string;
  state: string;
  qrCode: string;
  staffIds: string[];
  adds: number;
  createdAt: string;
}
