import { Router } from '@koa/router';
import { idParamsSchema } from '@xiaoer/common/schemas/common';
import { groupSendCreateSchema } from '@xiaoer/common/schemas/group-send';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { GroupSendService } from './group-send.service.js';

export function groupSendRoutes(groupSends: GroupSendService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/group-sends' });
  router.post('/', requireRole('manager'), async (ctx) => {
    ctx.status = 201;
    ctx.body = await groupSends.create(ctx.state.session.merchantId, parse(groupSendCreateSchema, ctx.request.body));
  });
  router.get('/:id', requireRole('manager'), async (ctx) => {
    ctx.body = await groupSends.refresh(ctx.state.session.merchantId, parse(idParamsSchema, ctx.params).id);
  });
  return router;
}
