import { z } from 'zod';

/** The owner names the shop's city or district; the server finds it in the weather source. */
export const weatherLocationUpdateSchema = z
  .object({ city: z.string().trim().min(1, '请填写城市或区县').max(30, '城市名太长了') })
  .strict();
export type WeatherLocationUpdate = z.infer<typeof weatherLocationUpdateSchema>;

export const WEATHER_SIGNAL_KEYS = ['rain', 'snow', 'heat', 'cold'] as const;
export type WeatherSignalKey = (typeof WEATHER_SIGNAL_KEYS)[number];

export const weatherOverviewDtoSchema = z
  .object({
    /** whether this installation has a weather source configured */
    available: z.boolean(),
    location: z.object({ id: z.string(), name: z.string() }).strict().optional(),
    /** today and the next days: "中雨转小雨，14~20℃", and what stands out */
    days: z.array(
      z.object({ date: z.string(), text: z.string(), signals: z.array(z.enum(WEATHER_SIGNAL_KEYS)) }).strict(),
    ),
    /** why there is no forecast right now */
    problem: z.string().optional(),
  })
  .strict();
export type WeatherOverviewDto = z.infer<typeof weatherOverviewDtoSchema>;
