import { Router } from '@koa/router';
import { alertListQuerySchema } from '@xiaoer/common/schemas/alert';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { AlertService } from './alert.service.js';

/** The owner's (and managers') alerts: the list, one alert's detail, marking it handled. */
export function alertRoutes(alerts: AlertService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/alerts' });
  router.use(requireRole('manager'));
  router.get('/', async (ctx) => {
    ctx.body = {
      items: await alerts.list(ctx.state.session.merchantId, parse(alertListQuerySchema, ctx.query).status),
    };
  });
  router.get('/:id', async (ctx) => {
    ctx.body = await alerts.get(ctx.state.session.merchantId, parse(idParamsSchema, ctx.params).id);
  });
  router.post('/:id/resolve', async (ctx) => {
    ctx.body = await alerts.resolve(ctx.state.session, parse(idParamsSchema, ctx.params).id);
  });
  return router;
}
