import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/campaigns';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentGroupSend } from './group-send.presenter.js';
import type { GroupSendService } from './group-send.service.js';

export function groupSendRoutes(groupSends: GroupSendService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/group-sends' });
  route(router, api.createGroupSend, requireRole('manager'), async ({ body }, ctx) =>
    presentGroupSend(await groupSends.create(ctx.state.session.merchantId, body)),
  );
  route(router, api.groupSend, requireRole('manager'), async ({ params }, ctx) =>
    presentGroupSend(await groupSends.refresh(ctx.state.session.merchantId, params.id)),
  );
  return router;
}
