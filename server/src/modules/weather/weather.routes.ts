import { Router } from '@koa/router';
import { weatherLocationUpdateSchema, type WeatherOverviewDto } from '@xiaoer/common/schemas/weather';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { WeatherService } from './weather.service.js';

/** The shop's city for the weather, and the days ahead there. */
export function weatherRoutes(weather: WeatherService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/merchant/weather' });
  router.get('/', async (ctx) => {
    ctx.body = (await weather.overview(ctx.state.session.merchantId)) satisfies WeatherOverviewDto;
  });
  router.put('/', requireRole('owner'), async (ctx) => {
    const { merchantId } = ctx.state.session;
    await weather.setLocation(merchantId, parse(weatherLocationUpdateSchema, ctx.request.body).city);
    ctx.body = (await weather.overview(merchantId)) satisfies WeatherOverviewDto;
  });
  return router;
}
