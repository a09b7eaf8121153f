import { toMinutes } from '../../clock/business-hours.js';
import type { WeatherService } from '../../weather/weather.service.js';
import { missingOfferNote, weatherOfferPlan, type WeatherOfferPlan } from '../../weather/weather-offers.js';
import type { NewAlert, ScanDetector } from './detector.js';

/**
 * The owner's word when 天气优惠推荐 is on and tomorrow's new weather finds no promotion to offer (none written for
 * it, or its product out of stock): why the customers were not drafted, and how to let them be next time. Once per
 * day and kind of weather.
 */
export function weatherOfferRule(plan: WeatherOfferPlan | null): NewAlert[] {
  if (!plan || !('missing' in plan)) return [];
  const { title, body } = missingOfferNote(plan);
  return [
    {
      kind: 'weather_offer',
      key: `${plan.day.date}:${plan.signal}`,
      level: 'info',
      title,
      body,
      data: { date: plan.day.date, signal: plan.signal, missing: plan.missing },
    },
  ];
}

/** Looked at from the scenario's own hour, when its drafts are written. */
export const weatherOfferDetector = (d: { weather: Pick<WeatherService, 'tomorrow'> }): ScanDetector => ({
  kind: 'weather_offer',
  due: (ctx) => ctx.localMinutes >= toMinutes(ctx.settings.weather_offer.at),
  async detect({ merchantId, kb, now, settings }) {
    const tomorrow = await d.weather.tomorrow(merchantId, now);
    return weatherOfferRule(tomorrow && weatherOfferPlan(tomorrow, kb, settings.weather_offer.hotC));
  },
});
