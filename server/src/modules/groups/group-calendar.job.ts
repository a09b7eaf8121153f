import type { Container } from '../../app/container.js';
import { perMerchantJob } from '../../jobs/per-merchant-job.js';
import { localTime, merchantZone } from '../ai/business-hours.js';
import { periodContaining } from '../reports/period.js';

export const GROUP_CALENDAR = 'groups.calendar';

/**
 * Each merchant's group posts for the current week, drafted for the owner (slots are unique per group, date and time,
 * so the ticks repeat harmlessly and a layer set mid-week gets the rest of its week), and tomorrow morning's weather
 * care when the forecast for the shop's city has rain, snow, heat or a cold snap.
 */
export const groupCalendarJob = (c: Container) =>
  perMerchantJob(c, {
    name: GROUP_CALENDAR,
    every: '6 hours',
    run: async (merchantId) => {
      const merchant = await c.repositories.merchants.findById(merchantId);
      if (!merchant) return;
      const timezone = merchantZone(merchant);
      const today = localTime(new Date(), timezone).date;
      await c.groupPosts.draftWeek(merchantId, periodContaining('week', today, timezone).from, new Date(), today);
      const tomorrow = await c.weather.tomorrow(merchantId);
      if (tomorrow?.signals.length)
        await c.groupPosts.draftWeatherPosts(merchantId, tomorrow.day.date, tomorrow.signals[0]!);
    },
  });
