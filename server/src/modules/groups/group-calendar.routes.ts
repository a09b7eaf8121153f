import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/group-calendars';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentGroupCalendar, presentGroupCalendars } from './group-calendar.presenter.js';
import type { GroupCalendarService } from './group-calendar.service.js';

/** Each group layer's weekly calendar: read, set, or back to the industry's. */
export function groupCalendarRoutes(calendars: GroupCalendarService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/group-calendars' });
  const manager = requireRole('manager');
  route(router, api.calendars, manager, async (_, ctx) => ({
    items: presentGroupCalendars(await calendars.calendarsOf(ctx.state.session.merchantId)),
  }));
  route(router, api.saveCalendar, manager, async ({ params, body }, ctx) =>
    presentGroupCalendar(await calendars.save(ctx.state.session.merchantId, params.layer, body), params.layer),
  );
  route(router, api.resetCalendar, manager, async ({ params }, ctx) =>
    presentGroupCalendar(await calendars.reset(ctx.state.session.merchantId, params.layer), params.layer),
  );
  return router;
}
