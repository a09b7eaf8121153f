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

/** How many weeks of adds the console charts (a Monday-to-Sunday week in Shanghai time). */
export const channelAddsQuerySchema = z
  .object({ weeks: z.coerce.number().int('周数须为整数').min(1, '至少 1 周').max(26, '最多 26 周').default(8) })
  .strict();

/** Customers added per week: each week's count, in the order of `weeks`. */
const weeklyCountsSchema = z.array(z.number().int());

export const channelAddsDtoSchema = z
  .object({
    /** the Mondays (YYYY-MM-DD, Shanghai) of the weeks counted, oldest first; the last is this week */
    weeks: z.array(z.string()),
    /** per channel: every add whose 联系我 state names the channel */
    channels: z.array(z.object({ channel: z.enum(SOURCE_CHANNELS), counts: weeklyCountsSchema }).strict()),
    /** per code of the shop (by id), in the same weeks */
    codes: z.array(z.object({ id: z.string(), counts: weeklyCountsSchema }).strict()),
  })
  .strict();
export type ChannelAddsDto = z.infer<typeof channelAddsDtoSchema>;
