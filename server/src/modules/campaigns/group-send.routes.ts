import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/campaigns';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import type { GroupSendService } from './group-send.service.js';

export function groupSendRoutes(groupSends: GroupSendService): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/group-sends' });
  route(router, api.createGroupSend, requireRole('manager'), ({ body }, ctx) =>
    groupSends.create(ctx.state.session.merchantId, body),
  );
  route(router, api.groupSend, requireRole('manager'), ({ params }, ctx) =>
    groupSends.refresh(ctx.state.session.merchantId, params.id),
  );
  return router;
}
