import { z } from 'zod';
import { INDUSTRIES } from '../constants/industries.js';
import { clockTimeSchema, isoDateSchema } from './common.js';

/** One opening span on a weekday (0 = Sunday). A span may end after midnight ("22:00"–"02:00"). */
export const openingSpanSchema = z.object({
  weekday: z.number().int().min(0).max(6),
  open: clockTimeSchema,
  close: clockTimeSchema,
});

export const holidaySchema = z.object({
  date: isoDateSchema,
  name: z.string().trim().min(1).max(30),
  /** closed all day, or special hours that day */
  closed: z.boolean().default(true),
  open: clockTimeSchema.optional(),
  close: clockTimeSchema.optional(),
});

export const businessHoursUpdateSchema = z.object({
  businessHours: z.array(openingSpanSchema).max(21),
  holidays: z.array(holidaySchema).max(60).default([]),
});
export type BusinessHoursUpdate = z.infer<typeof businessHoursUpdateSchema>;

export interface MerchantDto {
  id: string;
  name: string;
  industry: (typeof INDUSTRIES)[number];
  timezone: string;
  businessHours: z.infer<typeof openingSpanSchema>[];
  holidays: z.infer<typeof holidaySchema>[];
  shops: ShopDto[];
}

export interface ShopDto {
  id: string;
  name: string;
  address?: string;
  phone?: string;
}

/** The owner's outreach settings: when scenarios run, which are on, and the contact policy. */
export const outreachSettingsSchema = z
  .object({
    runAt: clockTimeSchema,
    scenarios: z.record(z.enum(['dormant_winback', 'birthday']), z.object({ enabled: z.boolean() }).strict()),
    policy: z
      .object({
        quietStart: clockTimeSchema,
        quietEnd: clockTimeSchema,
        perWeek: z.number().int().min(0).max(14),
        unansweredBeforeCoolDown: z.number().int().min(1).max(10),
        coolDownDays: z.number().int().min(1).max(90),
      })
      .strict(),
  })
  .strict();
export type OutreachSettings = z.infer<typeof outreachSettingsSchema>;
