import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/merchants';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentWeather } from './weather.presenter.js';
import type { WeatherService } from './weather.service.js';

/** The shop's city for the weather, and the days ahead there. */
export function weatherRoutes(weather: WeatherService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/merchant/weather' });
  route(router, api.weather, async (_, ctx) => presentWeather(await weather.overview(ctx.state.session.merchantId)));
  route(router, api.setWeatherLocation, requireRole('owner'), async ({ body }, ctx) => {
    const { merchantId } = ctx.state.session;
    await weather.setLocation(merchantId, body.city);
    return presentWeather(await weather.overview(merchantId));
  });
  return router;
}
