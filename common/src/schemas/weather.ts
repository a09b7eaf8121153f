import { z } from 'zod';

/** The owner names the shop's city or district; the server finds it in the weather source. */
export const weatherLocationUpdateSchema = z
  .object({ city: z.string().trim().min(1, '请填写城市或区县').max(30, '城市名太长了') })
  .strict();
export type WeatherLocationUpdate = z.infer<typeof weatherLocationUpdateSchema>;

export type WeatherSignalKey = 'rain' | 'snow' | 'heat' | 'cold';

export interface WeatherOverviewDto {
  /** whether this installation has a weather source configured */
  available: boolean;
  location?: { id: string; name: string };
  /** today and the next days: "中雨转小雨，14~20℃", and what stands out */
  days: { date: string; text: string; signals: WeatherSignalKey[] }[];
  /** why there is no forecast right now */
  problem?: string;
}
