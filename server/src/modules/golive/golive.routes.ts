import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/setup-golive';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { GoLiveService } from './golive.service.js';

/** The owner's test-and-go-live step: every endpoint is the owner's. */
export function goLiveRoutes(goLive: GoLiveService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/setup/golive' });
  router.use(requireRole('owner'));
  route(router, api.goLive, (_, ctx) => goLive.status(ctx.state.session.merchantId));
  route(router, api.startTest, (_, ctx) => goLive.startTest(ctx.state.session.merchantId, ctx.state.session.staffId));
  route(router, api.forgetTest, (_, ctx) => goLive.forgetTest(ctx.state.session.merchantId, ctx.state.session.staffId));
  route(router, api.simulateCustomer, ({ body }, ctx) => goLive.simulate(ctx.state.session.merchantId, body.text));
  route(router, api.launch, ({ body }, ctx) =>
    goLive.launchShop(ctx.state.session.merchantId, ctx.state.session.staffId, body.autoReplyMode),
  );
  return router;
}
