import { Router } from '@koa/router';
import {
  demoLoginSchema,
  inviteCreateSchema,
  miniProgramBindSchema,
  miniProgramLoginSchema,
  wecomLoginSchema,
} from '@xiaoer/common/schemas/auth';
import { oauthUrlQuerySchema } from '@xiaoer/common/schemas/sidebar';
import type { Middleware } from 'koa';
import { requireRole, type AuthedState } from '../../auth/auth.middleware.js';
import { AppError, notFound } from '../../errors/app-error.js';
import { parse } from '../../http/validate.js';
import { presentStaff } from '../staff/staff.presenter.js';
import type { StaffRepository } from '../staff/staff.repository.js';
import type { AuthService } from './auth.service.js';
import type { LoginLimits } from './login-limits.js';

/** Login endpoints are public, so each client address gets 30 attempts a minute (503 while Redis is down). */
function loginRateLimit(limits: LoginLimits): Middleware {
  return async (ctx, next) => {
    const decision = await limits.perAddress(ctx.ip);
    if (!decision.allowed) {
      ctx.set('Retry-After', String(Math.ceil(decision.retryAfterMs / 1000)));
      throw new AppError('rate_limited');
    }
    await next();
  };
}

export function publicAuthRoutes(auth: AuthService, limits: LoginLimits): Router {
  const router = new Router({ prefix: '/api/auth' });
  router.use(loginRateLimit(limits));
  router.post('/demo-login', async (ctx) => {
    ctx.body = await auth.demoLogin(parse(demoLoginSchema, ctx.request.body ?? {}));
  });
  // The sidebar, before WeCom's OAuth redirect: where to go.
  router.get('/wecom/oauth-url', async (ctx) => {
    const { corpId, redirectUri } = parse(oauthUrlQuerySchema, ctx.query);
    ctx.body = await auth.wecomOauthUrl(corpId, redirectUri);
  });
  // The sidebar, after WeCom's OAuth redirect.
  router.post('/wecom', async (ctx) => {
    const { corpId, code } = parse(wecomLoginSchema, ctx.request.body);
    ctx.body = await auth.wecomLogin(corpId, code);
  });
  // The mini-program, with the wx.login code.
  router.post('/miniprogram/login', async (ctx) => {
    ctx.body = await auth.miniProgramLogin(parse(miniProgramLoginSchema, ctx.request.body).code);
  });
  router.post('/miniprogram/bind', async (ctx) => {
    const { bindTicket, inviteCode } = parse(miniProgramBindSchema, ctx.request.body);
    ctx.body = await auth.bindMiniProgram(bindTicket, inviteCode);
  });
  return router;
}

export function sessionRoutes(auth: AuthService, staff: StaffRepository): Router<AuthedState> {
  const router = new Router<AuthedState>();
  router.get('/auth/me', async (ctx) => {
    const { merchantId, staffId } = ctx.state.session;
    const me = await staff.findById(merchantId, staffId);
    if (!me) throw notFound('账号已停用，请联系老板');
    ctx.body = presentStaff(me);
  });
  router.post('/auth/refresh', async (ctx) => {
    ctx.body = await auth.refresh(ctx.state.session);
  });
  router.post('/invites', requireRole('owner'), async (ctx) => {
    ctx.status = 201;
    ctx.body = await auth.createInvite(ctx.state.session, parse(inviteCreateSchema, ctx.request.body).staffId);
  });
  return router;
}
