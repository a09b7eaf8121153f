// The shop's city and its forecast (QWeather, cached in Redis); without a configured source nothing here runs.
import type { Redis } from 'ioredis';
import type { Config } from '../../config/env.js';
import type { RoutesOf } from '../../http/module-routes.js';
import type { Logger } from '../../logging/logger.js';
import type { MerchantRepository } from '../merchants/merchant.repository.js';
import { QWeatherClient } from './qweather.client.js';
import { weatherRoutes } from './weather.routes.js';
import { WeatherService } from './weather.service.js';

export function build(d: { config: Config; redis: Redis; logger: Logger; merchants: MerchantRepository }) {
  const service = new WeatherService({
    client: d.config.weather && new QWeatherClient(d.config.weather),
    redis: d.redis,
    merchants: d.merchants,
    logger: d.logger,
  });
  const routes: RoutesOf = () => ({ api: [weatherRoutes(service)] });
  return { service, routes };
}
