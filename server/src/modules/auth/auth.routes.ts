import { Router } from '@koa/router';
import { demoLoginSchema } from '@xiaoer/common/schemas/auth';
import type { AuthedState } from '../../auth/auth.middleware.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { parse } from '../../http/validate.js';
import type { FixedWindowRateLimiter } from '../../redis/rate-limiter.js';
import { globalKey } from '../../redis/keys.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import { presentStaff } from '../staff/staff.presenter.js';
import type { AuthService } from './auth.service.js';

/** Login endpoints are public, so they are rate-limited per client address. */
export function publicAuthRoutes(auth: AuthService, limiter: FixedWindowRateLimiter): Router {
  const router = new Router({ prefix: '/api/auth' });
  router.post('/demo-login', async (ctx) => {
    const decision = await limiter.consume(globalKey('rl', 'login', ctx.ip), 30, 60_000);
    if (!decision.allowed) {
      ctx.set('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
      throw new AppError('rate_limited');
    }
    ctx.body = await auth.demoLogin(parse(demoLoginSchema, ctx.request.body ?? {}));
  });
  return router;
}

export function sessionRoutes(staff: StaffRepository): Router<AuthedState> {
  const router = new Router<AuthedState>({ prefix: '/auth' });
  router.get('/me', async (ctx) => {
    const { merchantId, staffId } = ctx.state.session;
    const me = await staff.findById(merchantId, staffId);
    if (!me) throw notFound('账号已停用，请联系老板');
    ctx.body = presentStaff(me);
  });
  return router;
}
