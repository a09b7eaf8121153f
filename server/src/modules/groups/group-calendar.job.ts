import { perMerchantJob, type MerchantFanOut } from '../../jobs/per-merchant-job.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import { periodContaining } from '../clock/period.js';
import type { WeatherService } from '../weather/weather.service.js';
import type { GroupPostService } from './group-post.service.js';

export const GROUP_CALENDAR = 'groups.calendar';

export interface GroupCalendarJobDeps extends MerchantFanOut {
  merchants: Pick<MerchantRepository, 'findById'>;
  groupPosts: Pick<GroupPostService, 'draftWeek' | 'draftWeatherPosts'>;
  weather: Pick<WeatherService, 'tomorrow'>;
}

/**
 * Each merchant's group posts for the current week, drafted for the owner (slots are unique per group, date and time,
 * so the ticks repeat harmlessly and a layer set mid-week gets the rest of its week), and tomorrow morning's weather
 * care when the forecast for the shop's city has rain, snow, heat or a cold snap.
 */
export const groupCalendarJob = (d: GroupCalendarJobDeps) =>
  perMerchantJob(d, {
    name: GROUP_CALENDAR,
    every: '6 hours',
    run: async (merchantId) => {
      const merchant = await d.merchants.findById(merchantId);
      if (!merchant) return;
      const timezone = merchantZone(merchant);
      const today = localTime(new Date(), timezone).date;
      await d.groupPosts.draftWeek(merchantId, periodContaining('week', today, timezone).from, new Date(), today);
      const tomorrow = await d.weather.tomorrow(merchantId);
      if (tomorrow?.signals.length)
        await d.groupPosts.draftWeatherPosts(merchantId, tomorrow.day.date, tomorrow.signals[0]!);
    },
  });
