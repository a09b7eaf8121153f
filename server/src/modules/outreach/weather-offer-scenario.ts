// Tomorrow's weather with the shop's own offer for it (天气优惠推荐): when a spell of heat (at the owner's `hotC`),
// rain, snow or a cold snap begins tomorrow, the customers seen lately hear the forecast as the weather record gives
// it, the shop's promotion written for that weather, word for word, and what that weather sells from the catalogue
// (on sale only). No promotion for it, no message: the owner's alert says why (alerts/detectors/weather-offer).
import { merchantZone } from '../clock/business-hours.js';
import { startOfLocalDay } from '../clock/period.js';
import type { CustomerRepository } from '../customers/customer.repository.js';
import type { VisitReader } from '../customers/visit-reader.js';
import type { WeatherService } from '../weather/weather.service.js';
import { describeDay } from '../weather/weather-signals.js';
import { forecastLine, weatherOfferPlan, weatherOfferText } from '../weather/weather-offers.js';
import { noticeExpiry } from './notice-expiry.js';
import { call, MAX_DRAFTS_PER_RUN, SourceUnavailable, type Candidate, type Scenario } from './scenarios.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** who is told: customers with a visit of any kind in the last two months */
const RECENT_DAYS = 60;

export function weatherOfferScenario(deps: {
  customers: Pick<CustomerRepository, 'findManyByIds'>;
  visits: Pick<VisitReader, 'lastVisitsBetween'>;
  /** absent: no weather source, nothing to go on */
  weather?: Pick<WeatherService, 'tomorrowOrThrow'>;
}): Scenario {
  return {
    key: 'weather_offer',
    // one message per spell of weather: the plan only offers weather that is new tomorrow
    repeatAfterDays: 1,
    timing: (settings) => settings.weather_offer.at,
    async find({ merchantId, kb, now, settings }) {
      // a failing source is not "no weather": the day's run is tried again on a later tick, not recorded as done
      const tomorrow = await deps.weather?.tomorrowOrThrow(merchantId, now).catch((err: unknown) => {
        throw new SourceUnavailable(`weather forecast unavailable: ${(err as Error).message}`, { cause: err });
      });
      if (!tomorrow) return [];
      const plan = weatherOfferPlan(tomorrow, kb, settings.weather_offer.hotC);
      if (!plan || !('picks' in plan)) return []; // nothing new, or no promotion the shop wrote for it
      const recent = await deps.visits.lastVisitsBetween(
        merchantId,
        new Date(now.getTime() - RECENT_DAYS * DAY_MS),
        now,
        MAX_DRAFTS_PER_RUN,
      );
      const found = await deps.customers.findManyByIds(
        merchantId,
        recent.map((r) => r._id),
      );
      const zone = merchantZone(kb.merchant);
      // the text says 明天: it is stale once today is over
      const expires = noticeExpiry(
        new Date(startOfLocalDay(plan.day.date, zone).getTime() + 12 * HOUR_MS),
        '天气',
        now,
        zone,
      );
      return recent.flatMap((r): Candidate[] => {
        const customer = found.get(String(r._id));
        if (!customer) return [];
        return [
          {
            customer,
            text: weatherOfferText(plan, call(customer)),
            reason: `${forecastLine(plan.signal, plan.day)}，店里的优惠「${plan.offer.title}」`,
            citedIds: [plan.offer.id, ...plan.picks.map((p) => `product:${String(p._id)}`)],
            expires,
            // the forecast and the promotion as recorded: the weather's figures and the shop's own wording
            quoted: [describeDay(plan.day), plan.offer.title, plan.offer.content],
          },
        ];
      });
    },
  };
}
