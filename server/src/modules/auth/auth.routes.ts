import { Router } from '@koa/router';
import * as api from '@xiaoer/common/api/auth';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { notFound } from '../../errors/app-error.js';
import { route } from '../../http/contract-route.js';
import { presentStaff } from '../staff/staff.presenter.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { AuthService } from './auth.service.js';
import { loginRateLimit, type LoginLimits } from './login-limits.js';

export function publicAuthRoutes(auth: AuthService, limits: LoginLimits): Router {
  const router = new Router({ prefix: '/api/auth' });
  router.use(loginRateLimit(limits));
  route(router, api.demoLogin, ({ body }) => auth.demoLogin(body));
  // The sidebar, before WeCom's OAuth redirect: where to go.
  route(router, api.wecomOauthUrl, ({ query }) => auth.wecomOauthUrl(query.corpId, query.redirectUri));
  // The sidebar, after WeCom's OAuth redirect.
  route(router, api.wecomLogin, ({ body }) => auth.wecomLogin(body.corpId, body.code));
  // The mini-program, with the wx.login code.
  route(router, api.miniProgramLogin, ({ body }) => auth.miniProgramLogin(body.code));
  route(router, api.miniProgramBind, ({ body }) => auth.bindMiniProgram(body.bindTicket, body.inviteCode));
  return router;
}

export function sessionRoutes(auth: AuthService, staff: StaffRepository): Router<AuthedState> {
  const router = new Router<AuthedState>();
  route(router, api.me, async (_, ctx) => {
    const { merchantId, staffId } = ctx.state.session;
    const me = await staff.findById(merchantId, staffId);
    if (!me) throw notFound('账号已停用，请联系老板');
    return presentStaff(me);
  });
  route(router, api.refresh, (_, ctx) => auth.refresh(ctx.state.session));
  route(router, api.createInvite, requireRole('owner'), ({ body }, ctx) =>
    auth.createInvite(ctx.state.session, body.staffId),
  );
  return router;
}
