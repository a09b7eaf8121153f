import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/staff';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { route } from '../../http/contract-route.js';
import { presentStaff } from './staff.presenter.js';
import type { StaffRepository } from './staff.repository.js';

export function staffRoutes(staff: StaffRepository): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/staff' });
  route(router, api.list, requireRole('manager'), async (_, ctx) => ({
    items: (await staff.list(ctx.state.session.merchantId)).map(presentStaff),
  }));
  return router;
}
