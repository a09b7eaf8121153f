import { Router } from '@koa/router';
import { channelCodeCreateSchema } from '@xiaoer/common/schemas/channel';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { parse } from '../../http/validate.js';
import type { ChannelCodeService } from './channel-code.service.js';

export function channelCodeRoutes(codes: ChannelCodeService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/channel-codes' });
  router.get('/', requireRole('manager'), async (ctx) => {
    ctx.body = { items: await codes.list(ctx.state.session.merchantId) };
  });
  router.post('/', requireRole('manager'), async (ctx) => {
    ctx.status = 201;
    ctx.body = await codes.create(ctx.state.session.merchantId, parse(channelCodeCreateSchema, ctx.request.body));
  });
  return router;
}
