import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/setup-golive';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentGoLive } from './golive.presenter.js';
import type { GoLiveService } from './golive.service.js';

/** The owner's test-and-go-live step: every endpoint is the owner's. */
export function goLiveRoutes(goLive: GoLiveService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/setup/golive' });
  router.use(requireRole('owner'));
  route(router, api.goLive, async (_, ctx) => presentGoLive(await goLive.status(ctx.state.session.merchantId)));
  route(router, api.startTest, async (_, { state: { session } }) =>
    presentGoLive(await goLive.startTest(session.merchantId, session.staffId)),
  );
  route(router, api.forgetTest, async (_, { state: { session } }) =>
    presentGoLive(await goLive.forgetTest(session.merchantId, session.staffId)),
  );
  route(router, api.simulateCustomer, async ({ body }, ctx) =>
    presentGoLive(await goLive.simulate(ctx.state.session.merchantId, body.text)),
  );
  route(router, api.launch, async ({ body }, { state: { session } }) =>
    presentGoLive(await goLive.launchShop(session.merchantId, session.staffId, body.autoReplyMode)),
  );
  return router;
}
