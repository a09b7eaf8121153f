import { Router } from '@koa/router';
import { calendarLayerParamsSchema, groupCalendarUpdateSchema } from '@xiaoer/common/schemas/group-calendar';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { GroupCalendarService } from './group-calendar.service.js';

/** Each group layer's weekly calendar: read, set, or back to the industry's. */
export function groupCalendarRoutes(calendars: GroupCalendarService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/group-calendars' });
  const manager = requireRole('manager');
  router.get('/', manager, async (ctx) => {
    ctx.body = { items: await calendars.list(ctx.state.session.merchantId) };
  });
  router.put('/:layer', manager, async (ctx) => {
    const { layer } = parse(calendarLayerParamsSchema, ctx.params);
    ctx.body = await calendars.save(
      ctx.state.session.merchantId,
      layer,
      parse(groupCalendarUpdateSchema, ctx.request.body),
    );
  });
  router.delete('/:layer', manager, async (ctx) => {
    ctx.body = await calendars.reset(ctx.state.session.merchantId, parse(calendarLayerParamsSchema, ctx.params).layer);
  });
  return router;
}
