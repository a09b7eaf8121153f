import { Router } from '@koa/router';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { presentStaff } from './staff.presenter.js';
import type { StaffRepository } from './staff.repository.js';

export function staffRoutes(staff: StaffRepository): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/staff' });
  router.get('/', requireRole('manager'), async (ctx) => {
    ctx.body = { items: (await staff.list(ctx.state.session.merchantId)).map(presentStaff) };
  });
  return router;
}
