import { toMinutes } from '../../clock/business-hours.js';
import type { Industry } from '@xiaoer/common/constants/industries';
import type { WeatherService } from '../../weather/weather.service.js';
import {
  describeDay,
  OWNER_ADVICE,
  SIGNAL_NAMES,
  type DayForecast,
  type WeatherSignal,
} from '../../weather/weather-signals.js';
import type { NewAlert, ScanDetector } from './detector.js';

/** Tomorrow's rain, snow, heat or cold snap with the industry's preparation, once per day and kind of weather. */
export function weatherPrepRule(
  tomorrow: { day: DayForecast; signals: WeatherSignal[] } | null,
  industry: Industry,
): NewAlert[] {
  if (!tomorrow) return [];
  const { day, signals } = tomorrow;
  return signals.map((signal) => ({
    kind: 'weather_prep' as const,
    key: `${day.date}:${signal}`,
    level: 'info' as const,
    title: `明天${SIGNAL_NAMES[signal]}：${describeDay(day)}`,
    body: OWNER_ADVICE[industry][signal],
    data: { date: day.date, signal, forecast: describeDay(day) },
  }));
}

/** Looked at from the owner's weather hour (15:00 unless changed): tomorrow is known well enough by then. */
export const weatherPrepDetector = (d: { weather: Pick<WeatherService, 'tomorrow'> }): ScanDetector => ({
  kind: 'weather_prep',
  due: (ctx) => ctx.localMinutes >= toMinutes(ctx.settings.weather_prep.at),
  async detect({ merchantId, kb, now }) {
    return weatherPrepRule(await d.weather.tomorrow(merchantId, now), kb.merchant.industry);
  },
});
