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

export const channelCodeDtoSchema = z
  .object({
    id: z.string(),
    channel: z.enum(SOURCE_CHANNELS),
    label: z.string(),
    /** the 联系我 code's state, which names the channel when a customer adds the shop */
    state: z.string(),
    qrCode: z.string(),
    staffIds: z.array(z.string()),
    /** customers added through it */
    adds: z.number().int(),
    createdAt: z.string(),
  })
  .strict();
export type ChannelCodeDto = z.infer<typeof channelCodeDtoSchema>;
