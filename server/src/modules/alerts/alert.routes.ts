import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/alerts';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentAlert } from './alert.presenter.js';
import type { AlertService } from './alert.service.js';

/** The owner's (and managers') alerts: the list, one alert's detail, marking it handled. */
export function alertRoutes(alerts: AlertService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/alerts' });
  router.use(requireRole('manager'));
  route(router, api.list, async ({ query }, ctx) => {
    const { items, nextCursor } = await alerts.page(ctx.state.session.merchantId, query);
    return { items: items.map(presentAlert), ...(nextCursor && { nextCursor }) };
  });
  route(router, api.get, async ({ params }, ctx) =>
    presentAlert(await alerts.get(ctx.state.session.merchantId, params.id)),
  );
  route(router, api.resolve, async ({ params }, ctx) =>
    presentAlert(await alerts.resolve(ctx.state.session, params.id)),
  );
  return router;
}
