import { z } from 'zod';
import {
  CALENDAR_TOPICS,
  GROUP_LAYERS,
  GROUP_POST_KINDS,
  type CalendarTopic,
  type GroupLayer,
  type GroupPostKind,
  type GroupPostTopic,
} from '../constants/groups.js';
import { clockTimeSchema } from './common.js';

const topics = Object.keys(CALENDAR_TOPICS) as [CalendarTopic, ...CalendarTopic[]];
/** Layers that can have a calendar (an unlayered group has none). */
export const CALENDAR_LAYERS = (Object.keys(GROUP_LAYERS) as GroupLayer[]).filter((l) => l !== 'unset') as [
  GroupLayer,
  ...GroupLayer[],
];

/** One slot as the owner sets it: its kind (useful / promotion / interaction) follows from the topic. */
export const calendarSlotInputSchema = z
  .object({
    weekday: z.number({ error: '请选择星期几' }).int().min(0).max(6),
    at: clockTimeSchema,
    topic: z.enum(topics, { error: '请选择内容类型' }),
    title: z.string().trim().min(1, '请填写标题').max(20, '标题最多 20 个字'),
  })
  .strict();

export const groupCalendarUpdateSchema = z
  .object({ slots: z.array(calendarSlotInputSchema).max(21, '一周最多 21 条') })
  .strict()
  .superRefine(({ slots }, ctx) => {
    const seen = new Set<string>();
    for (const [i, s] of slots.entries()) {
      const key = `${s.weekday} ${s.at}`;
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: ['slots', i, 'at'], message: '同一天的同一时间只能排一条' });
      seen.add(key);
    }
  });
export type GroupCalendarUpdate = z.infer<typeof groupCalendarUpdateSchema>;

export const calendarLayerParamsSchema = z
  .object({ layer: z.enum(CALENDAR_LAYERS, { error: '没有这个群分层' }) })
  .strict();

const kinds = Object.keys(GROUP_POST_KINDS) as [GroupPostKind, ...GroupPostKind[]];
const slotTopics = ['weather_care', ...topics] as [GroupPostTopic, ...GroupPostTopic[]];

export const calendarSlotDtoSchema = z
  .object({
    /** 0 = Sunday */
    weekday: z.number().int(),
    at: z.string(),
    kind: z.enum(kinds),
    /** typed as any post's topic, though the forecast's weather care is never a calendar slot */
    topic: z.enum(slotTopics),
    title: z.string(),
  })
  .strict();

export const groupCalendarDtoSchema = z
  .object({
    layer: z.enum(Object.keys(GROUP_LAYERS) as [GroupLayer, ...GroupLayer[]]),
    name: z.string(),
    /** the owner's own calendar rather than the industry's */
    custom: z.boolean(),
    slots: z.array(calendarSlotDtoSchema),
    /** promotion's share of the week's posts after the 80/20 rule, percent */
    promoPct: z.number(),
    /** titles of promotional slots the 80/20 rule leaves out */
    dropped: z.array(z.string()),
  })
  .strict();
export type GroupCalendarDto = z.infer<typeof groupCalendarDtoSchema>;
