import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/group-calendars';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { GroupCalendarService } from './group-calendar.service.js';

/** Each group layer's weekly calendar: read, set, or back to the industry's. */
export function groupCalendarRoutes(calendars: GroupCalendarService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/group-calendars' });
  const manager = requireRole('manager');
  route(router, api.calendars, manager, async (_, ctx) => ({
    items: await calendars.list(ctx.state.session.merchantId),
  }));
  route(router, api.saveCalendar, manager, ({ params, body }, ctx) =>
    calendars.save(ctx.state.session.merchantId, params.layer, body),
  );
  route(router, api.resetCalendar, manager, ({ params }, ctx) =>
    calendars.reset(ctx.state.session.merchantId, params.layer),
  );
  return router;
}
