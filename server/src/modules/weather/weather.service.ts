// The shop's weather: the owner names the city once, and the forecast for it is read through a Redis cache shared by
// every process and every merchant in that city (an hour fresh; a failing source is left alone for a quarter of an
// hour, as QWeather asks, instead of being asked again by every 5-minute scan).
import type { WeatherOverviewDto } from '@xiaoer/common/schemas/weather';
import type { Redis } from 'ioredis';
import { AppError } from '../../errors/app-error.js';
import type { Logger } from '../../logging/logger.js';
import { globalKey } from '../../redis/keys.js';
import type { MerchantId } from '../../tenancy/merchant-id.js';
import { localTime, merchantZone } from '../clock/business-hours.js';
import type { MerchantRecord, MerchantRepository } from '../merchants/merchant.repository.js';
import { addDays } from '../clock/period.js';
import { WeatherError, type QWeatherClient } from './qweather.client.js';
import { describeDay, weatherSignals, type DayForecast, type WeatherSignal } from './weather-signals.js';

/** tomorrow's forecast with its signals, and today's (`previous`) */
export type Tomorrow = { day: DayForecast; signals: WeatherSignal[]; previous?: DayForecast };

const FRESH_SECONDS = 3600;
const BACKOFF_SECONDS = 15 * 60;

export class WeatherService {
  constructor(
    private d: {
      /** undefined when no weather source is configured */
      client?: QWeatherClient;
      redis: Redis;
      merchants: MerchantRepository;
      logger: Logger;
    },
  ) {}

  get available(): boolean {
    return Boolean(this.d.client);
  }

  /** The owner names the shop's city or district; the first match is kept. */
  async setLocation(merchantId: MerchantId, city: string): Promise<{ id: string; name: string }> {
    const client = this.requireClient();
    const found = await client.lookupCity(city.trim()).catch((err: unknown) => {
      if (err instanceof WeatherError && err.status === 404) return [];
      throw this.unavailable(err);
    });
    const location = found[0];
    if (!location)
      throw new AppError('validation_failed', {
        message: '没有找到这个城市，换个写法试试（如：上海、徐汇、成都）',
        fields: { city: '没有找到这个城市' },
      });
    await this.d.merchants.setWeatherLocation(merchantId, location);
    return location;
  }

  async overview(merchantId: MerchantId, now = new Date()): Promise<WeatherOverviewDto> {
    const merchant = await this.d.merchants.findById(merchantId);
    const location = merchant?.weatherLocation;
    if (!this.d.client || !merchant || !location) return { available: this.available, location, days: [] };
    try {
      const { days } = await this.outlook(merchant, location.id, now);
      return {
        available: true,
        location,
        days: days.map(({ day, signals }) => ({ date: day.date, text: describeDay(day), signals })),
      };
    } catch {
      return { available: true, location, days: [], problem: '天气暂时查不到，稍后会自动重试' };
    }
  }

  /**
   * Tomorrow at the merchant's shop, with what stands out and today's forecast (`previous`: whether tomorrow's weather
   * is new or goes on), or null (no source, no city, or the source failing: the callers' next run tries again).
   */
  async tomorrow(merchantId: MerchantId, now = new Date()): Promise<Tomorrow | null> {
    const shop = await this.located(merchantId);
    if (!shop) return null;
    try {
      return await this.nextDay(shop, now);
    } catch (err) {
      this.d.logger.warn(
        { err: (err as Error).message, merchantId: String(merchantId) },
        'weather forecast unavailable',
      );
      return null;
    }
  }

  /**
   * As `tomorrow`, but a failing source throws instead of answering null: for a caller that must not take an outage
   * for "no weather" (a once-a-day run that would be recorded as done).
   */
  async tomorrowOrThrow(merchantId: MerchantId, now = new Date()): Promise<Tomorrow | null> {
    const shop = await this.located(merchantId);
    return shop && this.nextDay(shop, now);
  }

  /** the merchant and its city's location, when there is a weather source and the owner has named the city */
  private async located(merchantId: MerchantId): Promise<{ merchant: MerchantRecord; locationId: string } | null> {
    if (!this.d.client) return null;
    const merchant = await this.d.merchants.findById(merchantId);
    return merchant?.weatherLocation ? { merchant, locationId: merchant.weatherLocation.id } : null;
  }

  private async nextDay(shop: { merchant: MerchantRecord; locationId: string }, now: Date): Promise<Tomorrow | null> {
    const { today, days } = await this.outlook(shop.merchant, shop.locationId, now);
    const next = days.find((d) => d.day.date === addDays(today, 1));
    return next ? { ...next, previous: days.find((d) => d.day.date === today)?.day } : null;
  }

  /** Today and the days after it at the shop, each with its signals (against the day before). */
  private async outlook(merchant: MerchantRecord, locationId: string, now: Date) {
    const today = localTime(now, merchantZone(merchant)).date;
    const forecast = await this.forecast(locationId);
    const days = forecast
      .filter((d) => d.date >= today)
      .map((day) => ({
        day,
        signals: weatherSignals(
          day,
          forecast.find((p) => p.date === addDays(day.date, -1)),
        ),
      }));
    return { today, days };
  }

  private async forecast(locationId: string): Promise<DayForecast[]> {
    const key = globalKey('weather', '3d', locationId);
    const cached = await this.d.redis.get(key);
    if (cached) return JSON.parse(cached) as DayForecast[];
    const backoff = globalKey('weather', 'failing', locationId);
    if (await this.d.redis.exists(backoff)) throw new WeatherError('weather source failing recently', 0);
    try {
      const days = await this.requireClient().forecast(locationId);
      await this.d.redis.set(key, JSON.stringify(days), 'EX', FRESH_SECONDS);
      return days;
    } catch (err) {
      await this.d.redis.set(backoff, '1', 'EX', BACKOFF_SECONDS);
      throw err;
    }
  }

  private requireClient(): QWeatherClient {
    if (!this.d.client) throw new AppError('service_unavailable', { message: '还没有接入天气服务', reportable: false });
    return this.d.client;
  }

  private unavailable(err: unknown): AppError {
    this.d.logger.warn({ err: (err as Error).message }, 'weather source failed');
    return new AppError('service_unavailable', {
      message: '天气服务暂时不可用，请稍后再试',
      cause: err,
      reportable: false,
    });
  }
}
