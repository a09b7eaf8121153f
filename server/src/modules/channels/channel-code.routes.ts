import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/channels';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentChannelCode } from './channel-code.presenter.js';
import type { ChannelCodeService } from './channel-code.service.js';

export function channelCodeRoutes(codes: ChannelCodeService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/channel-codes' });
  // staff read the codes (to show a customer one); managers and owners make them
  route(router, api.channelCodes, async (_, ctx) => ({
    items: (await codes.list(ctx.state.session.merchantId)).map(presentChannelCode),
  }));
  // before any ":id" route: "adds" is not a code
  route(router, api.channelAdds, async ({ query }, ctx) => codes.weeklyAdds(ctx.state.session.merchantId, query.weeks));
  route(router, api.createChannelCode, requireRole('manager'), async ({ body }, ctx) =>
    presentChannelCode(await codes.create(ctx.state.session.merchantId, body)),
  );
  return router;
}
